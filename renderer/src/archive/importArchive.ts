/**
 * Brings a `.casebook` archive into Casebook: read and checked whole first (`readArchive`: the zip, the manifest,
 * every entry's size and hash), then every row against its table's schema and every reference between rows
 * (`shared/archive`), and only then written, in one transaction: a failure anywhere leaves every case as it was.
 *
 * - As a new case: every id is made new (so the same archive imports twice, side by side) and the case is named as
 *   in the archive, with " (2)", " (3)"… when that name is taken.
 * - Replacing the case it came from: that case's rows are deleted and the archive's written with their own ids, in
 *   the same transaction. `describeReplacement` says first what would be lost.
 */
import { checkReferences } from '../../../shared/archive/references';
import { parseArchivedRow } from '../../../shared/archive/records';
import { remapCase } from '../../../shared/archive/remap';
import type { CaseFile, HistoryEntry } from '../../../shared/domain';
import { CASE_TABLES, type CasebookDB } from '../db/schema';
import { newId } from '../domain/writeCase';
import { ArchiveError, readArchive, type ReadArchive, type ReadArchiveOptions } from './readArchive';
import { ARCHIVED_TABLES, type ArchivedTable } from './writeArchive';

export type ImportMode = { as: 'new' } | { as: 'replace'; caseId: string };

/** Most problems one refusal lists; it says how many more there are. */
const LISTED_PROBLEMS = 5;

const count = (value: number) => value.toLocaleString('en');

/** The archive's rows, each checked against its table's schema and its references; a refusal lists the first problems. */
export async function readCheckedArchive(file: Blob, fileName: string, options: ReadArchiveOptions = {}): Promise<ReadArchive> {
  const read = await readArchive(file, fileName, options);
  const problems: string[] = [];
  for (const table of ARCHIVED_TABLES)
    read.rows[table] = read.rows[table].map((row) => {
      const parsed = parseArchivedRow(table, row);
      if ('problem' in parsed) {
        problems.push(parsed.problem);
        return row;
      }
      return parsed.ok as Record<string, unknown>;
    });
  if (!problems.length) problems.push(...checkReferences(read.rows));
  if (problems.length) {
    const more = problems.length > LISTED_PROBLEMS ? ` (and ${count(problems.length - LISTED_PROBLEMS)} more)` : '';
    throw new ArchiveError(`${fileName} holds records Casebook cannot take${more}: ${problems.slice(0, LISTED_PROBLEMS).join(' ')}`);
  }
  return read;
}

/** The name a new case takes: the archive's, or with " (2)", " (3)"… after it when that is taken. */
async function freeName(db: CasebookDB, name: string): Promise<string> {
  const taken = new Set((await db.cases.toArray()).map((caseFile) => caseFile.nameKey));
  if (!taken.has(name.toLocaleLowerCase())) return name;
  for (let number = 2; ; number++) {
    const candidate = `${name} (${number})`;
    if (!taken.has(candidate.toLocaleLowerCase())) return candidate;
  }
}

/** What replacing the case with the archive would lose: its rows the archive does not have, counted by table. */
export async function describeReplacement(db: CasebookDB, caseId: string, read: ReadArchive): Promise<{ table: ArchivedTable; lost: number }[]> {
  const lost: { table: ArchivedTable; lost: number }[] = [];
  for (const table of ARCHIVED_TABLES) {
    if (table === 'cases') continue;
    const kept = new Set(read.rows[table].map((row) => String(row.id ?? row.seq ?? JSON.stringify(row))));
    const rows: Record<string, unknown>[] = await db.table(table).where('caseId').equals(caseId).toArray();
    const missing = rows.filter((row) => !kept.has(String(row.id ?? row.seq ?? JSON.stringify(row)))).length;
    if (missing) lost.push({ table, lost: missing });
  }
  return lost;
}

/**
 * Writes the checked archive's case, in one transaction, and answers with it. History keeps its order; its entries
 * are numbered anew, an undo pointing at the entry it undid by its new number.
 */
export async function importArchive(db: CasebookDB, read: ReadArchive, mode: ImportMode): Promise<CaseFile> {
  const archived = read.rows.cases[0] as unknown as CaseFile;
  let rows = read.rows;
  let caseFile: CaseFile;
  if (mode.as === 'new') {
    const name = await freeName(db, archived.name);
    const caseId = newId();
    rows = remapCase(read.rows, newId, caseId, name) as typeof rows;
    caseFile = rows.cases[0] as unknown as CaseFile;
  } else {
    if (mode.caseId !== archived.id) throw new ArchiveError(`The archive holds the case “${archived.name}”, not the one it would replace.`);
    caseFile = archived;
  }
  const tables = CASE_TABLES.filter((table) => db.tables.some((declared) => declared.name === table));
  await db.transaction('rw', ['cases', ...tables], async () => {
    if (mode.as === 'replace') {
      for (const table of tables) await db.table(table).where('caseId').equals(mode.caseId).delete();
      await db.cases.delete(mode.caseId);
    } else if (await db.cases.where('nameKey').equals(caseFile.nameKey).count()) {
      throw new ArchiveError(`A case named “${caseFile.name}” was made while the archive was read. Import it again.`);
    }
    await db.cases.add(caseFile);
    for (const table of ARCHIVED_TABLES) {
      if (table === 'cases' || table === 'history' || !rows[table].length) continue;
      await db.table(table).bulkAdd(rows[table]);
    }
    // History in its order, numbered anew.
    const history = rows.history as unknown as HistoryEntry[];
    const newSeqs = (await db.history.bulkAdd(
      history.map(({ seq: _seq, undoes: _undoes, ...entry }) => entry),
      { allKeys: true },
    )) as number[];
    const renumbered = new Map(history.map((entry, index) => [entry.seq, newSeqs[index]!]));
    for (const [index, entry] of history.entries())
      if (entry.undoes !== undefined) await db.history.update(newSeqs[index]!, { undoes: renumbered.get(entry.undoes) ?? entry.undoes });
    await db.history.add({
      caseId: caseFile.id,
      at: new Date().toISOString(),
      action: 'import',
      summary: `${mode.as === 'new' ? 'Imported' : 'Restored'} the case from its archive of ${read.manifest.exportedAt.slice(0, 16).replace('T', ' ')} UTC`,
      records: [],
    });
  });
  return caseFile;
}
