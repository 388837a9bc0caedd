/**
 * Which tables search watches, and how a record is keyed in the index: all that the write watcher (writes.ts), which
 * loads at start, needs of search; what is searched of each record (searchFields.ts) loads with the first search.
 */
import { RECORD_KINDS, RECORD_TYPES } from '../../../shared/vocabulary';
import type { RecordRef, RecordType } from '../../../shared/domain';

/** The tables whose records are searched, and the record type each holds: every kind of record the case has. */
export const SEARCHED_TABLES = Object.fromEntries(RECORD_TYPES.map((type) => [RECORD_KINDS[type].table, type])) as {
  readonly [T in RecordType as (typeof RECORD_KINDS)[T]['table']]: T;
};

export type SearchedTable = keyof typeof SEARCHED_TABLES;

export const isSearchedTable = (table: string): table is SearchedTable => Object.hasOwn(SEARCHED_TABLES, table);

/** The key of a record in the index: type and id, since ids are unique per table only. */
export const keyOf = (ref: RecordRef): string => `${ref.type}:${ref.id}`;

export function refOf(key: string): RecordRef {
  const colon = key.indexOf(':');
  return { type: key.slice(0, colon) as RecordType, id: key.slice(colon + 1) };
}
