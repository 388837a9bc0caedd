/**
 * Reads a `.casebook` archive and checks all of it before anything is written: that it is a zip whose directory is
 * whole, that its entries are the ones Casebook writes (no other name, no folder, no name twice), its manifest (its
 * format, its version: an older one migrated, a newer one refused), that every entry is there with the size and
 * SHA-256 the manifest gives (sizes counted as the bytes come out, whatever the zip's headers declare, so a zip bomb
 * stops at the size it claims), and that each table's rows are as many as the manifest counts. What comes out is each
 * table's rows as the archive holds them, as a Blob of NDJSON (no object of them: the import parses them a row at a
 * time, to check them, then again to write them), and the files as Blobs. Each refusal names the file and the
 * problem; nothing is kept of a refused archive.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { ERR_UNSAFE_FILENAME, Reader, ZipReader, configure, type Entry, type FileEntry } from '@zip.js/zip.js';
import { LIMITS, megabytes } from '../../../shared/limits';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  FORMAT_MIGRATIONS,
  MANIFEST_PATH,
  manifestSchema,
  readEntryName,
  type ArchiveManifest,
} from '../../../shared/archive/format';
import { ARCHIVED_TABLES, type ArchivedTable } from '../../../shared/archive/records';
import { LATEST_VERSION } from '../db/schema';

configure({ useWebWorkers: false });

/**
 * Where an archive's bytes come from: a file the researcher chose or dropped (a Blob, read by the browser's process),
 * or a file the desktop app holds for a token (a case archive the system opened, a backup), read over IPC.
 */
export type ArchiveSource = Blob | RangedFile;

/** A file read a range at a time. */
export interface RangedFile {
  readonly size: number;
  /** Bytes from `offset`, `length` of them (fewer at the end). */
  read(offset: number, length: number): Promise<Uint8Array>;
}

const rangedFile = (source: ArchiveSource): RangedFile =>
  source instanceof Blob ? { size: source.size, read: async (offset, length) => new Uint8Array(await source.slice(offset, offset + length).arrayBuffer()) } : source;

/**
 * Reads the archive's file in windows of a few megabytes, serving the zip's many small reads (each entry's header,
 * then its data) from the window in memory. A file chosen from the disk is read by the browser's process, and read an
 * entry at a time it took 130 s to check 10,000 files, where its bytes in memory took 50.
 */
class WindowedReader extends Reader<RangedFile> {
  private window: { start: number; bytes: Uint8Array } | null = null;

  constructor(
    private readonly file: RangedFile,
    private readonly windowBytes = 8 * 1024 * 1024,
  ) {
    super(file);
    this.size = file.size;
  }

  override async readUint8Array(index: number, length: number): Promise<Uint8Array> {
    const end = Math.min(index + length, this.size);
    const window = this.window;
    if (window && index >= window.start && end <= window.start + window.bytes.byteLength)
      return window.bytes.subarray(index - window.start, end - window.start);
    // A read larger than a window (a large file's data) is read alone, and not kept.
    if (end - index >= this.windowBytes) return this.file.read(index, end - index);
    const bytes = await this.file.read(index, Math.min(this.windowBytes, this.size - index));
    this.window = { start: index, bytes };
    return bytes.subarray(0, end - index);
  }
}

/** An archive refused: the message names the file and says what is wrong with it. */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

export interface ReadArchive {
  manifest: ArchiveManifest;
  /**
   * Each table's rows as the archive holds them: NDJSON, checked against the manifest's hash, each line a row with its
   * files as references to `files` (read with `rowsOf`). A Blob, as the files are: its bytes are kept by the browser
   * (on disk when they are many), not the page, which reads them a slice at a time.
   */
  records: Record<ArchivedTable, Blob>;
  /**
   * Each file the archive holds, by its SHA-256, checked against it: a Blob, whose bytes the browser keeps (on disk
   * when they are many), not the page.
   */
  files: ArchiveFiles;
}

