import type { Note } from '../../../shared/domain';
import { noteInputSchema, type NoteInput } from '../../../shared/validation';
import type { CasebookDB } from '../db/schema';
import { TEXT_LINK_TABLES, keepTextLinksInStep } from './textLinks';
import { editRecord, newId, now, parseInput, quoted, writeCase } from './writeCase';

export async function createNote(db: CasebookDB, caseId: string, input: NoteInput): Promise<Note> {
  const parsed = parseInput(noteInputSchema, input);
  const at = now();
  const draft: Note = { id: newId(), caseId, ...parsed, createdAt: at, updatedAt: at };
  return writeCase(db, caseId, ['notes', ...TEXT_LINK_TABLES], async () => {
    // The links its mentions make are written with it (domain/textLinks.ts).
    const note: Note = { ...draft, body: await keepTextLinksInStep(db, caseId, { type: 'note', id: draft.id }, draft.body) };
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
  return editRecord(db, db.notes, noteId, missing, TEXT_LINK_TABLES, async (existing) => {
    const edited: Note = { ...existing, ...parsed, updatedAt: now() };
    // The links its mentions make are kept in step in the same transaction (domain/textLinks.ts).
    const updated: Note = { ...edited, body: await keepTextLinksInStep(db, existing.caseId, { type: 'note', id: noteId }, edited.body) };
    await db.notes.put(updated);
    return {
      result: updated,
      change: { action: 'update', summary: `Edited note ${quoted(updated.title)}`, records: [{ type: 'note', id: noteId }] },
    };
  });
}
