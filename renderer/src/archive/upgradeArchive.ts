/**
 * An archive written under an older database schema (its manifest's `schemaVersion`), brought to this one by the
 * database's own upgrades rather than by a second copy of them: its rows are written into a temporary database
 * declared at that version, which is then opened at the latest, so that Dexie runs every upgrade since on them as it
 * would on the library; the rows are read back as NDJSON and the temporary database deleted. Only then are they
 * checked as an archive of this version's are. Rows keep their files as the archive's references (no upgrade touches
 * a file), so nothing is read from the files here.
 */
import Dexie from 'dexie';
import { ARCHIVED_TABLES, type ArchivedTable } from '../../../shared/archive/records';
import { CasebookDB, LATEST_VERSION, SCHEMA_VERSIONS } from '../db/schema';
import { ArchiveError, rowsOf, type ReadArchive } from './readArchive';

/** Rows written to, and read from, the temporary database at a time. */
const BATCH = 1_000;

/** The rows of each table as NDJSON, with how many there are. */
export interface UpgradedRecords {
  records: Record<ArchivedTable, Blob>;
  counts: Record<ArchivedTable, number>;
}

const declares = (db: Dexie, table: string) => db.tables.some((declared) => declared.name === table);

/** The archive's rows as the latest schema stores them. Refuses, naming the file, what the upgrades cannot take. */
export async function upgradeArchive(read: ReadArchive, fileName: string): Promise<UpgradedRecords> {
  const from = read.manifest.schemaVersion;
  const versions = SCHEMA_VERSIONS.filter((schema) => schema.version <= from);
  if (!versions.length || from > LATEST_VERSION) throw new ArchiveError(`${fileName} was written under database schema ${from}, which Casebook does not know.`);
  const name = `casebook-archive-upgrade-${crypto.randomUUID()}`;
  const refuse = (error: unknown) =>
    new ArchiveError(
      `${fileName} could not be brought up to date from database schema ${from} to ${LATEST_VERSION}: ${error instanceof Error ? error.message : String(error)}.`,
    );
  let db: CasebookDB | null = null;
  try {
    db = new CasebookDB(name, versions, 'relaxed');
    await db.open();
    for (const table of ARCHIVED_TABLES) {
      if (!read.records[table].size) continue;
      if (!declares(db, table)) throw new ArchiveError(`${fileName} holds rows of ${table}, which database schema ${from} did not have.`);
      let batch: Record<string, unknown>[] = [];
      for await (const row of rowsOf(fileName, table, read.records[table])) {
        batch.push(row);
        if (batch.length === BATCH) {
          await db.table(table).bulkAdd(batch);
          batch = [];
        }
      }
      if (batch.length) await db.table(table).bulkAdd(batch);
    }
    db.close();
    // Opened at the latest version, the database upgrades itself: every `upgrade` since `from`, in order.
    db = new CasebookDB(name, SCHEMA_VERSIONS, 'relaxed');
    await db.open();
    const encoder = new TextEncoder();
    const records = {} as Record<ArchivedTable, Blob>;
    const counts = {} as Record<ArchivedTable, number>;
    for (const table of ARCHIVED_TABLES) {
      const source = db.table(table);
      const keys = await source.toCollection().primaryKeys();
      const chunks: Uint8Array[] = [];
      for (let start = 0; start < keys.length; start += BATCH) {
        const rows = (await source.bulkGet(keys.slice(start, start + BATCH))) as unknown[];
        chunks.push(encoder.encode(rows.map((row) => `${JSON.stringify(row)}\n`).join('')));
      }
      records[table] = new Blob(chunks as BlobPart[]);
      counts[table] = keys.length;
    }
    return { records, counts };
  } catch (error) {
    throw error instanceof ArchiveError ? error : refuse(error);
  } finally {
    db?.close();
    await Dexie.delete(name);
  }
}
