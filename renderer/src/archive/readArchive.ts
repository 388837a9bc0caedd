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
import { ERR_OVERLAPPING_ENTRY, ERR_UNSAFE_FILENAME, Reader, ZipReader, configure, type Entry, type FileEntry } from '@zip.js/zip.js';
import type { z } from 'zod';
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
import { BlobGatherer, SliceBuffer } from './blobBuffers';

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

/**
 * Reads the archive's file in windows of a few megabytes, serving the zip's many small reads (each entry's header,
 * then its data) from the window in memory. A file chosen from the disk is read by the browser's process, and read an
 * entry at a time it took 130 s to check 10,000 files, where its bytes in memory took 50.
 *
 * A Blob's windows are read into one buffer (`SliceBuffer`), and each read served is a copy of its part of it: a
 * view the zip reader still holds is never overwritten, and no window is made anew.
 */
class WindowedReader extends Reader<ArchiveSource> {
  private window: { start: number; bytes: Uint8Array } | null = null;
  private readonly buffer: SliceBuffer | null;

  constructor(
    private readonly file: ArchiveSource,
    private readonly windowBytes = 8 * 1024 * 1024,
  ) {
    super(file);
    this.size = file.size;
    this.buffer = file instanceof Blob ? new SliceBuffer(windowBytes) : null;
  }

  /** Bytes of the file, read on their own (not kept). */
  private async readAlone(index: number, end: number): Promise<Uint8Array> {
    const { file } = this;
    return file instanceof Blob ? new Uint8Array(await file.slice(index, end).arrayBuffer()) : file.read(index, end - index);
  }

  /**
   * Gives `take` the bytes from `index`, `length` of them, a piece at a time: views of the window, each valid until
   * `take` returns (no copy is made of them).
   */
  async readPieces(index: number, length: number, take: (piece: Uint8Array) => void): Promise<void> {
    const end = Math.min(index + length, this.size);
    for (let at = index; at < end; ) {
      const window = await this.windowAt(at);
      const pieceEnd = Math.min(end, window.start + window.bytes.byteLength);
      take(window.bytes.subarray(at - window.start, pieceEnd - window.start));
      at = pieceEnd;
    }
  }

  /** The window that holds `index`, read if it is not the one held. */
  private async windowAt(index: number): Promise<{ start: number; bytes: Uint8Array }> {
    const window = this.window;
    if (window && index >= window.start && index < window.start + window.bytes.byteLength) return window;
    const windowEnd = Math.min(index + this.windowBytes, this.size);
    const bytes = this.buffer ? await this.buffer.read(this.file as Blob, index, windowEnd) : await (this.file as RangedFile).read(index, windowEnd - index);
    return (this.window = { start: index, bytes });
  }

