/**
 * Writes a case as a `.casebook` archive (see `format.ts`) into a stream, entry by entry: a table's rows a batch at a
 * time, hashed (@noble/hashes) as they go into the zip, and one file at a time, so what is held is a batch of rows
 * or the largest file, never the whole case. fflate writes the zip (records deflated, files stored as they are).
 *
 * The database may be open at any version of `SCHEMA_VERSIONS`, not only the latest: the backup written before a
 * schema upgrade opens the library at its old version and archives each case from there. The manifest's
 * `schemaVersion` is then that version, its rows are written as that version stored them, and a table it did not
 * have yet is an empty entry; the import brings them up to date (`upgradeArchive`).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { ARCHIVED_TABLES, binaryFields, parseArchivedRow, type ArchivedFileRef, type ArchivedTable } from '../../../shared/archive/records';
import { LATEST_VERSION, type CasebookDB } from '../db/schema';
import { LIMITS, megabytes } from '../../../shared/limits';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, MANIFEST_PATH, filePath, recordsPath, type ArchiveManifest, type ManifestEntry } from '../../../shared/archive/format';

export interface WriteArchiveOptions {
  appVersion: string;
  signal?: AbortSignal;
  /** Called after each entry, with how many of the case's rows are written. */
  onProgress?: (progress: { rows: number; totalRows: number }) => void;
  /** The time written in the manifest (now unless a test says). */
  now?: Date;
  /** Most entries and bytes the archive may have (`MAX_ENTRIES` and `LIMITS.archiveBytes` unless a test says). */
  limits?: { entries: number; bytes: number };
}

export async function sha256Hex(bytes: BufferSource): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const cancelled = () => new DOMException('The export of the case was cancelled.', 'AbortError');

/**
 * The zip, written by fflate's streaming `Zip` into `target`. fflate hands over each header and piece of data at once,
 * as it makes them; they are gathered into pieces of about a megabyte, and `drain` writes the full ones (a file's
 * stream, the File System Access API's, sends each write to the browser's process on its own: 10,000 files written
 * in small chunks took 88 s instead of 31).
 *
 * fflate, not zip.js, writes it: zip.js kept about 5 KB for every entry until the zip was closed, and its streams for
 * each entry made garbage enough to take the export of 10,000 files past its memory goal. fflate keeps a few numbers
 * for each entry, but writes no Zip64: `MAX_ENTRIES` and `LIMITS.archiveBytes` keep the archive inside what it writes.
 */
class ZipOutput {
  private readonly zip: Zip;
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private failure: unknown = null;
  /** Bytes of the zip made so far. */
  private size = 0;

  constructor(
    target: WritableStream<Uint8Array>,
    /** Each entry's modification time: the export's. */
    private readonly mtime: Date,
    private readonly maxBytes: number,
    private readonly pieceBytes = 1024 * 1024,
  ) {
    this.writer = target.getWriter();
    this.zip = new Zip((error, chunk) => {
      if (error) this.failure ??= error;
      else {
        this.pending.push(chunk);
        this.pendingBytes += chunk.byteLength;
        this.size += chunk.byteLength;
      }
    });
  }

  /** Starts the entry (the one before it must be whole): what is pushed into it goes into the zip. */
  add<Entry extends ZipPassThrough | ZipDeflate>(entry: Entry): Entry {
    entry.mtime = this.mtime;
    this.zip.add(entry);
    return entry;
  }

  /** Writes what fflate has made, in whole pieces, or all of it at the end. */
  async drain(all = false): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.size > this.maxBytes)
      throw new Error(`The archive would be larger than ${megabytes(this.maxBytes)} MB, more than Casebook imports: it was not written.`);
    if (!this.pendingBytes || (!all && this.pendingBytes < this.pieceBytes)) return;
    const piece = new Uint8Array(this.pendingBytes);
    let at = 0;
    for (const chunk of this.pending) {
      piece.set(chunk, at);
      at += chunk.byteLength;
    }
    this.pending = [];
    this.pendingBytes = 0;
    await this.writer.write(piece);
  }

  async close(): Promise<void> {
    this.zip.end();
    await this.drain(true);
    await this.writer.close();
  }

  /** The target is aborted, not closed: a file being written is left as it was (the browser discards what it wrote). */
  abort(reason: unknown): Promise<void> {
    this.zip.terminate();
    return this.writer.abort(reason);
  }
}

/** Most entries in an archive: fflate writes no Zip64, so the count must fit in the end record's 16 bits. */
export const MAX_ENTRIES = 0xffff;

/**
 * Rows read from the database at a time: what the export holds of a table, whatever its size. A batch is at most
 * `BATCH` rows and, once a table's rows have been measured, about `BATCH_BYTES` of JSON: a thousand documents with their
 * text are megabytes of strings, which outlive the young generation and wait for a full garbage collection.
 */
const BATCH = 1_000;
const BATCH_BYTES = 512 * 1024;

/** Whether the database, at the version it is open at, has the table. */
const declares = (db: CasebookDB, table: string): boolean => db.tables.some((declared) => declared.name === table);

/** The case's rows of one table, a batch at a time, in key order (none of a table its version did not have). */
async function* rowsOf(db: CasebookDB, table: ArchivedTable, caseId: string, batchSize: () => number = () => BATCH): AsyncGenerator<Record<string, unknown>[]> {
  if (!declares(db, table)) return;
  const source = db.table(table);
  const keys = table === 'cases' ? [caseId] : await source.where('caseId').equals(caseId).primaryKeys();
  for (let from = 0; from < keys.length; ) {
    const to = from + batchSize();
    const rows = (await source.bulkGet(keys.slice(from, to))) as (Record<string, unknown> | undefined)[];
    from = to;
    yield rows.filter((row): row is Record<string, unknown> => row !== undefined);
  }
}

