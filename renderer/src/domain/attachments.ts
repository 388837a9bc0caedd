import { ATTACHMENT_PREFIX } from '../../../shared/attachments';
import type { Attachment, Note } from '../../../shared/domain';
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

/**
 * Whether a note's stored text refers to an attachment. Read from the text as stored, whatever its shape (a damaged
 * note's too), so that an image any part of it names is kept.
 */
function refersTo(body: unknown): (attachmentId: string) => boolean {
  const text = JSON.stringify(body ?? null);
  return (attachmentId) => text.includes(`${ATTACHMENT_PREFIX}${attachmentId}`);
}

/**
 * Of a note's attachments, those its text no longer refers to: each is handed over to another note of the case that
 * refers to it (an image copied from one note into another), and deleted when none does. Inside a transaction on
 * `notes` and `attachments`. Returns how many were deleted.
 */
async function releaseAttachments(db: CasebookDB, note: Pick<Note, 'id' | 'caseId'>, attachments: readonly Attachment[]): Promise<number> {
  if (!attachments.length) return 0;
  const takenBy = new Map<string, string>();
  await db.notes
    .where('caseId')
    .equals(note.caseId)
    .each((other) => {
      if (other.id === note.id || takenBy.size === attachments.length) return;
      const refers = refersTo(other.body);
      for (const attachment of attachments) if (!takenBy.has(attachment.id) && refers(attachment.id)) takenBy.set(attachment.id, other.id);
    });
  for (const [attachmentId, noteId] of takenBy) await db.attachments.update(attachmentId, { noteId });
  const unused = attachments.filter((attachment) => !takenBy.has(attachment.id)).map((attachment) => attachment.id);
  await db.attachments.bulkDelete(unused);
  return unused.length;
}

/**
 * Lets go of the images a note's stored text no longer shows (removed from it), in one transaction. Called when the
 * note is left, after its last save: the editor's undo history, which could bring an image back, goes with it.
 * An image another note of the case shows (copied there) is kept, and belongs to that note from then on. An image
 * kept since the note was last saved is kept too: it may be in text typed (here or in another window) and not yet
 * saved. Returns how many images were deleted.
 */
export async function pruneNoteAttachments(db: CasebookDB, noteId: string): Promise<number> {
  return db.transaction('rw', ['notes', 'attachments'], async () => {
    const note = await db.notes.get(noteId);
    if (!note) return 0;
    const refers = refersTo(note.body);
    const owned = await db.attachments.where('noteId').equals(noteId).toArray();
    return releaseAttachments(db, note, owned.filter((attachment) => attachment.createdAt < note.updatedAt && !refers(attachment.id)));
  });
}

/**
 * A note being deleted lets go of its images (inside the deletion's transaction), except those another note of the
 * case shows, which that note takes over.
 */
export async function releaseAttachmentsOfDeletedNote(db: CasebookDB, note: Pick<Note, 'id' | 'caseId'>): Promise<void> {
  await releaseAttachments(db, note, await db.attachments.where('noteId').equals(note.id).toArray());
}
