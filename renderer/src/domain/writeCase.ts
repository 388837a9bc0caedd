import type { Dexie, Table } from 'dexie';
import type { z } from 'zod';
import type { HistoryAction, HistoryEntry, RecordRef } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { NotFoundError, ValidationError } from './errors';

export const newId = (): string => crypto.randomUUID();
export const now = (): string => new Date().toISOString();

/** Parses input with its schema, turning the schema's complaints into a ValidationError that forms can show. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw ValidationError.fromZod(result.error);
  return result.data;
}

export interface Change {
  action: HistoryAction;
  summary: string;
  records: RecordRef[];
  /** What undoing the change needs, for a change that can be undone (a merge of entities). */
  undo?: HistoryEntry['undo'];
  /** For an undo, the `seq` of the entry it undid. */
  undoes?: number;
}

type TableName = Exclude<keyof CasebookDB, keyof Dexie> & string;

/**
 * Runs one domain operation in one transaction over the given tables plus `cases` and `history`: the write, the
 * history entry it returns and the case's last-change time land together or not at all. An operation whose change the
 * history already tells (a note's autosave moments after the entry for the same edit) returns no change: history is
 * only ever added to, so such an entry is never written rather than written and taken back.
 */
export async function writeCase<T>(
  db: CasebookDB,
  caseId: string,
  tables: readonly TableName[],
  operation: () => Promise<{ result: T; change: Change | null }>,
): Promise<T> {
  return db.transaction('rw', [...new Set([...tables, 'cases', 'history'])], async () => {
    const at = now();
    const updated = await db.cases.update(caseId, { updatedAt: at });
    if (!updated) throw new NotFoundError('This case no longer exists. It may have been deleted in another window.');
    const { result, change } = await operation();
    if (change) await db.history.add({ caseId, at, ...change });
    return result;
  });
}

/** Quotes a name for history and confirmation messages: “Marta Kowal”. */
export const quoted = (name: string): string => `“${name}”`;

/**
 * Runs an edit of one record in its case's transaction, handing the edit the record as read inside that transaction:
 * an edit can never bring back a record deleted meanwhile (in another window), nor write over a change made since.
 */
export async function editRecord<T extends { caseId: string }, R>(
  db: CasebookDB,
  table: Table<T, string>,
  id: string,
  missing: string,
  otherTables: readonly TableName[],
  edit: (current: T) => Promise<{ result: R; change: Change | null }>,
): Promise<R> {
  const found = await table.get(id);
  if (!found) throw new NotFoundError(missing);
  return writeCase(db, found.caseId, [table.name as TableName, ...otherTables], async () => {
    const current = await table.get(id);
    if (!current) throw new NotFoundError(missing);
    return edit(current);
  });
}
