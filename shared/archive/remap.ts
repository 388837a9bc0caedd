import { cleanName } from '../validation';
import { rewriteIds } from './ids';
import { ARCHIVED_TABLES, type ArchivedCase, type ArchivedRow, type ArchivedTable } from './records';

/**
 * An archived case given fresh ids, so that it can be imported beside the case it came from, and the same archive
 * imported twice. Pure; run on rows that passed `parseArchivedRow` and `checkReferences`.
 */

export interface RemapOptions {
  /**
   * The `seq` the case's first history entry takes. History is keyed by an auto-incremented `seq`, and an undo names
   * the entry it undid by it, so the entries cannot simply be added without one: the import reads the highest `seq` in
   * the database inside its write transaction and passes one more. The entries keep their order and are numbered on
   * from there, each `undoes` following its entry; added with those keys, they move IndexedDB's key generator past
   * them, so entries written later still number on.
   */
  firstSeq: number;
}

/**
 * The same case with every id replaced by a fresh one from `newId` (records, their parts, and the ids of records gone
 * that the history or a text still names), every reference rewritten to match (in rich text, in keys made of ids
 * such as a recognised page's or a dismissed date's, in the chart's positions and the report's selection), every row
 * in the case `newCaseId`, called `newCaseName`, and the history numbered from `firstSeq`.
 */
export function remapCase(
  rows: Partial<ArchivedCase>,
  newId: () => string,
  newCaseId: string,
  newCaseName: string,
  { firstSeq }: RemapOptions,
): ArchivedCase {
  if (!Number.isSafeInteger(firstSeq) || firstSeq < 1) throw new RangeError(`A history entry’s seq is a whole number from 1: ${firstSeq} is not.`);
  const fresh = new Map<string, string>();
  const given = new Set<string>([newCaseId]);
  const freshFor = (id: string): string => {
    let replacement = fresh.get(id);
    if (replacement === undefined) {
      replacement = newId();
      // Two records given one id would overwrite each other when written: refuse rather than lose one.
      if (given.has(replacement)) throw new Error(`The new id ${replacement} was given twice: ids must be unique.`);
      given.add(replacement);
      fresh.set(id, replacement);
    }
    return replacement;
  };

  const remapped = {} as ArchivedCase;
  for (const table of ARCHIVED_TABLES) {
    const tableRows = (rows[table] ?? []) as ArchivedRow<ArchivedTable>[];
    (remapped as Record<ArchivedTable, unknown[]>)[table] = tableRows.map((row) =>
      rewriteIds(table, row, (slot) => (slot.table === 'cases' ? newCaseId : freshFor(slot.id))),
    );
  }

  const name = cleanName(newCaseName);
  remapped.cases = remapped.cases.map((caseFile) => ({ ...caseFile, name, nameKey: name.toLocaleLowerCase() }));

  remapped.history = renumberHistory(remapped.history, firstSeq);
  return remapped;
}

/**
 * A case's history numbered from `firstSeq` in its order, each `undoes` following the entry it names (see
 * `RemapOptions`): for a case written back with its own ids, whose entries other cases' may have passed since.
 */
export function renumberHistory(entries: readonly ArchivedRow<'history'>[], firstSeq: number): ArchivedRow<'history'>[] {
  const history = [...entries].sort((a, b) => a.seq - b.seq);
  const seqs = new Map(history.map((entry, index) => [entry.seq, firstSeq + index]));
  return history.map((entry) => {
    const { undoes, ...rest } = entry;
    const undone = undoes === undefined ? undefined : seqs.get(undoes);
    return { ...rest, seq: seqs.get(entry.seq)!, ...(undone !== undefined && { undoes: undone }) };
  });
}
