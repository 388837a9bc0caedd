import type { Transaction } from 'dexie';
import { generateNKeysBetween } from 'fractional-indexing';
import type { Note } from '../../../../shared/domain';

/**
 * Version 11: the notes of each case at the top level of its tree, most recently edited first, none pinned.
 * Loaded only by that upgrade (see schema.ts), with the ordering keys' library.
 */
export async function placeNotesInTree(transaction: Transaction): Promise<void> {
  const notes = await transaction.table<Note, string>('notes').toArray();
  const byCase = new Map<string, Note[]>();
  for (const note of notes) byCase.set(note.caseId, [...(byCase.get(note.caseId) ?? []), note]);
  const positions = new Map<string, string>();
  for (const own of byCase.values()) {
    own.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    const keys = generateNKeysBetween(null, null, own.length);
    own.forEach((note, index) => positions.set(note.id, keys[index]!));
  }
  await transaction
    .table<Note, string>('notes')
    .toCollection()
    .modify((note) => {
      note.parentId ??= null;
      note.position ??= positions.get(note.id)!;
      note.pinned ??= false;
    });
}
