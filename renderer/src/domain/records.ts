import type { CaseRecord, RecordRef, RecordType } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';

/** The table each record type lives in. */
export const TABLE_OF = {
  document: 'documents',
  excerpt: 'excerpts',
  entity: 'entities',
  event: 'events',
  note: 'notes',
} as const satisfies Record<RecordType, string>;

/** The word a researcher uses for each record type, for messages. */
export const TYPE_LABEL: Record<RecordType, string> = {
  document: 'document',
  excerpt: 'excerpt',
  entity: 'entity',
  event: 'event',
  note: 'note',
};

export async function getRecord(db: CasebookDB, ref: RecordRef): Promise<CaseRecord | undefined> {
  return (await db.table(TABLE_OF[ref.type]).get(ref.id)) as CaseRecord | undefined;
}

/** What a record is called in lists and messages: its name or title, or the start of its quote. */
export function recordTitle(record: CaseRecord): string {
  if ('name' in record) return record.name;
  if ('title' in record) return record.title;
  return record.quote.length > 60 ? `${record.quote.slice(0, 59)}…` : record.quote;
}