  override async readUint8Array(index: number, length: number): Promise<Uint8Array> {
    const end = Math.min(index + length, this.size);
    // A read larger than a window (a large file's data) is read alone, and not kept.
    if (end - index >= this.windowBytes) return this.readAlone(index, end);
    let window = this.window;
    if (!window || index < window.start || end > window.start + window.bytes.byteLength) {
      this.window = null;
      window = await this.windowAt(index);
    }
    return window.bytes.slice(index - window.start, end - window.start);
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
 * The files an archive holds, by SHA-256: their bytes end to end in one Blob (made of Blobs of a few megabytes, as they
 * were gathered: a Blob each would be ten thousand handles for as many documents), each file a slice of it when asked
 * for.
 */
export class ArchiveFiles {
  private readonly placed = new Map<string, { offset: number; size: number }>();
  private readonly gatherer = new BlobGatherer(SLICE_BYTES);
  private all: Blob | null = null;

  /** The next file's bytes, as they come (`place` names it once they are all there and checked). */
  write(piece: Uint8Array): void {
    this.gatherer.write(piece);
  }

  /** The file whose `size` bytes were written last is the one with this SHA-256. */
  place(sha256: string, size: number): void {
    this.placed.set(sha256, { offset: this.gatherer.size - size, size });
  }

  /** Once the last file is placed: their bytes made one Blob. */
  seal(): void {
    this.all = this.gatherer.take();
  }

  /** The file's size, if the archive holds it. */
  sizeOf(sha256: string): number | undefined {
    return this.placed.get(sha256)?.size;
  }

  /** The file, as a Blob of the given MIME type, if the archive holds it. */
  get(sha256: string, type = ''): Blob | undefined {
    const placed = this.placed.get(sha256);
    return placed && this.all!.slice(placed.offset, placed.offset + placed.size, type);
  }
}

export interface ReadArchiveOptions {
  signal?: AbortSignal;
  /** Called after each entry read, with the bytes read so far and in all. */
  onProgress?: (progress: { bytes: number; totalBytes: number }) => void;
}

/** Largest manifest read: about 100,000 entries. */
const MANIFEST_BYTES = 16 * 1024 * 1024;
/** Most an entry may inflate, as a multiple of its compressed size, once it is past a megabyte (see `LIMITS`). */
const MAX_RATIO = LIMITS.unzippedRatio;

const cancelled = () => new DOMException('The import of the archive was cancelled.', 'AbortError');
const count = (value: number) => value.toLocaleString('en');
const quoted = (path: string) => `“${path.length > 80 ? `${path.slice(0, 79)}…` : path}”`;

/** The zip method of an entry stored as it is (how Casebook writes the files). */
const STORED = 0;

/**
 * An entry's bytes, counted as they come out (more than `max` stops the reading there) and hashed, each piece given
 * to `take` as it comes, so that whoever reads it holds it as it likes (a piece is the reader's until `take` returns:
 * whoever keeps it copies it).
 *
 * An entry stored as it is (each of the case's files) is not streamed through zip.js: zip.js reads and checks its
 * local header (and that it overlaps no entry read before it, as a zip bomb's do) and gives where its bytes start,
 * as it documents for ranged reads of stored entries, and they are read from there. Ten thousand entries streamed
 * each through their own readers, transforms and writers made most of what the page's memory grew by as an archive
 * was read. The SHA-256 the manifest gives each entry checks its bytes (the zip's CRC-32 is not read again).
 */
async function readEntry(
  reader: WindowedReader,
  entry: FileEntry,
  max: number,
  refuse: (problem: string) => ArchiveError,
  signal: AbortSignal | undefined,
  take: (chunk: Uint8Array) => void,
): Promise<{ size: number; sha256: string }> {
  const hash = sha256.create();
  let size = 0;
  const write = (chunk: Uint8Array) => {
    size += chunk.byteLength;
    if (size > max) throw refuse(`${quoted(entry.filename)} inflates past ${count(max)} bytes, more than it may hold`);
    if (size > LIMITS.unzippedRatioFrom && size > MAX_RATIO * Math.max(entry.compressedSize, 1))
      throw refuse(`${quoted(entry.filename)} inflates to more than ${count(MAX_RATIO)} times its compressed size, as a zip bomb does`);
    hash.update(chunk);
    take(chunk);
  };
  try {
    if (entry.compressionMethod === STORED) {
      await entry.getData(new WritableStream(), { signal, checkOverlappingEntryOnly: true });
      if (entry.compressedSize !== entry.uncompressedSize)
        throw refuse(`holds ${quoted(entry.filename)} stored as it is, yet with two sizes (${count(entry.compressedSize)} and ${count(entry.uncompressedSize)} bytes)`);
      await reader.readPieces(entry.localDirectory!.dataOffset, entry.compressedSize, write);
    } else await entry.getData(new WritableStream<Uint8Array>({ write }), { signal, checkSignature: true });
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    if (signal?.aborted) throw cancelled();
    if (error instanceof Error && error.message === ERR_OVERLAPPING_ENTRY)
      throw refuse(`holds ${quoted(entry.filename)} overlapping another entry's bytes, as a zip bomb's entries do`);
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

/**
 * Each line of NDJSON kept as a Blob, without its newline (a last line without one too), read a slice at a time into
 * `buffer` (one of its own unless given: passes over many tables share one). Each line is a view of the slice, valid
 * until the next is asked for.
 */
export async function* linesOf(blob: Blob, sliceBytes = SLICE_BYTES, buffer = new SliceBuffer(Math.min(sliceBytes, blob.size))): AsyncGenerator<Uint8Array> {
  const splitter = new LineSplitter();
  for (let offset = 0; offset < blob.size; offset += sliceBytes) yield* splitter.lines(await buffer.read(blob, offset, offset + sliceBytes));
  yield* splitter.rest();
}

/**
 * Each row of a table as the archive holds it, parsed from its line as it is asked for (so that what is held is a
 * slice of the rows' text and one row), refused as `RowParser` says; read through `buffer` when given (see `linesOf`).
 */
export async function* rowsOf(fileName: string, table: ArchivedTable, records: Blob, buffer?: SliceBuffer): AsyncGenerator<Record<string, unknown>> {
  const parser = new RowParser(fileName, table);
  for await (const line of linesOf(records, buffer?.bytes, buffer)) yield parser.parse(line);
}

/** Every row of a table, for tests and small tables. */
export async function allRowsOf(fileName: string, table: ArchivedTable, records: Blob, buffer?: SliceBuffer): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const row of rowsOf(fileName, table, records, buffer)) rows.push(row);
  return rows;
}

export async function readArchive(source: ArchiveSource, fileName: string, options: ReadArchiveOptions = {}): Promise<ReadArchive> {
  const { signal, onProgress } = options;
  const refuse = (problem: string) => new ArchiveError(`${fileName} ${problem}.`);
  const notArchive = (why: string) => refuse(`is not a Casebook archive: ${why}`);
  if (source.size > LIMITS.archiveBytes) throw refuse(`is ${megabytes(source.size)} MB; Casebook imports archives up to ${megabytes(LIMITS.archiveBytes)} MB`);
  if (signal?.aborted) throw cancelled();

  const reader = new WindowedReader(source);
  const zip = new ZipReader(reader, { checkOverlappingEntry: true });
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
    await readEntry(reader, manifestEntry, MANIFEST_BYTES, refuse, signal, (chunk) => manifestChunks.push(chunk.slice()));
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
    const rows = new BlobGatherer(SLICE_BYTES);
    let records: Record<string, Blob> = {};
    const lines = new Map<string, number>();
    for (const listedEntry of manifest.entries) {
      if (signal?.aborted) throw cancelled();
      const name = readEntryName(listedEntry.path)!;
      const max = name.kind === 'file' ? LIMITS.fileBytes : LIMITS.archiveRecordsBytes;
      if (listedEntry.size > max) throw refuse(`lists ${quoted(listedEntry.path)} as ${count(listedEntry.size)} bytes, more than it may hold (${count(max)})`);
      // Each entry is gathered into a Blob as its pieces come, a file's with the files before it: its bytes are the
      // browser's to keep, and the page holds no more than a few megabytes of them at a time.
      const counter = lineCounter();
      const sink = name.kind === 'file' ? files : rows;
      const { size, sha256 } = await readEntry(reader, byName.get(listedEntry.path)!, listedEntry.size, refuse, signal, (chunk) => {
        sink.write(chunk);
        if (name.kind === 'records') counter.add(chunk);
      });
      if (size !== listedEntry.size) throw refuse(`holds ${quoted(listedEntry.path)} of ${count(size)} bytes, where its manifest says ${count(listedEntry.size)}`);
      if (sha256 !== listedEntry.sha256) throw refuse(`holds ${quoted(listedEntry.path)} changed or damaged: its SHA-256 is not the one its manifest gives`);
      if (name.kind === 'file') {
        if (name.sha256 !== sha256) throw refuse(`holds ${quoted(listedEntry.path)}, whose bytes are not the file its name says`);
        files.place(sha256, size);
      } else if (name.kind === 'records') {
        records[name.table] = rows.take();
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
  const parsed = manifestSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) throw refuse(`has a manifest that cannot be read: ${manifestFault(parsed.error.issues[0]!)}. The archive is damaged`);
  return parsed.data;
}

/**
 * A manifest's fault in words rather than the schema's: where it is ("“size” of entry 15") and what is wrong with it
 * ("is missing", "is not a number").
 */
function manifestFault(issue: z.core.$ZodIssue): string {
  const path = issue.path.map((key) => (typeof key === 'number' ? key + 1 : String(key)));
  const where = path.length
    ? path
        .map((key, index) => (typeof key === 'number' ? `${path[index - 1] === 'entries' ? 'entry' : 'item'} ${key}` : `“${key}”`))
        .filter((said, index) => !(said === '“entries”' && typeof path[index + 1] === 'number'))
        .reverse()
        .join(' of ')
    : 'its content';
  if (issue.code === 'invalid_type') return issue.input === undefined ? `${where} is missing` : `${where} is not ${withArticle(issue.expected)}`;
  return `${where} has a value Casebook does not expect`;
}

const withArticle = (kind: string) => (/^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`);
