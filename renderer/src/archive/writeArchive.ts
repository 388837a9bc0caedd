/**
 * Writes a case as a `.casebook` archive (see `format.ts`) into a stream, entry by entry: one table's rows at a time,
 * one file at a time, so what is held is the largest table's rows or the largest file, never the whole case. zip.js
 * writes the zip (records deflated by the browser's own CompressionStream, files stored as they are).
 */
import { Uint8ArrayReader, ZipWriter, configure } from '@zip.js/zip.js';
import { ARCHIVED_TABLES, binaryFields, parseArchivedRow, type ArchivedFileRef, type ArchivedTable } from '../../../shared/archive/records';
import type { CasebookDB } from '../db/schema';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, MANIFEST_PATH, filePath, recordsPath, type ArchiveManifest, type ManifestEntry } from './format';

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

/** A case's rows of one table. */
async function rowsOf(db: CasebookDB, table: ArchivedTable, caseId: string): Promise<Record<string, unknown>[]> {
  const rows: object[] = table === 'cases' ? await db.cases.where('id').equals(caseId).toArray() : await db.table(table).where('caseId').equals(caseId).toArray();
  return rows as Record<string, unknown>[];
}

/** How many rows the case has in each table, for the progress and the manifest. */
async function countRows(db: CasebookDB, caseId: string): Promise<Record<ArchivedTable, number>> {
  const counts = await Promise.all(
    ARCHIVED_TABLES.map((table) => (table === 'cases' ? db.cases.where('id').equals(caseId).count() : db.table(table).where('caseId').equals(caseId).count())),
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
  const caseFile = await db.cases.get(caseId);
  if (!caseFile) throw new Error(`The case ${caseId} is no longer in Casebook: there is nothing to export.`);
  const counts = await countRows(db, caseId);
  const totalRows = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const zip = new ZipWriter(target, { signal, level: 6 });
  const entries: ManifestEntry[] = [];
  const written = new Set<string>();
  let rows = 0;

  const add = async (path: string, bytes: Uint8Array<ArrayBuffer>, level: number) => {
    if (signal?.aborted) throw cancelled();
    entries.push({ path, size: bytes.byteLength, sha256: await sha256Hex(bytes) });
    await zip.add(path, new Uint8ArrayReader(bytes), { level, signal });
  };

  /** A file in a row becomes its entry (once, however many rows hold it) and a reference to it. */
  const archiveFile = async (blob: Blob): Promise<ArchivedFileRef> => {
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const sha256 = await sha256Hex(bytes);
    if (!written.has(sha256)) {
      written.add(sha256);
      await add(filePath(sha256), bytes, 0);
    }
    return blob.type ? { file: sha256, size: bytes.byteLength, type: blob.type } : { file: sha256, size: bytes.byteLength };
  };

  try {
    for (const table of ARCHIVED_TABLES) {
      const tableRows = await rowsOf(db, table, caseId);
      const lines: string[] = [];
      const binary = binaryFields(table);
      for (const row of tableRows) {
        const archived: Record<string, unknown> = { ...row };
        for (const key of binary) if (archived[key] instanceof Blob) archived[key] = await archiveFile(archived[key]);
        // Written as the import reads it (fields no version of Casebook writes any more left out), so that an export
        // of an import is the same; a row the schema refuses is written as it is, for the import to name.
        const parsed = parseArchivedRow(table, archived);
        lines.push(JSON.stringify('ok' in parsed ? parsed.ok : archived));
      }
      await add(recordsPath(table), new TextEncoder().encode(lines.length ? `${lines.join('\n')}\n` : ''), 6);
      rows += tableRows.length;
      onProgress?.({ rows, totalRows });
    }
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      appVersion,
      // The schema the rows were read under: the database's version, as Dexie numbers it (`LATEST_VERSION` when open).
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
    await target.abort(error).catch(() => undefined);
    throw signal?.aborted ? cancelled() : error;
  }
}
