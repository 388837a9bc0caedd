import { cleanName } from '../validation';
import { rewriteIds } from './ids';
import { ARCHIVED_TABLES, type ArchivedCase, type ArchivedRow, type ArchivedTable } from './records';

/**
 * An archived case given fresh ids, so that it can be imported beside the case it came from, and the same archive
 * imported twice. Pure; run on rows that passed `parseArchivedRow` and `checkReferences`. `caseRemap` does it a row at
 * a time (the import, which never holds the whole case), `remapCase` to a whole case in memory.
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

/** Gives one row of the archived case its new ids: the same old id always becomes the same new one. */
export type RowRemap = <T extends ArchivedTable>(table: T, row: ArchivedRow<T>) => ArchivedRow<T>;

/**
 * A row at a time, the case with every id replaced by a fresh one from `newId` (records, their parts, and the ids of
 * records gone that the history or a text still names), every reference rewritten to match (in rich text, in keys
 * made of ids such as a recognised page's or a dismissed date's, in the chart's positions and the report's
 * selection), every row in the case `newCaseId`, called `newCaseName`, and the history numbered from `firstSeq` in the
 * order of `historySeqs` (every history entry's seq in the archive). What it keeps is one new id per old one.
 */
export function caseRemap(newId: () => string, newCaseId: string, newCaseName: string, historySeqs: Iterable<number>, { firstSeq }: RemapOptions): RowRemap {
  const renumber = historyNumbering(historySeqs, firstSeq);
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
  const name = cleanName(newCaseName);
  return <T extends ArchivedTable>(table: T, row: ArchivedRow<T>): ArchivedRow<T> => {
    const remapped = rewriteIds(table, row, (slot) => (slot.table === 'cases' ? newCaseId : freshFor(slot.id)));
    if (table === 'cases') return { ...(remapped as ArchivedRow<'cases'>), name, nameKey: name.toLocaleLowerCase() } as ArchivedRow<T>;
    if (table === 'history') return renumber(remapped as ArchivedRow<'history'>) as ArchivedRow<T>;
    return remapped;
  };
}

/** The whole case remapped at once (see `caseRemap`), its history in its order. */
export function remapCase(rows: Partial<ArchivedCase>, newId: () => string, newCaseId: string, newCaseName: string, options: RemapOptions): ArchivedCase {
  const remap = caseRemap(newId, newCaseId, newCaseName, (rows.history ?? []).map((entry) => entry.seq), options);
  const remapped = {} as Record<ArchivedTable, unknown[]>;
  for (const table of ARCHIVED_TABLES) remapped[table] = ((rows[table] ?? []) as ArchivedRow<ArchivedTable>[]).map((row) => remap(table, row));
  (remapped.history as ArchivedRow<'history'>[]).sort((a, b) => a.seq - b.seq);
  return remapped as ArchivedCase;
}

/**
 * Numbers a case's history entries from `firstSeq` in the order of their `seq`s (`seqs`, every entry's), each
 * `undoes` following the entry it names (see `RemapOptions`); an entry at a time.
 */
export function historyNumbering(seqs: Iterable<number>, firstSeq: number): (entry: ArchivedRow<'history'>) => ArchivedRow<'history'> {
  if (!Number.isSafeInteger(firstSeq) || firstSeq < 1) throw new RangeError(`A history entry’s seq is a whole number from 1: ${firstSeq} is not.`);
  const numbers = new Map([...seqs].sort((a, b) => a - b).map((seq, index) => [seq, firstSeq + index]));
  return (entry) => {
    const { undoes, ...rest } = entry;
    const undone = undoes === undefined ? undefined : numbers.get(undoes);
    return { ...rest, seq: numbers.get(entry.seq)!, ...(undone !== undefined && { undoes: undone }) };
  };
}

/**
 * A case's history numbered from `firstSeq` in its order, each `undoes` following the entry it names: for a case
 * written back with its own ids, whose entries other cases' may have passed since.
 */
export function renumberHistory(entries: readonly ArchivedRow<'history'>[], firstSeq: number): ArchivedRow<'history'>[] {
  const renumber = historyNumbering(
    entries.map((entry) => entry.seq),
    firstSeq,
  );
  return entries.map(renumber).sort((a, b) => a.seq - b.seq);
}