/**
 * The files an archive holds, by SHA-256: their bytes end to end in Blobs of a few megabytes (a Blob each would be ten
 * thousand handles for as many documents), each file a slice of one when asked for. A file of a few megabytes or more
 * is a Blob of its own.
 */
export class ArchiveFiles {
  private readonly placed = new Map<string, { part: number; offset: number; size: number }>();
  private readonly parts: Blob[] = [];
  private pieces: Uint8Array[] = [];
  private piecesBytes = 0;

  /** A file whose bytes came as `chunks` (already a Blob when large). */
  add(sha256: string, chunks: readonly (Uint8Array | Blob)[], size: number): void {
    if (chunks.some((chunk) => chunk instanceof Blob)) {
      this.placed.set(sha256, { part: this.parts.length, offset: 0, size });
      this.parts.push(new Blob(chunks as BlobPart[]));
      return;
    }
    this.placed.set(sha256, { part: this.parts.length, offset: this.piecesBytes, size });
    this.pieces.push(...(chunks as Uint8Array[]));
    this.piecesBytes += size;
    if (this.piecesBytes >= SLICE_BYTES) this.seal();
  }

  /** Once the last file is added: the bytes still pending made a Blob. */
  seal(): void {
    if (!this.pieces.length) return;
    this.parts.push(new Blob(this.pieces as BlobPart[]));
    this.pieces = [];
    this.piecesBytes = 0;
  }

  /** The file's size, if the archive holds it. */
  sizeOf(sha256: string): number | undefined {
    return this.placed.get(sha256)?.size;
  }

  /** The file, as a Blob of the given MIME type, if the archive holds it. */
  get(sha256: string, type = ''): Blob | undefined {
    const placed = this.placed.get(sha256);
    return placed && this.parts[placed.part]!.slice(placed.offset, placed.offset + placed.size, type);
  }
}

export interface ReadArchiveOptions {
  signal?: AbortSignal;
  /** Called after each entry read, with the bytes read so far and in all. */
  onProgress?: (progress: { bytes: number; totalBytes: number }) => void;
}

/** Largest manifest read: about 100,000 entries. */
const MANIFEST_BYTES = 16 * 1024 * 1024;
/**
 * Most an entry may inflate, as a multiple of its compressed size, once it is past a megabyte. Text deflates to a
 * fifth or a tenth, repeated JSON to a fiftieth; a zip bomb to a thousandth and less.
 */
const MAX_RATIO = 500;

const cancelled = () => new DOMException('The import of the archive was cancelled.', 'AbortError');
const count = (value: number) => value.toLocaleString('en');
const quoted = (path: string) => `“${path.length > 80 ? `${path.slice(0, 79)}…` : path}”`;

/**
 * An entry's bytes, counted as they come out (more than `max` stops the reading there) and hashed, each piece given
 * to `take` as it comes, so that whoever reads it holds it as it likes: in one array, or as a Blob.
 */
async function readEntry(
  entry: FileEntry,
  max: number,
  refuse: (problem: string) => ArchiveError,
  signal: AbortSignal | undefined,
  take: (chunk: Uint8Array) => void,
): Promise<{ size: number; sha256: string }> {
  const hash = sha256.create();
  let size = 0;
  const sink = new WritableStream<Uint8Array>({
    write(chunk) {
      size += chunk.byteLength;
      if (size > max) throw refuse(`${quoted(entry.filename)} inflates past ${count(max)} bytes, more than it may hold`);
      if (size > 1024 * 1024 && size > MAX_RATIO * Math.max(entry.compressedSize, 1))
        throw refuse(`${quoted(entry.filename)} inflates to more than ${count(MAX_RATIO)} times its compressed size, as a zip bomb does`);
      hash.update(chunk);
      take(chunk);
    },
  });
  try {
    await entry.getData(sink, { signal, checkSignature: true });
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    if (signal?.aborted) throw cancelled();
    throw refuse(`${quoted(entry.filename)} cannot be read (${error instanceof Error ? error.message : String(error)}): the archive is damaged or cut short`);
  }
  return { size, sha256: bytesToHex(hash.digest()) };
}

const NEWLINE = 10;

