/**
 * Brings a `.casebook` archive into Casebook: read and checked whole first (`readArchive`: the zip, the manifest,
 * every entry's size and hash), then every row against its table's schema and every reference between rows
 * (`shared/archive`), and only then written, in one transaction: a failure anywhere leaves every case as it was.
 *
 * - As a new case: every id is made new (so the same archive imports twice, side by side) and the case is named as
 *   in the archive, with " (2)", " (3)"… when that name is taken.
 * - Replacing the case it came from: that case's rows are deleted and the archive's written with their own ids, in
 *   the same transaction. `describeReplacement` says first what would be lost.
 *
 * Either way the history is numbered on from the database's last entry, in its order, and gains one entry saying
 * where the case came from.
 */
import { ARCHIVED_TABLES, archivedFileRef, binaryFields, parseArchivedRow, type ArchivedCase, type ArchivedTable } from '../../../shared/archive/records';
import { checkReferences } from '../../../shared/archive/references';
import { remapCase, renumberHistory } from '../../../shared/archive/remap';
import type { CaseFile } from '../../../shared/domain';
import { CASE_TABLES } from '../../../shared/vocabulary';
import type { CasebookDB } from '../db/schema';
import { ArchiveError, readArchive, type ArchiveSource, type ReadArchiveOptions } from './readArchive';
import type { ArchiveManifest } from '../../../shared/archive/format';

export type ImportMode = { as: 'new' } | { as: 'replace'; caseId: string };

/**
 * A fresh id, as the domain gives its records (`newId` in domain/writeCase.ts, which loads at start: importing it here
 * would split the start bundle's modules into more chunks).
 */
const newId = (): string => crypto.randomUUID();



/** An archive read and checked whole: its rows as the database keeps them (files as Blobs). */
export interface CheckedArchive {
  manifest: ArchiveManifest;
  rows: ArchivedCase;
}

/** Most problems one refusal lists; it says how many more there are. */
const LISTED_PROBLEMS = 5;

const count = (value: number) => value.toLocaleString('en');

/** The archive's rows, each checked against its table's schema and its references, its files made Blobs. */
export async function readCheckedArchive(file: ArchiveSource, fileName: string, options: ReadArchiveOptions = {}): Promise<CheckedArchive> {
  const read = await readArchive(file, fileName, options);
  const problems: string[] = [];
  const rows = {} as Record<ArchivedTable, unknown[]>;
  for (const table of ARCHIVED_TABLES)
    rows[table] = read.rows[table].map((row) => {
      const parsed = parseArchivedRow(table, row);
      if ('ok' in parsed) return parsed.ok;
      problems.push(parsed.problem);
      return row;
    });
  if (!problems.length) problems.push(...checkReferences(rows as ArchivedCase));
  if (problems.length) {
    const more = problems.length > LISTED_PROBLEMS ? ` (and ${count(problems.length - LISTED_PROBLEMS)} more)` : '';
    throw new ArchiveError(`${fileName} holds records Casebook cannot take${more}: ${problems.slice(0, LISTED_PROBLEMS).join(' ')}`);
  }
  // Each file back in its row, as the Blob the database keeps.
  for (const table of ARCHIVED_TABLES)
    for (const field of binaryFields(table))
      rows[table] = rows[table].map((row) => {
        const reference = archivedFileRef.parse((row as Record<string, unknown>)[field]);
        const file = read.files.get(reference.file);
        if (!file || file.size !== reference.size)
          throw new ArchiveError(`${fileName} holds a ${table} row whose ${field} is a file it does not hold whole (files/${reference.file}).`);
        return { ...(row as object), [field]: new Blob([file], { type: reference.type ?? '' }) };
      });
  return { manifest: read.manifest, rows: rows as ArchivedCase };
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

/** The key a row is known by, to tell which of the case's rows the archive has. */
const keyOf = (row: Record<string, unknown>): string => String(row.id ?? row.caseId ?? JSON.stringify(row));

/** What replacing the case with the archive would lose: its rows the archive does not have, counted by table. */
export async function describeReplacement(db: CasebookDB, caseId: string, read: CheckedArchive): Promise<{ table: ArchivedTable; lost: number }[]> {
  const lost: { table: ArchivedTable; lost: number }[] = [];
  for (const table of ARCHIVED_TABLES) {
    if (table === 'cases' || table === 'history') continue;
    const kept = new Set((read.rows[table] as Record<string, unknown>[]).map(keyOf));
    const rows: Record<string, unknown>[] = await db.table(table).where('caseId').equals(caseId).toArray();
    const missing = rows.filter((row) => !kept.has(keyOf(row))).length;
    if (missing) lost.push({ table, lost: missing });
  }
  return lost;
}

/** Writes the checked archive's case, in one transaction, and answers with it. */
export async function importArchive(db: CasebookDB, read: CheckedArchive, mode: ImportMode): Promise<CaseFile> {
  const archived = read.rows.cases[0]!;
  if (mode.as === 'replace' && mode.caseId !== archived.id) throw new ArchiveError(`The archive holds the case “${archived.name}”, not the one it would replace.`);
  const name = mode.as === 'new' ? await freeName(db, archived.name) : archived.name;
  const caseId = mode.as === 'new' ? newId() : archived.id;
  const tables = CASE_TABLES.filter((table) => db.tables.some((declared) => declared.name === table));
  let written: CaseFile | null = null;
  await db.transaction('rw', ['cases', ...tables], async () => {
    if (mode.as === 'replace') {
      for (const table of tables) await db.table(table).where('caseId').equals(mode.caseId).delete();
      await db.cases.delete(mode.caseId);
    }
    // The history goes on from the last entry of the database, whichever case wrote it.
    const firstSeq = ((await db.history.orderBy('seq').last())?.seq ?? 0) + 1;
    const rows: ArchivedCase =
      mode.as === 'new' ? remapCase(read.rows, newId, caseId, name, { firstSeq }) : { ...read.rows, history: renumberHistory(read.rows.history, firstSeq) };
    const caseFile = rows.cases[0]!;
    if (await db.cases.where('nameKey').equals(caseFile.nameKey).count())
      throw new ArchiveError(`A case named “${caseFile.name}” was made while the archive was read. Import it again.`);
    for (const table of ARCHIVED_TABLES) if (rows[table].length) await db.table(table).bulkAdd(rows[table]);
    await db.history.add({
      caseId,
      at: new Date().toISOString(),
      action: 'import',
      summary: `${mode.as === 'new' ? 'Imported' : 'Restored'} the case from its archive of ${read.manifest.exportedAt.slice(0, 16).replace('T', ' ')} UTC`,
      records: [],
    });
    written = caseFile;
  });
  return written!;
}
