/**
 * Zips written byte by byte for the zip-bomb tests, as an attacker writes them: sizes declared that are not the real
 * ones, and central-directory entries that share one entry's data. Deflated with Node's zlib (raw deflate, as zips
 * hold it), which packs a hundred megabytes in a fraction of the time fflate takes. Only tests import this module.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';

export interface CraftedEntry {
  name: string;
  /** The entry's real bytes. */
  data: Uint8Array;
  /** The uncompressed size the headers declare, when not the real one. */
  declaredSize?: number;
  /** Stored as it is rather than deflated. */
  stored?: boolean;
}

const u16 = (value: number) => [value & 0xff, (value >>> 8) & 0xff];
const u32 = (value: number) => [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];

/**
 * A zip of the entries, each with its local header and data, then a central directory listing each of them, and
 * after them `aliases`: further names listed in the directory that point at the data of the entry they name.
 */
export function craftZip(entries: readonly CraftedEntry[], aliases: readonly { name: string; of: string }[] = []): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  const directory: number[][] = [];
  const written = new Map<string, { offset: number; header: number[] }>();
  let offset = 0;
  const push = (bytes: Uint8Array | number[]) => {
    const part = bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes);
    parts.push(part);
    offset += part.byteLength;
  };
  const record = (name: string, header: number[], at: number) => {
    const nameBytes = new TextEncoder().encode(name);
    directory.push([...u32(0x02014b50), ...u16(20), ...header.slice(0, 22), ...u16(nameBytes.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(at), ...nameBytes]);
  };
  for (const entry of entries) {
    const nameBytes = new TextEncoder().encode(entry.name);
    const body = entry.stored ? entry.data : deflateRawSync(entry.data);
    // Version, flags, method, time, date, CRC-32, compressed size, uncompressed size: as the local header and the directory give them.
    const header = [...u16(20), ...u16(0), ...u16(entry.stored ? 0 : 8), ...u16(0), ...u16(0x21), ...u32(crc32(entry.data)), ...u32(body.byteLength), ...u32(entry.declaredSize ?? entry.data.byteLength)];
    written.set(entry.name, { offset, header });
    record(entry.name, header, offset);
    push([...u32(0x04034b50), ...header, ...u16(nameBytes.length), ...u16(0), ...nameBytes]);
    push(body);
  }
  for (const alias of aliases) {
    const target = written.get(alias.of)!;
    record(alias.name, target.header, target.offset);
  }
  const directoryStart = offset;
  for (const entry of directory) push(entry);
  const count = directory.length;
  push([...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(count), ...u16(count), ...u32(offset - directoryStart), ...u32(directoryStart), ...u16(0)]);
  const zip = new Uint8Array(offset);
  let at = 0;
  for (const part of parts) {
    zip.set(part, at);
    at += part.byteLength;
  }
  return zip;
}

/** A real Word document's parts, to which a test adds its own. */
export function wordParts(docx: Uint8Array): CraftedEntry[] {
  return Object.entries(unzipSync(docx)).map(([name, data]) => ({ name, data }));
}

/**
 * `size` bytes that deflate to about a three-hundredth (one byte in 2,048 drawn from a seeded generator, zeros
 * between): less than a bomb's thousandth, so only the limits on sizes can refuse them.
 */
export function sparseBytes(size: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(size);
  let state = seed;
  for (let i = 0; i < size; i += 2048) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}
