import type { Attachment } from '../../../shared/domain';
import { LIMITS, fileLimit, megabytes } from '../../../shared/limits';
import type { CasebookDB } from '../db/schema';
import { sha256Hex } from './documents';
import { NotFoundError, ValidationError } from './errors';
import { newId, now, quoted } from './writeCase';

/** An image too large to keep in a note: "scan.png is 12 MB; images in notes are at most 10 MB." (Here, not in
 * shared/limits.ts, so that it loads with the case rather than at start.) */
export const NOTE_IMAGE_SIZE = fileLimit(
  LIMITS.noteImageBytes,
  (bytes: number) => `is ${megabytes(bytes)} MB; images in notes are at most ${megabytes(LIMITS.noteImageBytes)} MB. Make it smaller and paste it again.`,
);

/** Image types a note keeps: those every Chromium shows. */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);

export interface AttachmentInput {
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

/**
 * Keeps an image in the case for a note (pasted or dropped into it). An image over the size limit, or a file that is
 * no image Casebook shows, is refused with a message naming it. The note's text refers to it as `attachment:<id>`.
 */
export async function addNoteAttachment(db: CasebookDB, noteId: string, input: AttachmentInput): Promise<Attachment> {
  const name = input.name.trim() || 'pasted image';
  const fail = (message: string) => new ValidationError([{ field: 'attachment', message }]);
  if (!IMAGE_TYPES.has(input.mimeType))
    throw fail(`${name} is not an image Casebook can keep in a note (PNG, JPEG, GIF, WebP, AVIF or BMP).`);
  if (input.bytes.byteLength > NOTE_IMAGE_SIZE.max) throw fail(NOTE_IMAGE_SIZE.message(name, input.bytes.byteLength));
  const sha256 = await sha256Hex(input.bytes);
  return db.transaction('rw', ['notes', 'attachments'], async () => {
    const note = await db.notes.get(noteId);
    if (!note) throw new NotFoundError(`The note is gone, so ${quoted(name)} was not kept. It may have been deleted in another window.`);
    const attachment: Attachment = {
      id: newId(),
      caseId: note.caseId,
      noteId,
      name,
      mimeType: input.mimeType,
      size: input.bytes.byteLength,
      sha256,
      bytes: new Blob([input.bytes as Uint8Array<ArrayBuffer>], { type: input.mimeType }),
      createdAt: now(),
    };
    await db.attachments.add(attachment);
    return attachment;
  });
}
