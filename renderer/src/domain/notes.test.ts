import { describe, expect, it, vi } from 'vitest';
import type { CaseFile, RichText } from '../../../shared/domain';
import { LIMITS } from '../../../shared/limits';
import type { CasebookDB } from '../db/schema';
import { caseSummaryNote, noteTree } from '../db/queries/notes';
import { rejection, snapshot, withCase } from '../../../tests/unit/database';
import {
  EditConflictError,
  NotFoundError,
  ValidationError,
  addNoteAttachment,
  byPosition,
  createCase,
  createNote,
  createNoteFolder,
  deleteCase,
  deleteNoteFolder,
  deleteRecord,
  moveInNoteTree,
  renameNoteFolder,
  setNotePinned,
  updateNote,
} from '.';

let db: CasebookDB;
let caseFile: CaseFile;
withCase((fresh) => ({ db, caseFile } = fresh));

/** The titles and names directly in a folder (null: the top level), in the tree's order. */
async function contents(parentId: string | null): Promise<string[]> {
  const { notes, folders } = await noteTree(db, caseFile.id);
  return [
    ...notes.filter((note) => note.parentId === parentId).map((note) => ({ ...note, label: note.title })),
    ...folders.filter((folder) => folder.parentId === parentId).map((folder) => ({ ...folder, label: `${folder.name}/` })),
  ]
    .sort(byPosition)
    .map((item) => item.label);
}
const note = (title: string, parentId: string | null = null) => createNote(db, caseFile.id, { title }, { parentId });
const folder = (name: string, parentId: string | null = null) => createNoteFolder(db, caseFile.id, { name }, { parentId });

