import { defineCommand } from './types';

/*
 * The open case in the formats other tools read: its entities and relationships for Aleph and other FollowTheMoney
 * tools, its codebook and coded excerpts for qualitative-analysis tools. The writers load with the first export.
 */

export const exportEntitiesAsFollowTheMoney = defineCommand('exchange.followTheMoney', {
  enabled: ({ route }) => route.caseId !== null,
  perform: async ({ route }) => {
    const { saveFollowTheMoney } = await import('../exchange/saveExchange');
    await saveFollowTheMoney(route.caseId!);
  },
  whenUnavailable: 'Open a case first: its entities and relationships are exported.',
});

export const exportCodebookAsRefiQda = defineCommand('exchange.refiQda', {
  enabled: ({ route }) => route.caseId !== null,
  perform: async ({ route }) => {
    const { saveRefiQda } = await import('../exchange/saveExchange');
    await saveRefiQda(route.caseId!);
  },
  whenUnavailable: 'Open a case first: its codebook and coded excerpts are exported.',
});
