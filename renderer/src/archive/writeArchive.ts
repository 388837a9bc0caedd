/**
 * Writes a case as a `.casebook` archive (see `format.ts`) into a stream, entry by entry: a table's rows a thousand at
 * a time, hashed (@noble/hashes) as they go into the zip, and one file at a time, so what is held is a batch of rows
 * or the largest file, never the whole case. zip.js writes the zip (records deflated by the browser's own
 * CompressionStream, files stored as they are).
 *
 * The database may be open at any version of `SCHEMA_VERSIONS`, not only the latest: the backup written before a
 * schema upgrade opens the library at its old version and archives each case from there. The manifest's
 * `schemaVersion` is then that version, its rows are written as that version stored them, and a table it did not
 * have yet is an empty entry; the import brings them up to date (`upgradeArchive`).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { Uint8ArrayReader, ZipWriter, configure } from '@zip.js/zip.js';
import { ARCHIVED_TABLES, binaryFields, parseArchivedRow, type ArchivedFileRef, type ArchivedTable } from '../../../shared/archive/records';
import { LATEST_VERSION, type CasebookDB } from '../db/schema';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, MANIFEST_PATH, filePath, recordsPath, type ArchiveManifest, type ManifestEntry } from '../../../shared/archive/format';

// No workers: compression runs in the browser's CompressionStream, off the page's thread already.
configure({ useWebWorkers: false });

export interface WriteArchiveOptions {
  appVersion: string;
  signal?: AbortSignal;
  /** Called after each entry, with how many of the case's rows are written. */
  onProgress?: (progress: { rows: number; totalRows: number }) => void;
  /** The time written in the manifest (now unless a test says). */
  now?: Date;
}

export async function sha256Hex(bytes: BufferSource): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const cancelled = () => new DOMException('The export of the case was cancelled.', 'AbortError');

/**
 * The target, written to in pieces of about a megabyte: zip.js writes each entry's headers and data as many small
 * chunks, and a file's stream (the File System Access API's) sends each write to the browser's process on its own,
 * which took the export of 10,000 files from 31 to 88 s.
 */
function inLargePieces(target: WritableStream<Uint8Array>, pieceBytes = 1024 * 1024): { stream: WritableStream<Uint8Array>; abort(reason: unknown): Promise<void> } {
  const writer = target.getWriter();
  let pending: Uint8Array[] = [];
  let size = 0;
  const flush = async () => {
    if (!size) return;
    const piece = new Uint8Array(size);
    let at = 0;
    for (const chunk of pending) {
      piece.set(chunk, at);
      at += chunk.byteLength;
    }
    pending = [];
    size = 0;
    await writer.write(piece);
  };
  const abort = (reason: unknown) => writer.abort(reason);
  const stream = new WritableStream<Uint8Array>({
    async write(chunk) {
      pending.push(chunk);
      size += chunk.byteLength;
      if (size >= pieceBytes) await flush();
    },
    async close() {
      await flush();
      await writer.close();
    },
    abort,
  });
  return { stream, abort };
}

/** Rows read from the database at a time: what the export holds of a table, whatever its size. */
const BATCH = 1_000;

/** Whether the database, at the version it is open at, has the table. */
const declares = (db: CasebookDB, table: string): boolean => db.tables.some((declared) => declared.name === table);

/** The case's rows of one table, a batch at a time, in key order (none of a table its version did not have). */
async function* rowsOf(db: CasebookDB, table: ArchivedTable, caseId: string): AsyncGenerator<Record<string, unknown>[]> {
  if (!declares(db, table)) return;
  const source = db.table(table);
  const keys = table === 'cases' ? [caseId] : await source.where('caseId').equals(caseId).primaryKeys();
  for (let from = 0; from < keys.length; from += BATCH) {
    const rows = (await source.bulkGet(keys.slice(from, from + BATCH))) as (Record<string, unknown> | undefined)[];
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
  const { signal, onProgress, appVersion, now = new Date() } = options;
  if (!db.isOpen()) await db.open();
  // Rows of an older schema are written as they are stored: the schemas are this version's, and the import upgrades them.
  const latest = db.verno === LATEST_VERSION;
  const caseFile = await db.cases.get(caseId);
  if (!caseFile) throw new Error(`The case ${caseId} is no longer in Casebook: there is nothing to export.`);
  const counts = await countRows(db, caseId);
  const totalRows = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const output = inLargePieces(target);
  const zip = new ZipWriter(output.stream, { signal, level: 6 });
  const entries: ManifestEntry[] = [];
  const written = new Set<string>();
  let rows = 0;

  /**
   * A file in a row becomes its entry (once, however many rows hold it, stored as it is) and a reference to it. Its
   * SHA-256 names the entry and is the manifest's: computed once.
   */
  const archiveFile = async (blob: Blob): Promise<ArchivedFileRef> => {
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const sha256 = await sha256Hex(bytes);
    if (!written.has(sha256)) {
      if (signal?.aborted) throw cancelled();
      written.add(sha256);
      const path = filePath(sha256);
      entries.push({ path, size: bytes.byteLength, sha256 });
      await zip.add(path, new Uint8ArrayReader(bytes), { level: 0, signal });
    }
    return blob.type ? { file: sha256, size: bytes.byteLength, type: blob.type } : { file: sha256, size: bytes.byteLength };
  };

  try {
    for (const table of ARCHIVED_TABLES) {
      // A table's files first, each an entry of its own (zip.js writes one entry at a time), then its rows.
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
      let tableRows = 0;
      const batches = rowsOf(db, table, caseId);
      // The rows as NDJSON, a batch at a time, hashed and counted on their way into the zip.
      const lines = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (signal?.aborted) return controller.error(cancelled());
          const next = await batches.next();
          if (next.done) return controller.close();
          const text = next.value
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
          tableRows += next.value.length;
          controller.enqueue(bytes);
        },
      });
      const path = recordsPath(table);
      await zip.add(path, lines, { level: 6, signal });
      entries.push({ path, size, sha256: bytesToHex(hash.digest()) });
      rows += tableRows;
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
    await zip.add(MANIFEST_PATH, new Uint8ArrayReader(new TextEncoder().encode(JSON.stringify(manifest, null, 2))), { level: 6, signal });
    await zip.close();
    return manifest;
  } catch (error) {
    // The target is aborted, not closed: a file being written is left as it was (the browser discards what it wrote).
    await output.abort(error).catch(() => undefined);
    throw signal?.aborted ? cancelled() : error;
  }
}