describe('the tree of a case’s notes', () => {
  it('puts new notes and folders first in the folder they are made in', async () => {
    await note('Older');
    const leads = await folder('Leads');
    await note('Newer');
    await note('Inside', leads.id);
    expect(await contents(null)).toEqual(['Newer', 'Leads/', 'Older']);
    expect(await contents(leads.id)).toEqual(['Inside']);
    await expect(createNote(db, caseFile.id, { title: 'Nowhere' }, { parentId: 'no-such-folder' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('moves a note within its folder and into another, the others keeping their order', async () => {
    const [c, b, a] = [await note('C'), await note('B'), await note('A')];
    const leads = await folder('Leads');
    await moveInNoteTree(db, caseFile.id, { type: 'note', id: a.id }, { parentId: null, index: 3 });
    expect(await contents(null)).toEqual(['Leads/', 'B', 'C', 'A']);
    await moveInNoteTree(db, caseFile.id, { type: 'note', id: c.id }, { parentId: leads.id, index: 0 });
    expect(await contents(null)).toEqual(['Leads/', 'B', 'A']);
    expect(await contents(leads.id)).toEqual(['C']);
    // Positions of the items not moved did not change.
    expect((await db.notes.get(b.id))!.position).toBe(b.position);
    // Many moves to the same place keep finding room.
    for (let round = 0; round < 50; round++)
      await moveInNoteTree(db, caseFile.id, { type: 'note', id: round % 2 ? b.id : a.id }, { parentId: null, index: 1 });
    expect(await contents(null)).toEqual(['Leads/', 'B', 'A']);
    expect((await db.history.where('caseId').equals(caseFile.id).sortBy('seq')).at(-51)!.summary).toBe('Moved the note “C” to “Leads”');
  });

  it('orders items whose keys were written the same (two windows) and renumbers to make room between them', async () => {
    const [b, a] = [await note('B'), await note('A')];
    await db.notes.update(b.id, { position: a.position });
    const c = await note('C');
    await moveInNoteTree(db, caseFile.id, { type: 'note', id: c.id }, { parentId: null, index: 1 });
    const order = await contents(null);
    expect(order[1]).toBe('C');
    expect(new Set((await db.notes.toArray()).map((one) => one.position)).size).toBe(3);
  });

  it('never puts a folder into itself or a folder inside it', async () => {
    const outer = await folder('Outer');
    const inner = await folder('Inner', outer.id);
    const deepest = await folder('Deepest', inner.id);
    const before = await snapshot(db);
    for (const into of [outer, inner, deepest]) {
      const error = await rejection(moveInNoteTree(db, caseFile.id, { type: 'folder', id: outer.id }, { parentId: into.id, index: 0 }), ValidationError);
      expect(error.message).toBe('The folder “Outer” cannot go into itself or a folder inside it.');
    }
    expect(await snapshot(db)).toEqual(before);
    await moveInNoteTree(db, caseFile.id, { type: 'folder', id: deepest.id }, { parentId: null, index: 0 });
    expect(await contents(null)).toEqual(['Deepest/', 'Outer/']);
  });

  it('refuses to move into a folder of another case', async () => {
    const other = await createCase(db, { name: 'Other' });
    const theirs = await createNoteFolder(db, other.id, { name: 'Theirs' });
    const mine = await note('Mine');
    await expect(moveInNoteTree(db, caseFile.id, { type: 'note', id: mine.id }, { parentId: theirs.id, index: 0 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('renames a folder, and deleting one moves what it held up a level where it stood, deleting no note', async () => {
    await note('After');
    const leads = await folder('Leads');
    await note('Before');
    await note('Second', leads.id);
    await folder('Sub', leads.id);
    await note('First', leads.id);
    await renameNoteFolder(db, leads.id, { name: '  Open leads ' });
    expect(await contents(null)).toEqual(['Before', 'Open leads/', 'After']);
    expect(await deleteNoteFolder(db, leads.id)).toBe(3);
    expect(await contents(null)).toEqual(['Before', 'First', 'Sub/', 'Second', 'After']);
    expect(await db.notes.count()).toBe(4);
    await expect(deleteNoteFolder(db, leads.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('the case summary', () => {
  it('is one pinned note at most: pinning another unpins the first', async () => {
    const [first, second] = [await note('First'), await note('Second')];
    expect(await caseSummaryNote(db, caseFile.id)).toBeNull();
    await setNotePinned(db, first.id, true);
    expect(await caseSummaryNote(db, caseFile.id)).toMatchObject({ id: first.id });
    await setNotePinned(db, second.id, true);
    expect((await db.notes.toArray()).filter((one) => one.pinned).map((one) => one.title)).toEqual(['Second']);
    await setNotePinned(db, second.id, false);
    expect(await caseSummaryNote(db, caseFile.id)).toBeNull();
    // Pinning is not an edit of the text: an autosave based on the note as it was still goes through.
    const pinned = await updateNote(db, first.id, { title: 'First' }, { expectedUpdatedAt: (await db.notes.get(first.id))!.updatedAt });
    expect(pinned.title).toBe('First');
  });

  it('is per case', async () => {
    const other = await createCase(db, { name: 'Other' });
    const theirs = await createNote(db, other.id, { title: 'Theirs' });
    const mine = await note('Mine');
    await setNotePinned(db, theirs.id, true);
    await setNotePinned(db, mine.id, true);
    expect(await caseSummaryNote(db, other.id)).toMatchObject({ id: theirs.id });
  });
});

describe('saving a note as it is typed', () => {
  it('refuses a save made on a version another window has saved over, and writes nothing', async () => {
    const written = await note('Lead');
    const theirs = await updateNote(db, written.id, { title: 'Lead', body: { type: 'doc', content: [{ type: 'paragraph' }] } });
    const error = await rejection(updateNote(db, written.id, { title: 'Mine' }, { expectedUpdatedAt: written.updatedAt }), EditConflictError);
    expect(error.message).toBe('The note “Lead” was changed in another window.');
    expect(await db.notes.get(written.id)).toEqual(theirs);
    // Keeping mine: saved on top of theirs, knowingly.
    await expect(updateNote(db, written.id, { title: 'Mine' }, { expectedUpdatedAt: theirs.updatedAt })).resolves.toMatchObject({ title: 'Mine' });
  });

  it('tells edits that follow each other in one history entry, and never takes an entry back', async () => {
    const written = await note('Lead');
    const text = (words: string): RichText => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }] });
    const entries = async () => (await db.history.where('caseId').equals(caseFile.id).sortBy('seq')).map(({ seq, summary }) => ({ seq, summary }));
    for (const words of ['The pilot', 'The pilot signed', 'The pilot signed the log']) await updateNote(db, written.id, { title: 'Lead', body: text(words) });
    const afterTyping = await entries();
    expect(afterTyping.slice(-2).map((entry) => entry.summary)).toEqual(['Wrote note “Lead”', 'Edited note “Lead”']);
    // A new title is told at once; what was told before stays as it was.
    await updateNote(db, written.id, { title: 'Lead on the pilot', body: text('The pilot signed the log') });
    const afterRetitle = await entries();
    expect(afterRetitle.slice(0, afterTyping.length)).toEqual(afterTyping);
    expect(afterRetitle.at(-1)!.summary).toBe('Edited note “Lead on the pilot”');
  });

  it('tells a long sitting by an entry every ten minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const written = await note('Lead');
      for (let minute = 0; minute <= 25; minute += 5) {
        vi.setSystemTime(new Date(Date.UTC(2026, 10, 30, 9, minute)));
        await updateNote(db, written.id, { title: 'Lead', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `minute ${minute}` }] }] } });
      }
      const edits = (await db.history.where('caseId').equals(caseFile.id).toArray()).filter((entry) => entry.action === 'update');
      expect(edits.map((entry) => entry.at.slice(11, 16))).toEqual(['09:00', '09:10', '09:20']);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('images kept for notes', () => {
  const png = (size: number) => ({ name: 'quay.png', mimeType: 'image/png', bytes: new Uint8Array(size) });

  it('are owned by the note’s case, and go with the note and with the case', async () => {
    const lead = await note('Lead');
    const image = await addNoteAttachment(db, lead.id, png(16));
    expect(image).toMatchObject({ caseId: caseFile.id, noteId: lead.id, name: 'quay.png', size: 16, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(new Uint8Array(await (await db.attachments.get(image.id))!.bytes.arrayBuffer())).toHaveLength(16);
    await deleteRecord(db, { type: 'note', id: lead.id });
    expect(await db.attachments.count()).toBe(0);

    const other = await note('Other');
    await addNoteAttachment(db, other.id, png(8));
    await folder('Leads');
    await deleteCase(db, caseFile.id);
    expect(await db.attachments.count()).toBe(0);
    expect(await db.noteFolders.count()).toBe(0);
  });

  it('over the size limit, or not an image, are refused with a message naming the file', async () => {
    const lead = await note('Lead');
    const big = await rejection(addNoteAttachment(db, lead.id, png(LIMITS.noteImageBytes + 1)), ValidationError);
    expect(big.message).toBe('quay.png is 11 MB; images in notes are at most 10 MB. Make it smaller and paste it again.');
    await expect(addNoteAttachment(db, lead.id, png(LIMITS.noteImageBytes))).resolves.toBeTruthy();
    const script = await rejection(addNoteAttachment(db, lead.id, { name: 'x.svg', mimeType: 'image/svg+xml', bytes: new Uint8Array(4) }), ValidationError);
    expect(script.message).toMatch(/^x\.svg is not an image Casebook can keep in a note/);
    await expect(addNoteAttachment(db, 'gone', png(4))).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.attachments.count()).toBe(1);
  });
});
