/**
 * Brings a `.casebook` archive into Casebook: read and checked whole first (`readArchive`: the zip, the manifest,
 * every entry's size and hash; an archive of an older database schema upgraded by `upgradeArchive`), then every row
 * against its table's schema and every reference between rows (`shared/archive`), and only then written, in one
 * transaction: a failure anywhere leaves every case as it was.
 *
 * What the page holds meanwhile is each table's keys: the rows stay the archive's NDJSON, kept as Blobs as its files
 * are (by the browser, not the page), read a slice at a time and parsed a line at a time, once to check their schemas
 * and keys, once to check their references, and once more as they are written, a batch at a time, inside the
 * transaction (kept open by `Dexie.waitFor` while a slice is read).
 *
 * - As a new case: every id is made new (so the same archive imports twice, side by side) and the case is named as
 *   in the archive, with " (2)", " (3)"… when that name is taken.
 * - Replacing the case it came from: that case's rows are deleted and the archive's written with their own ids, in
 *   the same transaction. `describeReplacement` says first what would be lost.
 *
 * Either way the history is numbered on from the database's last entry, in its order, and gains one entry saying
 * where the case came from.
 */
import Dexie from 'dexie';
import { ARCHIVED_TABLES, archivedFileRef, binaryFields, parseArchivedRow, type ArchivedRow, type ArchivedTable } from '../../../shared/archive/records';
import { ReferenceCheck, caseCountProblem } from '../../../shared/archive/references';
import { caseRemap, historyNumbering, type RowRemap } from '../../../shared/archive/remap';
import type { ArchiveManifest } from '../../../shared/archive/format';
import type { CaseFile } from '../../../shared/domain';
import { CASE_TABLES } from '../../../shared/vocabulary';
import { LATEST_VERSION, type CasebookDB } from '../db/schema';
import { ArchiveError, LineSplitter, type ArchiveFiles, RowParser, SLICE_BYTES, allRowsOf, readArchive, rowsOf, type ArchiveSource, type ReadArchiveOptions } from './readArchive';
import { upgradeArchive } from './upgradeArchive';
import { SliceBuffer } from './blobBuffers';

export type ImportMode = { as: 'new' } | { as: 'replace'; caseId: string };

/**
 * A fresh id, as the domain gives its records (`newId` in domain/writeCase.ts, which loads at start: importing it here
 * would split the start bundle's modules into more chunks).
 */
const newId = (): string => crypto.randomUUID();

/** An archive read and checked whole, ready to write: its rows still as their NDJSON (Blobs), parsed again as written. */
export interface CheckedArchive {
  manifest: ArchiveManifest;
  /** The archive's file name, as messages name it. */
  fileName: string;
  /** The archived case's own row. */
  caseFile: ArchivedRow<'cases'>;
  /** Each table's rows, checked: NDJSON, as the archive holds them or as the upgrade to this schema wrote them. */
  records: Record<ArchivedTable, Blob>;
  /** How many rows each table has (after the upgrade, which may add some). */
  counts: Record<ArchivedTable, number>;
  /** Each file the archive holds, by its SHA-256. */
  files: ArchiveFiles;
  /** Each table's keys (`rowKey`), with their row's place: what the case would keep of its own when replaced. */
  keys: Record<ArchivedTable, ReadonlyMap<string, number>>;
  /** Every history entry's seq, to number them on from the database's last. */
  historySeqs: number[];
}

/**
 * The order the check reads the tables in: those most pointed to first (the codebook, the case's own types, the notes'
 * folders), then the rest as archived (documents before their files), so that most rows' references are checked as
 * they are read and few wait for the second pass.
 */
const CHECK_ORDER: readonly ArchivedTable[] = (() => {
  const first: ArchivedTable[] = ['cases', 'tags', 'entityTypes', 'relationshipTypes', 'noteFolders'];
  return [...first, ...ARCHIVED_TABLES.filter((table) => !first.includes(table))];
})();

/** Most problems one refusal lists; it says how many more there are. */
const LISTED_PROBLEMS = 5;
/** Rows written at a time: a batch is all that is held of them as objects. */
const BATCH = 1_000;

const count = (value: number) => value.toLocaleString('en');

