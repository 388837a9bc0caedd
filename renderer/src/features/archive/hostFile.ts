import type { CasebookApi } from '../../../../shared/contract';
import { MAX_FILE_RANGE_BYTES } from '../../../../shared/contractSchemas';
import type { RangedFile } from '../../archive/readArchive';

/**
 * A file the desktop app holds a token for (a case archive the system opened, a backup), read a range at a time over
 * IPC: the archive's reader asks for windows of a few megabytes, and a larger read (a large original's bytes) is
 * fetched in pieces of at most what one request carries.
 */
export function hostFile(host: Pick<CasebookApi, 'readFileRange'>, token: string, size: number): RangedFile {
  return {
    size,
    async read(offset, length) {
      const end = Math.min(offset + length, size);
      if (end - offset <= MAX_FILE_RANGE_BYTES) return host.readFileRange({ token, offset, length: Math.max(end - offset, 1) });
      const bytes = new Uint8Array(end - offset);
      for (let at = offset; at < end; at += MAX_FILE_RANGE_BYTES) {
        const piece = await host.readFileRange({ token, offset: at, length: Math.min(MAX_FILE_RANGE_BYTES, end - at) });
        bytes.set(piece, at - offset);
      }
      return bytes;
    },
  };
}
