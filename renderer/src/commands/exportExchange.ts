import type { CommandId } from '../../../shared/commands';
import { defineCommand, type ExchangeFormat } from './types';

/*
 * The open case in formats other tools read: its entities and relationships for Aleph and other FollowTheMoney tools,
 * its codebook and coded excerpts for qualitative-analysis tools. The workspace offers the export (its writers load
 * with the first one), so nothing of it is in the start bundle but these words.
 */

const exchangeCommand = (id: CommandId, format: ExchangeFormat) =>
  defineCommand(id, {
    enabled: ({ targets }) => targets.exportExchange !== undefined,
    perform: ({ targets }) => targets.exportExchange?.(format),
    whenUnavailable: 'Open a case first.',
  });

export const exportEntitiesAsFollowTheMoney = exchangeCommand('exchange.followTheMoney', 'followTheMoney');
export const exportCodebookAsRefiQda = exchangeCommand('exchange.refiQda', 'refiQda');