/** The archive's rows, each checked against its table's schema and its references, and its files against its rows. */
export async function readCheckedArchive(file: ArchiveSource, fileName: string, options: ReadArchiveOptions = {}): Promise<CheckedArchive> {
  const read = await readArchive(file, fileName, options);
  const { records, counts } =
    read.manifest.schemaVersion < LATEST_VERSION
      ? await upgradeArchive(read, fileName)
      : { records: read.records, counts: Object.fromEntries(ARCHIVED_TABLES.map((table) => [table, read.manifest.counts[table] ?? 0])) as Record<ArchivedTable, number> };
  const refuse = (problems: string[]) => {
    const more = problems.length > LISTED_PROBLEMS ? ` (and ${count(problems.length - LISTED_PROBLEMS)} more)` : '';
    return new ArchiveError(`${fileName} holds records Casebook cannot take${more}: ${problems.slice(0, LISTED_PROBLEMS).join(' ')}`);
  };
  // The passes over the tables, one after another, read their slices into one buffer.
  const slices = new SliceBuffer(SLICE_BYTES);
  const rows = (table: ArchivedTable) => rowsOf(fileName, table, records[table], slices);

  const cases = await allRowsOf(fileName, 'cases', records.cases, slices);
  if (cases.length !== 1) throw refuse([caseCountProblem(cases.length)]);
  const caseRow = parseArchivedRow('cases', cases[0]);
  if ('problem' in caseRow) throw refuse([caseRow.problem]);

  // First pass: each row's schema, its files and its key, and its references where they point to tables read
  // already; the rest wait for the second pass. The tables most pointed to are read first, so few rows wait.
  const problems: string[] = [];
  const check = new ReferenceCheck(caseRow.ok);
  const historySeqs: number[] = [];
  const complete = new Set<ArchivedTable>();
  const waiting = new Map<ArchivedTable, number[]>();
  for (const table of CHECK_ORDER) {
    let index = 0;
    const waits: number[] = [];
    for await (const row of rows(table)) {
      const parsed = parseArchivedRow(table, row);
      if ('problem' in parsed) problems.push(parsed.problem);
      else {
        for (const field of binaryFields(table)) {
          const reference = archivedFileRef.parse((parsed.ok as Record<string, unknown>)[field]);
          if (read.files.sizeOf(reference.file) !== reference.size)
            throw new ArchiveError(`${fileName} holds a ${table} row whose ${field} is a file it does not hold whole (files/${reference.file}).`);
        }
        check.addKey(table, parsed.ok, index);
        if (!problems.length && !check.checkRow(table, parsed.ok, complete)) waits.push(index);
        if (table === 'history') historySeqs.push((parsed.ok as ArchivedRow<'history'>).seq);
      }
      index++;
    }
    complete.add(table);
    if (waits.length) waiting.set(table, waits);
  }
  if (problems.length) throw refuse(problems);
  // Two rows under one key: the first found again, to name both.
  for (const same of check.sameKeys) {
    let index = 0;
    for await (const row of rows(same.table))
      if (index++ === same.first) {
        problems.push(ReferenceCheck.sameKeyProblem(same, row));
        break;
      }
  }
  // Second pass: the references that waited, now that every key is known. The rows passed their schemas: read as they are.
  for (const [table, waits] of waiting) {
    let index = 0;
    let next = 0;
    for await (const row of rows(table)) {
      if (index++ !== waits[next]) continue;
      check.checkRow(table, row as ArchivedRow<typeof table>);
      if (++next === waits.length) break;
    }
  }
  problems.push(...check.problems);
  if (problems.length) throw refuse(problems);

  const keys = Object.fromEntries(ARCHIVED_TABLES.map((table) => [table, check.keysOf(table)])) as Record<ArchivedTable, ReadonlyMap<string, number>>;
  return { manifest: read.manifest, fileName, caseFile: caseRow.ok, records, counts, files: read.files, keys, historySeqs };
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

/**
 * A row's key as `rowKey` gives it, from its primary key in the database: a dismissed suggestion's is [caseId, key,
 * type], of which the archive's key is the last two.
 */
const keyOfPrimaryKey = (key: unknown): string => (Array.isArray(key) ? JSON.stringify(key.slice(1)) : String(key));

/** What replacing the case with the archive would lose: its rows the archive does not have, counted by table. */
export async function describeReplacement(db: CasebookDB, caseId: string, read: CheckedArchive): Promise<{ table: ArchivedTable; lost: number }[]> {
  const lost: { table: ArchivedTable; lost: number }[] = [];
  for (const table of ARCHIVED_TABLES) {
    if (table === 'cases' || table === 'history') continue;
    const keys = await db.table(table).where('caseId').equals(caseId).primaryKeys();
    const missing = keys.filter((key) => !read.keys[table].has(keyOfPrimaryKey(key))).length;
    if (missing) lost.push({ table, lost: missing });
  }
  return lost;
}

/** A checked row as the database keeps it: unknown keys dropped (its schema again), its files as Blobs. */
function storedRow<T extends ArchivedTable>(read: CheckedArchive, table: T, row: unknown): ArchivedRow<T> {
  const parsed = parseArchivedRow(table, row);
  // Checked already (`readCheckedArchive`), from the same bytes.
  if ('problem' in parsed) throw new ArchiveError(`${read.fileName} holds records Casebook cannot take: ${parsed.problem}`);
  const stored = parsed.ok as Record<string, unknown>;
  for (const field of binaryFields(table)) {
    const reference = archivedFileRef.parse(stored[field]);
    stored[field] = read.files.get(reference.file, reference.type)!;
  }
  return stored as ArchivedRow<T>;
}

/** Writes the checked archive's case, in one transaction, and answers with it. */
export async function importArchive(db: CasebookDB, read: CheckedArchive, mode: ImportMode): Promise<CaseFile> {
  const archived = read.caseFile;
  if (mode.as === 'replace' && mode.caseId !== archived.id) throw new ArchiveError(`The archive holds the case “${archived.name}”, not the one it would replace.`);
  const name = mode.as === 'new' ? await freeName(db, archived.name) : archived.name;
  const caseId = mode.as === 'new' ? newId() : archived.id;
  const tables = CASE_TABLES.filter((table) => db.tables.some((declared) => declared.name === table));
  let written: CaseFile | null = null;
  // Only Dexie's own operations are awaited inside: the transaction stays open from the first write to the last.
  await db.transaction('rw', ['cases', ...tables], async () => {
    if (mode.as === 'replace') {
      for (const table of tables) await db.table(table).where('caseId').equals(mode.caseId).delete();
      await db.cases.delete(mode.caseId);
    }
    // The history goes on from the last entry of the database, whichever case wrote it.
    const firstSeq = ((await db.history.orderBy('seq').last())?.seq ?? 0) + 1;
    let remap: RowRemap;
    if (mode.as === 'new') remap = caseRemap(newId, caseId, name, read.historySeqs, { firstSeq });
    else {
      const renumber = historyNumbering(read.historySeqs, firstSeq);
      remap = (table, row) => (table === 'history' ? (renumber(row as ArchivedRow<'history'>) as typeof row) : row);
    }
    const caseFile = remap('cases', storedRow(read, 'cases', read.caseFile));
    if (await db.cases.where('nameKey').equals(caseFile.nameKey).count())
      throw new ArchiveError(`A case named “${caseFile.name}” was made while the archive was read. Import it again.`);
    await db.cases.add(caseFile);
    // Every slice read into one buffer: its lines are parsed before the next slice is read.
    const slices = new SliceBuffer(SLICE_BYTES);
    for (const table of ARCHIVED_TABLES) {
      if (table === 'cases') continue;
      const records = read.records[table];
      const splitter = new LineSplitter();
      const parser = new RowParser(read.fileName, table);
      let batch: unknown[] = [];
      // A slice of the rows at a time, read from their Blob: Dexie.waitFor keeps the transaction open meanwhile. (Only
      // here in the transaction's own function: Dexie follows its awaits, not those of a generator it calls.)
      for (let offset = 0; offset <= records.size; offset += SLICE_BYTES) {
        const lines = offset < records.size ? splitter.lines(await Dexie.waitFor(slices.read(records, offset, offset + SLICE_BYTES))) : splitter.rest();
        for (const line of lines) {
          batch.push(remap(table, storedRow(read, table, parser.parse(line))));
          if (batch.length === BATCH) {
            await db.table(table).bulkAdd(batch);
            batch = [];
          }
        }
      }
      if (batch.length) await db.table(table).bulkAdd(batch);
    }
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
