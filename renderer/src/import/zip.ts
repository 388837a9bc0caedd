import { unzipSync } from 'fflate';

/**
 * What the importers need of the zip format, through fflate: listing an archive's files (to recognise a Word document
 * by its parts) and reading one small part (docProps/core.xml, which mammoth does not expose).
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

/** One entry's bytes, or null when it cannot be read. */
export async function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array | null> {
  try {
    return unzipSync(bytes, { filter: (file) => file.name === entry.name })[entry.name] ?? null;
  } catch {
    return null;
  }
}