/** How many lines pieces of NDJSON hold, counted as they come: a last line without its newline too. */
function lineCounter() {
  let lines = 0;
  let last = NEWLINE;
  return {
    add(chunk: Uint8Array) {
      for (let at = chunk.indexOf(NEWLINE); at >= 0; at = chunk.indexOf(NEWLINE, at + 1)) lines++;
      if (chunk.byteLength) last = chunk[chunk.byteLength - 1]!;
    },
    get lines() {
      return last === NEWLINE ? lines : lines + 1;
    },
  };
}

/** Pieces end to end, in one array. */
function joined(pieces: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(pieces.reduce((size, piece) => size + piece.byteLength, 0));
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.byteLength;
  }
  return bytes;
}

/** Bytes of a table's rows read at a time. */
export const SLICE_BYTES = 4 * 1024 * 1024;

/** NDJSON given a slice at a time, cut into its lines (without their newlines). */
export class LineSplitter {
  private carried: Uint8Array = new Uint8Array(0);

  /** The lines the slice ends, the first begun in the slices before (only that line is copied, to join its parts). */
  *lines(slice: Uint8Array): Generator<Uint8Array> {
    let start = 0;
    const first = slice.indexOf(NEWLINE);
    if (first < 0) {
      this.carried = joined([this.carried, slice]);
      return;
    }
    if (this.carried.byteLength) {
      yield joined([this.carried, slice.subarray(0, first)]);
      start = first + 1;
    }
    for (let end = slice.indexOf(NEWLINE, start); end >= 0; end = slice.indexOf(NEWLINE, start)) {
      yield slice.subarray(start, end);
      start = end + 1;
    }
    this.carried = slice.slice(start);
  }

  /** Once every slice is given: the last line, if it has no newline. */
  *rest(): Generator<Uint8Array> {
    if (this.carried.byteLength) yield this.carried;
    this.carried = new Uint8Array(0);
  }
}

/** The rows of a table, a line at a time: a line that is not UTF-8, not JSON or not an object is refused, naming the file, table and line. */
export class RowParser {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private line = 0;

  constructor(
    private readonly fileName: string,
    private readonly table: ArchivedTable,
  ) {}

  parse(text: Uint8Array): Record<string, unknown> {
    const { fileName, table } = this;
    this.line++;
    let row: unknown;
    try {
      row = JSON.parse(this.decoder.decode(text));
    } catch {
      throw new ArchiveError(`${fileName} has a row of ${table} that is not JSON (records/${table}.ndjson, line ${count(this.line)}).`);
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      throw new ArchiveError(`${fileName} has a row of ${table} that is not a record (records/${table}.ndjson, line ${count(this.line)}).`);
    return row as Record<string, unknown>;
  }
}

/** Each line of NDJSON kept as a Blob, without its newline (a last line without one too), read a slice at a time. */
export async function* linesOf(blob: Blob, sliceBytes = SLICE_BYTES): AsyncGenerator<Uint8Array> {
  const splitter = new LineSplitter();
  for (let offset = 0; offset < blob.size; offset += sliceBytes) yield* splitter.lines(new Uint8Array(await blob.slice(offset, offset + sliceBytes).arrayBuffer()));
  yield* splitter.rest();
}

/**
 * Each row of a table as the archive holds it, parsed from its line as it is asked for (so that what is held is a
 * slice of the rows' text and one row), refused as `RowParser` says.
 */
export async function* rowsOf(fileName: string, table: ArchivedTable, records: Blob): AsyncGenerator<Record<string, unknown>> {
  const parser = new RowParser(fileName, table);
  for await (const line of linesOf(records)) yield parser.parse(line);
}

/** Every row of a table, for tests and small tables. */
export async function allRowsOf(fileName: string, table: ArchivedTable, records: Blob): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const row of rowsOf(fileName, table, records)) rows.push(row);
  return rows;
}

