import Dexie from 'dexie';
import type { Attachment, Note, NoteFolder } from '../../../../shared/domain';
import type { CasebookDB } from '../schema';

/** The case's notes, most recently edited first. */
export function notesRecentFirst(db: CasebookDB, caseId: string): Promise<Note[]> {
  return db.notes.where('[caseId+updatedAt]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).reverse().toArray();
}

/** One note, or null when it does not exist (so a view can tell "gone" from "still loading"). */
export async function noteById(db: CasebookDB, id: string): Promise<Note | null> {
  return (await db.notes.get(id)) ?? null;
}

/** The case's notes and note folders, for its tree (each in the order of its folder: see `Note.position`). */
export async function noteTree(db: CasebookDB, caseId: string): Promise<{ notes: Note[]; folders: NoteFolder[] }> {
  const [notes, folders] = await Promise.all([
    db.notes.where('caseId').equals(caseId).toArray(),
    db.noteFolders.where('caseId').equals(caseId).toArray(),
  ]);
  return { notes, folders };
}

/** The case summary: the case's pinned note, or null. */
export async function caseSummaryNote(db: CasebookDB, caseId: string): Promise<Note | null> {
  return (await db.notes.where('caseId').equals(caseId).filter((note) => note.pinned === true).first()) ?? null;
}

/** An image kept for a note, or null when it is gone. */
export async function attachmentById(db: CasebookDB, id: string): Promise<Attachment | null> {
  return (await db.attachments.get(id)) ?? null;
}
