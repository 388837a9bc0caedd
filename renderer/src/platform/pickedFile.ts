import type { PickedFile } from '../../../shared/contract';
import { FILE_SIZE } from '../../../shared/limits';

/** A file chosen in the browser's file dialog, read whole, or why it was not. */
export async function readPickedFile(file: File): Promise<PickedFile> {
  if (file.size > FILE_SIZE.max)
    return { name: file.name, size: file.size, bytes: null, error: FILE_SIZE.message(file.name, file.size, 'open') };
  try {
    return { name: file.name, size: file.size, bytes: new Uint8Array(await file.arrayBuffer()), error: null };
  } catch {
    return { name: file.name, size: file.size, bytes: null, error: `${file.name} could not be read.` };
  }
}
