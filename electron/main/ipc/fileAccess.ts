import { open } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { HostError, type PickedFile } from '../../../shared/contract';
import { FILE_SIZE } from '../../../shared/limits';

/**
 * Reading the files a researcher picked and writing the ones they save, with messages that name the file and say
 * what to do. Node only (the dialogs live in the handler modules), so it is tested against real temporary files.
 */

/** Why a file operation failed, in a few plain words. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'it no longer exists';
    case 'EACCES':
    case 'EPERM':
      return 'permission was denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'EBUSY':
      return 'another program is using it';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function tooLarge(name: string, size: number): PickedFile {
  return { name, size, bytes: null, error: FILE_SIZE.message(name, size, 'open') };
}

/**
 * The bytes in an array that owns its whole buffer. IPC copies a view's entire underlying buffer, and a small
 * Buffer may be a slice of Node's shared pool, which would send unrelated memory along.
 */
export function ownBytes(buffer: Buffer): Uint8Array {
  const whole = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength;
  return whole ? new Uint8Array(buffer.buffer, 0, buffer.byteLength) : new Uint8Array(buffer);
}

/** Reads one picked file whole; a file too large or unreadable comes back with `error` set instead of bytes. */
export async function readPickedFile(filePath: string, maxBytes = FILE_SIZE.max): Promise<PickedFile> {
  const name = path.basename(filePath);
  let size = 0;
  try {
    const handle = await open(filePath, 'r');
    try {
      const stats = await handle.stat();
      size = stats.size;
      if (stats.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      if (size > maxBytes) return tooLarge(name, size);
      const buffer = await handle.readFile();
      // The file may have grown since stat.
      if (buffer.byteLength > maxBytes) return tooLarge(name, buffer.byteLength);
      return { name, size: buffer.byteLength, bytes: ownBytes(buffer), error: null };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return {
      name,
      size,
      bytes: null,
      error: `${name} could not be read: ${describeFileError(error)}. Check that it is still there and that you may open it, then try again.`,
    };
  }
}

/**
 * Writes bytes where the user chose in the save dialog, raising a HostError that names the file and folder. The bytes
 * go to a temporary file beside it, flushed to disk, then renamed over it (write-file-atomic): a failed or
 * interrupted save leaves no half-written file there, and a file already there stays whole until the new one is.
 */
export async function writeChosenFile(filePath: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(filePath, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    const name = path.basename(filePath);
    const folder = path.dirname(filePath);
    throw new HostError(
      'write-failed',
      `${name} could not be saved in ${folder}: ${describeFileError(error)}. Choose another folder or name and try again.`,
    );
  }
}
