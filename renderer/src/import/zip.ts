import { Uint8ArrayReader, ZipReader, type Entry } from '@zip.js/zip.js';
import { Inflate, unzipSync } from 'fflate';
import { LIMITS, UNZIPPED_PART_SIZE, UNZIPPED_RATIO, UNZIPPED_SIZE } from '../../../shared/limits';
import { ImportError } from './types';

/**
 * What the importers need of the zip format: listing an archive's files (to recognise a Word document by its parts),
 * reading one small part (docProps/core.xml, which mammoth does not expose), and refusing a zip bomb before anything
 * unpacks it whole.
 */

export interface ZipEntry {
  name: string;
  /** Uncompressed size in bytes, as the archive declares it. */
  size: number;
}

export const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** The archive's entries, or null when it is not a readable zip (not one at all, or cut short). */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const entries: ZipEntry[] = [];
  try {
    // The filter sees every entry's header and declines them all, so nothing is inflated.
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, size: file.originalSize });
        return false;
      },
    });
  } catch {
    return null;
  }
  return entries;
}

/**
 * One entry's bytes, or null when it cannot be read. Only for a small entry, once `checkUnpackedSize` has passed the
 * zip: fflate makes room for the size the zip declares, and inflates all of the entry's data into it.
 */
export async function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array | null> {
  try {
    return unzipSync(bytes, { filter: (file) => file.name === entry.name })[entry.name] ?? null;
  } catch {
    return null;
  }
}

const DEFLATED = 8;
const LOCAL_HEADER = 0x04034b50;
/**
 * Compressed bytes given to the inflater at a time: what one push unpacks (at most about a thousand times as much) is
 * what is held at once, 66 MB at worst.
 */
const PUSH_BYTES = 64 * 1024;

/** Where an entry's data starts, after its local header, or null when no local header is at `offset`. */
function dataStart(bytes: Uint8Array, offset: number): number | null {
  if (offset < 0 || offset + 30 > bytes.byteLength) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(offset, true) !== LOCAL_HEADER) return null;
  return offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
}

const DAMAGED = 'is damaged or incomplete and could not be read as a Word document (.docx).';

/**
 * Each piece an entry's data inflates to, as it comes (a piece is valid until `take` returns; throwing from it stops
 * the inflating). Data that is not deflate, or ends early, is refused as damaged: handed to mammoth, whose inflater
 * reads on where fflate's stops, one such part (fuzz seed 243, "invalid distance") kept it busy past the time limit.
 */
function inflatePieces(data: Uint8Array, take: (piece: Uint8Array) => void): void {
  const inflate = new Inflate(take);
  try {
    for (let at = 0; at < data.byteLength || at === 0; at += PUSH_BYTES) inflate.push(data.subarray(at, at + PUSH_BYTES), at + PUSH_BYTES >= data.byteLength);
  } catch (error) {
    throw error instanceof ImportError ? error : new ImportError(DAMAGED);
  }
}

/**
 * Refuses a zip (a Word document) that would unpack to more than Casebook imports, before anything unpacks it whole:
 * past `LIMITS.unzippedPartBytes` in one part, `LIMITS.unzippedBytes` in all, or `LIMITS.unzippedRatio` times a part's
 * compressed size. Every entry the zip's central directory lists is inflated, as mammoth's JSZip would find it (its
 * data after its local header, as long as the directory says), and its bytes are counted as they come out, whatever
 * sizes the zip declares, and dropped: the first byte past a limit stops it. Entries that share their data, as a zip
 * bomb's do, are counted each time. A zip whose directory or deflated data cannot be read is refused as damaged.
 */
export async function checkUnpackedSize(bytes: Uint8Array): Promise<void> {
  let entries: Entry[];
  try {
    entries = await new ZipReader(new Uint8ArrayReader(bytes)).getEntries();
  } catch {
    throw new ImportError(DAMAGED);
  }
  let total = 0;
  for (const entry of entries) {
    if (entry.directory) continue;
    const start = dataStart(bytes, entry.offset);
    if (start === null) throw new ImportError(DAMAGED);
    const data = bytes.subarray(start, start + entry.compressedSize);
    let size = 0;
    const count = (bytes: number) => {
      size += bytes;
      total += bytes;
      if (size > LIMITS.unzippedPartBytes) throw new ImportError(UNZIPPED_PART_SIZE.refusal(entry.filename));
      if (total > LIMITS.unzippedBytes) throw new ImportError(UNZIPPED_SIZE.refusal());
      if (size > LIMITS.unzippedRatioFrom && size > LIMITS.unzippedRatio * Math.max(data.byteLength, 1))
        throw new ImportError(UNZIPPED_RATIO.refusal(entry.filename));
    };
    // Stored, encrypted or in a method JSZip cannot read: the bytes are what they are.
    if (entry.compressionMethod === DEFLATED && !entry.encrypted) inflatePieces(data, (piece) => count(piece.byteLength));
    else count(data.byteLength);
  }
}
