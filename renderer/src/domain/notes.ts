import type { Note } from '../../../shared/domain';
import { noteInputSchema, type NoteInput } from '../../../shared/validation';
import type { CasebookDB } from '../db/schema';
import { editRecord, newId, now, parseInput, quoted, writeCase } from './writeCase';

export async function createNote(db: CasebookDB, caseId: string, input: NoteInput): Promise<Note> {
  const parsed = parseInput(noteInputSchema, input);
  const at = now();
  const note: Note = { id: newId(), caseId, ...parsed, createdAt: at, updatedAt: at };
  return writeCase(db, caseId, ['notes'], async () => {
    await db.notes.add(note);
    return {
      result: note,
      change: { action: 'create', summary: `Wrote note ${quoted(note.title)}`, records: [{ type: 'note', id: note.id }] },
    };
  });
}

export async function updateNote(db: CasebookDB, noteId: string, input: NoteInput): Promise<Note> {
  const parsed = parseInput(noteInputSchema, input);
  const missing = 'This note no longer exists. It may have been deleted in another window.';
  return editRecord(db, db.notes, noteId, missing, [], async (existing) => {
    const updated: Note = { ...existing, ...parsed, updatedAt: now() };
    await db.notes.put(updated);
    return {
      result: updated,
      change: { action: 'update', summary: `Edited note ${quoted(updated.title)}`, records: [{ type: 'note', id: noteId }] },
    };
  });
}
