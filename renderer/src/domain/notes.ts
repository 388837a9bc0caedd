import Dexie from 'dexie';
import type { Note } from '../../../shared/domain';
import { noteInputSchema, type NoteInput } from '../../../shared/validation';
import type { CasebookDB } from '../db/schema';
import { firstPositionIn, folderOfCase } from './noteTree';
import { TEXT_LINK_TABLES, keepTextLinksInStep } from './textLinks';
import { editRecord, newId, now, parseInput, quoted, writeCase } from './writeCase';

/**
 * An edit made on a version of a note that has been saved over since (in another window): not written. Here rather
 * than in errors.ts, which loads at start; the note's view handles it itself.
 */
export class EditConflictError extends Error {
  override name = 'EditConflictError';
}

/** Where a new note goes: a folder of the case (null or left out: the top level). It is put first in it. */
export interface NotePlacement {
  parentId?: string | null;
}

export async function createNote(db: CasebookDB, caseId: string, input: NoteInput, placement: NotePlacement = {}): Promise<Note> {
  const parsed = parseInput(noteInputSchema, input);
  const at = now();
  const parentId = placement.parentId ?? null;
  return writeCase(db, caseId, ['notes', 'noteFolders', ...TEXT_LINK_TABLES], async () => {
    if (parentId) await folderOfCase(db, caseId, parentId);
    const position = await firstPositionIn(db, caseId, parentId);
    const draft: Note = { id: newId(), caseId, ...parsed, parentId, position, pinned: false, createdAt: at, updatedAt: at };
    // The links its mentions make are written with it (domain/textLinks.ts).
    const note: Note = { ...draft, body: await keepTextLinksInStep(db, caseId, { type: 'note', id: draft.id }, draft.body) };
    await db.notes.add(note);
    return {
      result: note,
      change: { action: 'create', summary: `Wrote note ${quoted(note.title)}`, records: [{ type: 'note', id: note.id }] },
    };
  });
}

export interface NoteUpdateOptions {
  /**
   * The `updatedAt` of the note the edit was made on: if the note was saved since (in another window), the edit is
   * refused with an EditConflictError rather than written over that change.
   */
  expectedUpdatedAt?: string;
}

/**
 * Saves of the same note closer together than this, under the same title, are told by the history's one entry (an
 * autosave writes every pause in the typing): a long sitting shows as an entry every ten minutes, a new title at once.
 */
const ONE_EDIT_MS = 10 * 60_000;

export async function updateNote(db: CasebookDB, noteId: string, input: NoteInput, options: NoteUpdateOptions = {}): Promise<Note> {
  const parsed = parseInput(noteInputSchema, input);
  const missing = 'This note no longer exists. It may have been deleted in another window.';
  return editRecord(db, db.notes, noteId, missing, TEXT_LINK_TABLES, async (existing) => {
    if (options.expectedUpdatedAt !== undefined && existing.updatedAt !== options.expectedUpdatedAt)
      throw new EditConflictError(`The note ${quoted(existing.title)} was changed in another window.`);
    const edited: Note = { ...existing, ...parsed, updatedAt: now() };
    // The links its mentions make are kept in step in the same transaction (domain/textLinks.ts).
    const updated: Note = { ...edited, body: await keepTextLinksInStep(db, existing.caseId, { type: 'note', id: noteId }, edited.body) };
    await db.notes.put(updated);
    const summary = `Edited note ${quoted(updated.title)}`;
    const told = await lastEntryTells(db, existing.caseId, noteId, summary);
    return { result: updated, change: told ? null : { action: 'update', summary, records: [{ type: 'note', id: noteId }] } };
  });
}

/** Whether the case's last history entry is this same edit of this note, made moments ago. */
async function lastEntryTells(db: CasebookDB, caseId: string, noteId: string, summary: string): Promise<boolean> {
  const last = await db.history.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).last();
  const same = last?.action === 'update' && last.summary === summary && last.records.length === 1 && last.records[0]!.type === 'note' && last.records[0]!.id === noteId;
  return same && Date.now() - Date.parse(last.at) < ONE_EDIT_MS;
}