export async function readArchive(source: ArchiveSource, fileName: string, options: ReadArchiveOptions = {}): Promise<ReadArchive> {
  const { signal, onProgress } = options;
  const refuse = (problem: string) => new ArchiveError(`${fileName} ${problem}.`);
  const notArchive = (why: string) => refuse(`is not a Casebook archive: ${why}`);
  const file = rangedFile(source);
  if (file.size > LIMITS.archiveBytes) throw refuse(`is ${megabytes(file.size)} MB; Casebook imports archives up to ${megabytes(LIMITS.archiveBytes)} MB`);
  if (signal?.aborted) throw cancelled();

  const zip = new ZipReader(new WindowedReader(file));
  try {
    let listed: Entry[];
    try {
      listed = await zip.getEntries();
    } catch (error) {
      // zip.js refuses a name that would leave the folder it is written to (`../`, `/etc`, `C:\\`) as it reads the directory.
      if (error instanceof Error && error.message === ERR_UNSAFE_FILENAME)
        throw refuse(`holds an entry with an unsafe path, ${quoted(String((error as Error & { filename?: unknown }).filename ?? ''))}, which no Casebook archive has`);
      throw notArchive(`it is not a zip file, or it is cut short (${error instanceof Error ? error.message : String(error)})`);
    }

    // The names, before any byte is read.
    const byName = new Map<string, FileEntry>();
    for (const entry of listed) {
      if (entry.directory) throw refuse(`holds a folder, ${quoted(entry.filename)}, which no Casebook archive has`);
      if (readEntryName(entry.filename) === null) throw refuse(`holds an entry Casebook does not write, ${quoted(entry.filename)}`);
      if (byName.has(entry.filename)) throw refuse(`holds ${quoted(entry.filename)} twice`);
      if (entry.encrypted) throw refuse(`holds ${quoted(entry.filename)} encrypted, which Casebook does not write`);
      byName.set(entry.filename, entry);
    }
    const manifestEntry = byName.get(MANIFEST_PATH);
    if (!manifestEntry) throw notArchive('it has no manifest');

    const manifestChunks: Uint8Array[] = [];
    await readEntry(manifestEntry, MANIFEST_BYTES, refuse, signal, (chunk) => manifestChunks.push(chunk));
    let manifest = readManifest(new Uint8Array(await new Blob(manifestChunks as BlobPart[]).arrayBuffer()), refuse, notArchive);
    const listedPaths = new Set(manifest.entries.map((entry) => entry.path));
    if (listedPaths.size !== manifest.entries.length) throw refuse('has a manifest that lists an entry twice');
    for (const path of listedPaths) {
      if (readEntryName(path) === null || path === MANIFEST_PATH) throw refuse(`has a manifest that lists an entry Casebook does not write, ${quoted(path)}`);
      if (!byName.has(path)) throw refuse(`lists ${quoted(path)} in its manifest but does not hold it`);
    }
    for (const name of byName.keys()) if (name !== MANIFEST_PATH && !listedPaths.has(name)) throw refuse(`holds ${quoted(name)}, which its manifest does not list`);
    for (const table of ARCHIVED_TABLES)
      if (!listedPaths.has(`records/${table}.ndjson`)) throw refuse(`has no rows for ${table} (records/${table}.ndjson)`);

    // Every entry: its size and hash against the manifest's, then its rows or its file.
    const totalBytes = manifest.entries.reduce((sum, entry) => sum + entry.size, 0);
    let bytesRead = 0;
    const files = new ArchiveFiles();
    let records: Record<string, Blob> = {};
    const lines = new Map<string, number>();
    for (const listedEntry of manifest.entries) {
      if (signal?.aborted) throw cancelled();
      const name = readEntryName(listedEntry.path)!;
      const max = name.kind === 'file' ? LIMITS.fileBytes : LIMITS.archiveRecordsBytes;
      if (listedEntry.size > max) throw refuse(`lists ${quoted(listedEntry.path)} as ${count(listedEntry.size)} bytes, more than it may hold (${count(max)})`);
      // Each entry is kept as a Blob, made of Blobs of a few megabytes as its pieces come: its bytes are the browser's
      // to keep, and the page holds no more than a few megabytes of them at a time.
      const parts: Blob[] = [];
      let pieces: Uint8Array[] = [];
      let piecesBytes = 0;
      const counter = lineCounter();
      const { size, sha256 } = await readEntry(byName.get(listedEntry.path)!, listedEntry.size, refuse, signal, (chunk) => {
        pieces.push(chunk);
        piecesBytes += chunk.byteLength;
        if (piecesBytes >= SLICE_BYTES) {
          parts.push(new Blob(pieces as BlobPart[]));
          pieces = [];
          piecesBytes = 0;
        }
        if (name.kind === 'records') counter.add(chunk);
      });
      const chunks = [...parts, ...pieces] as BlobPart[];
      if (size !== listedEntry.size) throw refuse(`holds ${quoted(listedEntry.path)} of ${count(size)} bytes, where its manifest says ${count(listedEntry.size)}`);
      if (sha256 !== listedEntry.sha256) throw refuse(`holds ${quoted(listedEntry.path)} changed or damaged: its SHA-256 is not the one its manifest gives`);
      if (name.kind === 'file') {
        if (name.sha256 !== sha256) throw refuse(`holds ${quoted(listedEntry.path)}, whose bytes are not the file its name says`);
        files.add(sha256, chunks as (Uint8Array | Blob)[], size);
      } else if (name.kind === 'records') {
        records[name.table] = new Blob(chunks as BlobPart[]);
        lines.set(name.table, counter.lines);
      }
      bytesRead += size;
      onProgress?.({ bytes: bytesRead, totalBytes });
    }

    files.seal();

    // An older format brought to this one, a step at a time (format 1 is the first: there is no step yet).
    for (let version = manifest.formatVersion; version < ARCHIVE_FORMAT_VERSION; version++) {
      const migrate = FORMAT_MIGRATIONS[version];
      if (!migrate) throw refuse(`is in archive format ${version}, which this version of Casebook cannot read`);
      ({ manifest, records } = await migrate({ manifest, records }));
    }

    for (const table of ARCHIVED_TABLES) {
      // Counted as read, unless a format migration rewrote the rows.
      const rows = manifest.formatVersion === ARCHIVE_FORMAT_VERSION ? lines.get(table)! : (await allRowsOf(fileName, table, records[table]!)).length;
      const expected = manifest.counts[table] ?? 0;
      if (rows !== expected) throw refuse(`holds ${count(rows)} rows of ${table}, where its manifest counts ${count(expected)}`);
    }
    const [caseFile] = await allRowsOf(fileName, 'cases', records.cases!);
    if (manifest.counts.cases !== 1 || caseFile?.id !== manifest.case.id) throw refuse('does not hold the case its manifest names');
    return { manifest, records: records as Record<ArchivedTable, Blob>, files };
  } finally {
    await zip.close();
  }
}

