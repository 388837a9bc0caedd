import Dexie from 'dexie';
import type { Note } from '../../../../shared/domain';
import type { CasebookDB } from '../schema';

/** The case's notes, most recently edited first. */
export function notesRecentFirst(db: CasebookDB, caseId: string): Promise<Note[]> {
  return db.notes.where('[caseId+updatedAt]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).reverse().toArray();
}

/** One note, or null when it does not exist (so a view can tell "gone" from "still loading"). */
export async function noteById(db: CasebookDB, id: string): Promise<Note | null> {
  return (await db.notes.get(id)) ?? null;
}
