import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseFile, RichText } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { withCase } from '../../../tests/unit/database';
import { addNoteAttachment, createNote, deleteRecord, pruneNoteAttachments, updateNote } from '.';

let db: CasebookDB;
let caseFile: CaseFile;
withCase((fresh) => ({ db, caseFile } = fresh));

// Only the clock is faked (IndexedDB's own timers run): each step happens a second after the one before.
let clock = Date.parse('2024-05-01T09:00:00Z');
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(clock);
});
afterEach(() => vi.useRealTimers());
const later = () => vi.setSystemTime((clock += 1000));

const png = (name: string) => ({ name, mimeType: 'image/png', bytes: new Uint8Array([137, 80, 78, 71]) });
/** A note's text: a line, and the images named, by attachment id. */
const textShowing = (...attachmentIds: string[]): RichText => ({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Seen at the quay' }] },
    ...attachmentIds.map((id) => ({ type: 'image', attrs: { src: `attachment:${id}`, alt: 'quay.png' } })),
  ],
});

async function noteWithImages(title: string, count: number) {
  const note = await createNote(db, caseFile.id, { title });
  later();
  const images = [];
  for (let index = 0; index < count; index++) images.push(await addNoteAttachment(db, note.id, png(`${title}-${index}.png`)));
  later();
  const saved = await updateNote(db, note.id, { title, body: textShowing(...images.map((image) => image.id)) });
  later();
  return { note: saved, images };
}

const keptIds = async () => (await db.attachments.toArray()).map((attachment) => attachment.id).sort();
const ownerOf = async (attachmentId: string) => (await db.attachments.get(attachmentId))?.noteId;

describe('letting go of the images removed from a note', () => {
  it('deletes those its stored text no longer shows, keeps those it shows, and leaves other notes’ images alone', async () => {
    const { note, images } = await noteWithImages('Quay', 3);
    const other = await noteWithImages('Harbour', 1);
    expect(await pruneNoteAttachments(db, note.id)).toBe(0);
    expect(await keptIds()).toEqual([...images, ...other.images].map((image) => image.id).sort());

    await updateNote(db, note.id, { title: 'Quay', body: textShowing(images[1]!.id) });
    later();
    expect(await pruneNoteAttachments(db, note.id)).toBe(2);
    expect(await keptIds()).toEqual([images[1]!.id, other.images[0]!.id].sort());

    // Nothing left to let go: again is harmless, and so is a note that is gone.
    expect(await pruneNoteAttachments(db, note.id)).toBe(0);
    expect(await pruneNoteAttachments(db, 'no-such-note')).toBe(0);
  });

  it('keeps an image pasted since the note was last saved: it may be in text not saved yet', async () => {
    const { note } = await noteWithImages('Quay', 0);
    const pasted = await addNoteAttachment(db, note.id, png('pasted.png'));
    later();
    expect(await pruneNoteAttachments(db, note.id)).toBe(0);
    expect(await keptIds()).toEqual([pasted.id]);

    // Saved without it (removed before the save): let go.
    await updateNote(db, note.id, { title: 'Quay', body: textShowing() });
    expect(await pruneNoteAttachments(db, note.id)).toBe(1);
    expect(await keptIds()).toEqual([]);
  });

  it('keeps an image copied into another note of the case, which takes it over, until that note lets it go too', async () => {
    const a = await noteWithImages('Quay', 1);
    const image = a.images[0]!;
    const b = await createNote(db, caseFile.id, { title: 'Copy', body: textShowing(image.id) });
    later();

    await updateNote(db, a.note.id, { title: 'Quay', body: textShowing() });
    later();
    expect(await pruneNoteAttachments(db, a.note.id)).toBe(0);
    expect(await ownerOf(image.id)).toBe(b.id);
    // The note it came from can now be deleted without taking it along.
    await deleteRecord(db, { type: 'note', id: a.note.id });
    expect(await keptIds()).toEqual([image.id]);

    await updateNote(db, b.id, { title: 'Copy', body: textShowing() });
    expect(await pruneNoteAttachments(db, b.id)).toBe(1);
    expect(await keptIds()).toEqual([]);
  });

  it('on deleting a note, hands the images another note shows to it and deletes the rest', async () => {
    const a = await noteWithImages('Quay', 2);
    const copied = a.images[0]!;
    const b = await createNote(db, caseFile.id, { title: 'Copy', body: textShowing(copied.id) });
    await deleteRecord(db, { type: 'note', id: a.note.id });
    expect(await keptIds()).toEqual([copied.id]);
    expect(await ownerOf(copied.id)).toBe(b.id);
  });

  it('never lets go of an image a damaged note’s text still names', async () => {
    const { note, images } = await noteWithImages('Quay', 1);
    // As a broken save might have left it: the text is not a TipTap document any more, but still names the image.
    await db.notes.update(note.id, { body: JSON.stringify(textShowing(images[0]!.id)) as unknown as RichText, updatedAt: new Date().toISOString() });
    expect(await pruneNoteAttachments(db, note.id)).toBe(0);
    expect(await keptIds()).toEqual([images[0]!.id]);
  });
});