function readManifest(bytes: Uint8Array, refuse: (problem: string) => ArchiveError, notArchive: (why: string) => ArchiveError): ArchiveManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw notArchive('its manifest is not JSON');
  }
  const head = json as { format?: unknown; formatVersion?: unknown; schemaVersion?: unknown };
  if (typeof json !== 'object' || json === null || head.format !== ARCHIVE_FORMAT) throw notArchive('its manifest is not a Casebook manifest');
  if (typeof head.formatVersion === 'number' && head.formatVersion > ARCHIVE_FORMAT_VERSION)
    throw refuse(
      `was made by a newer version of Casebook (archive format ${head.formatVersion}; this version reads up to ${ARCHIVE_FORMAT_VERSION}). Update Casebook to import it`,
    );
  // Rows of a newer database schema would be written in a shape this version does not know; an older one is upgraded.
  if (typeof head.schemaVersion === 'number' && head.schemaVersion > LATEST_VERSION)
    throw refuse(
      `was made by a newer version of Casebook (database schema ${head.schemaVersion}; this version knows up to ${LATEST_VERSION}). Update Casebook to import it`,
    );
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw refuse(`has a manifest that cannot be read: ${issue.path.join('.') || 'it'} ${issue.message}`);
  }
  return parsed.data;
}