/** How many rows the case has in each table, for the progress and the manifest. */
async function countRows(db: CasebookDB, caseId: string): Promise<Record<ArchivedTable, number>> {
  const counts = await Promise.all(
    ARCHIVED_TABLES.map((table) =>
      table === 'cases' ? db.cases.where('id').equals(caseId).count() : declares(db, table) ? db.table(table).where('caseId').equals(caseId).count() : 0,
    ),
  );
  return Object.fromEntries(ARCHIVED_TABLES.map((table, index) => [table, counts[index]!])) as Record<ArchivedTable, number>;
}

/**
 * Writes the case into `target` and closes it. The manifest comes last, once every entry's size and hash is known.
 * Throws an AbortError when `signal` aborts (the stream is aborted with it: a half-written archive is never closed as
 * if whole), and a plain Error naming the case when it does not exist.
 */
export async function writeArchive(db: CasebookDB, caseId: string, target: WritableStream<Uint8Array>, options: WriteArchiveOptions): Promise<ArchiveManifest> {
  const { signal, onProgress, appVersion, now = new Date(), limits = { entries: MAX_ENTRIES, bytes: LIMITS.archiveBytes } } = options;
  if (!db.isOpen()) await db.open();
  // Rows of an older schema are written as they are stored: the schemas are this version's, and the import upgrades them.
  const latest = db.verno === LATEST_VERSION;
  const caseFile = await db.cases.get(caseId);
  if (!caseFile) throw new Error(`The case ${caseId} is no longer in Casebook: there is nothing to export.`);
  const counts = await countRows(db, caseId);
  const totalRows = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const output = new ZipOutput(target, now, limits.bytes);
  const entries: ManifestEntry[] = [];
  const written = new Set<string>();
  let rows = 0;
  // The tables' entries and the manifest: what is left of `MAX_ENTRIES` for files.
  const maxFiles = limits.entries - ARCHIVED_TABLES.length - 1;

  /**
   * A file in a row becomes its entry (once, however many rows hold it, stored as it is) and a reference to it. Its
   * SHA-256 names the entry and is the manifest's: computed once.
   */
  const archiveFile = async (blob: Blob): Promise<ArchivedFileRef> => {
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const sha256 = await sha256Hex(bytes);
    if (!written.has(sha256)) {
      if (signal?.aborted) throw cancelled();
      if (written.size === maxFiles)
        throw new Error(`The case "${caseFile.name}" has more than ${maxFiles.toLocaleString('en')} files, more than an archive holds: it was not written.`);
      written.add(sha256);
      const path = filePath(sha256);
      entries.push({ path, size: bytes.byteLength, sha256 });
      output.add(new ZipPassThrough(path)).push(bytes, true);
      await output.drain();
    }
    return blob.type ? { file: sha256, size: bytes.byteLength, type: blob.type } : { file: sha256, size: bytes.byteLength };
  };

  try {
    for (const table of ARCHIVED_TABLES) {
      // A table's files first, each an entry of its own (one entry is written at a time), then its rows.
      const binary = binaryFields(table);
      const fileRefs = new Map<string, Record<string, ArchivedFileRef>>();
      if (binary.length)
        for await (const batch of rowsOf(db, table, caseId))
          for (const row of batch) {
            const refs: Record<string, ArchivedFileRef> = {};
            for (const key of binary) if (row[key] instanceof Blob) refs[key] = await archiveFile(row[key]);
            fileRefs.set(String(row.id), refs);
          }
      const encoder = new TextEncoder();
      const hash = sha256.create();
      let size = 0;
      const path = recordsPath(table);
      const entry = output.add(new ZipDeflate(path, { level: 6 }));
      // The rows as NDJSON, a batch at a time, hashed and counted on their way into the zip.
      let tableRows = 0;
      const batchSize = () => (tableRows ? Math.max(1, Math.min(BATCH, Math.floor(BATCH_BYTES / (size / tableRows)))) : Math.min(BATCH, 100));
      for await (const batch of rowsOf(db, table, caseId, batchSize)) {
        if (signal?.aborted) throw cancelled();
        const text = batch
          .map((row) => {
            const archived: Record<string, unknown> = { ...row, ...fileRefs.get(String(row.id)) };
            // Written as the import reads it (fields no version of Casebook writes any more left out), so that an
            // export of an import is the same; a row the schema refuses is written as it is, for the import to name.
            const parsed = latest ? parseArchivedRow(table, archived) : null;
            return `${JSON.stringify(parsed && 'ok' in parsed ? parsed.ok : archived)}\n`;
          })
          .join('');
        const bytes = encoder.encode(text);
        hash.update(bytes);
        size += bytes.byteLength;
        entry.push(bytes);
        await output.drain();
        tableRows += batch.length;
      }
      rows += tableRows;
      entry.push(new Uint8Array(0), true);
      await output.drain();
      entries.push({ path, size, sha256: bytesToHex(hash.digest()) });
      onProgress?.({ rows, totalRows });
    }
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      appVersion,
      // The schema the rows were read under: the version the database is open at (`LATEST_VERSION` but for a backup
      // written before an upgrade).
      schemaVersion: db.verno,
      exportedAt: now.toISOString(),
      case: { id: caseFile.id, name: caseFile.name },
      counts,
      entries,
    };
    if (signal?.aborted) throw cancelled();
    output.add(new ZipDeflate(MANIFEST_PATH, { level: 6 })).push(new TextEncoder().encode(JSON.stringify(manifest, null, 2)), true);
    await output.close();
    return manifest;
  } catch (error) {
    await output.abort(error).catch(() => undefined);
    throw signal?.aborted ? cancelled() : error;
  }
}
