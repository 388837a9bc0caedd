import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import type { Note, NoteFolder } from '../../../shared/domain';
import { noteFolderInputSchema, type NoteFolderInput } from '../../../shared/validation';
import type { CasebookDB } from '../db/schema';
import { NotFoundError, ValidationError } from './errors';
import { newId, now, parseInput, quoted, writeCase } from './writeCase';

/** A note or a folder, as the tree of a case's notes moves it. */
export type NoteTreeItem = { type: 'note' | 'folder'; id: string };

type Placed = (Note | NoteFolder) & { kind: NoteTreeItem['type'] };

/** Text order of two ordering keys, the id breaking ties (two windows may give two items the same key). */
export const byPosition = (a: { position: string; id: string }, b: { position: string; id: string }): number =>
  a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** A folder of the case, or a NotFoundError naming what is missing. */
export async function folderOfCase(db: CasebookDB, caseId: string, folderId: string): Promise<NoteFolder> {
  const folder = await db.noteFolders.get(folderId);
  if (!folder || folder.caseId !== caseId) throw new NotFoundError('This folder no longer exists. It may have been deleted in another window.');
  return folder;
}

/** The notes and folders directly in a folder (null: the top level), in their order. */
async function childrenOf(db: CasebookDB, caseId: string, parentId: string | null): Promise<Placed[]> {
  const [notes, folders] = await Promise.all([
    db.notes.where('caseId').equals(caseId).filter((note) => (note.parentId ?? null) === parentId).toArray(),
    db.noteFolders.where('caseId').equals(caseId).filter((folder) => folder.parentId === parentId).toArray(),
  ]);
  return [
    ...notes.map((note) => ({ ...note, position: note.position ?? '', kind: 'note' as const })),
    ...folders.map((folder) => ({ ...folder, kind: 'folder' as const })),
  ].sort(byPosition);
}

/** A key between two neighbours' keys, or null when theirs cannot have one between them (equal, or not keys at all). */
function keyBetween(before: string | null, after: string | null): string | null {
  try {
    return generateKeyBetween(before || null, after || null);
  } catch {
    return null;
  }
}

/** Gives the items fresh keys in the order given, as few characters as can be: when two keys leave no room between. */
async function renumber(db: CasebookDB, items: readonly Placed[]): Promise<string[]> {
  const keys = generateNKeysBetween(null, null, items.length);
  const at = now();
  await Promise.all(
    items.map((item, index) =>
      item.kind === 'note'
        ? db.notes.update(item.id, { position: keys[index]! })
        : db.noteFolders.update(item.id, { position: keys[index]!, updatedAt: at }),
    ),
  );
  return keys;
}

/** The key that puts an item at `index` among `siblings` (which do not include it), renumbering them if need be. */
async function positionAt(db: CasebookDB, siblings: readonly Placed[], index: number): Promise<string> {
  const at = Math.max(0, Math.min(index, siblings.length));
  const key = keyBetween(siblings[at - 1]?.position ?? null, siblings[at]?.position ?? null);
  if (key !== null) return key;
  const keys = await renumber(db, siblings);
  return generateKeyBetween(keys[at - 1] ?? null, keys[at] ?? null);
}

/** The key that puts a new item first in a folder: new notes and folders appear at the top, where one looks. */
export async function firstPositionIn(db: CasebookDB, caseId: string, parentId: string | null): Promise<string> {
  return positionAt(db, await childrenOf(db, caseId, parentId), 0);
}

export async function createNoteFolder(
  db: CasebookDB,
  caseId: string,
  input: NoteFolderInput,
  placement: { parentId?: string | null } = {},
): Promise<NoteFolder> {
  const { name } = parseInput(noteFolderInputSchema, input);
  const parentId = placement.parentId ?? null;
  return writeCase(db, caseId, ['notes', 'noteFolders'], async () => {
    if (parentId) await folderOfCase(db, caseId, parentId);
    const at = now();
    const folder: NoteFolder = { id: newId(), caseId, parentId, name, position: await firstPositionIn(db, caseId, parentId), createdAt: at, updatedAt: at };
    await db.noteFolders.add(folder);
    return { result: folder, change: { action: 'create', summary: `Made the notes folder ${quoted(name)}`, records: [] } };
  });
}

export async function renameNoteFolder(db: CasebookDB, folderId: string, input: NoteFolderInput): Promise<NoteFolder> {
  const { name } = parseInput(noteFolderInputSchema, input);
  const found = await db.noteFolders.get(folderId);
  if (!found) throw new NotFoundError('This folder no longer exists. It may have been deleted in another window.');
  return writeCase(db, found.caseId, ['noteFolders'], async () => {
    const folder = await folderOfCase(db, found.caseId, folderId);
    const renamed = { ...folder, name, updatedAt: now() };
    await db.noteFolders.put(renamed);
    return { result: renamed, change: { action: 'update', summary: `Renamed the notes folder ${quoted(folder.name)} to ${quoted(name)}`, records: [] } };
  });
}

/**
 * Deletes a folder and never a note: what it holds (notes and folders) moves up into the folder's own parent, in its
 * order, where the folder stood. Returns how many items moved up.
 */
export async function deleteNoteFolder(db: CasebookDB, folderId: string): Promise<number> {
  const found = await db.noteFolders.get(folderId);
  if (!found) throw new NotFoundError('This folder was already deleted.');
  return writeCase(db, found.caseId, ['notes', 'noteFolders'], async () => {
    const folder = await folderOfCase(db, found.caseId, folderId);
    const contents = await childrenOf(db, folder.caseId, folder.id);
    const siblings = (await childrenOf(db, folder.caseId, folder.parentId)).filter((item) => item.id !== folder.id);
    const at = siblings.findIndex((item) => byPosition(item, folder) > 0);
    const index = at === -1 ? siblings.length : at;
    // The contents take the folder's place, in their order: renumbering the new list of siblings keeps every key apart.
    const after = [...siblings.slice(0, index), ...contents, ...siblings.slice(index)];
    for (const item of contents)
      if (item.kind === 'note') await db.notes.update(item.id, { parentId: folder.parentId });
      else await db.noteFolders.update(item.id, { parentId: folder.parentId });
    await renumber(db, after);
    await db.noteFolders.delete(folder.id);
    const moved = contents.length;
    return {
      result: moved,
      change: {
        action: 'delete',
        summary: `Deleted the notes folder ${quoted(folder.name)}${moved ? `, moving what it held up a level` : ''}`,
        records: contents.filter((item) => item.kind === 'note').map((item) => ({ type: 'note' as const, id: item.id })),
      },
    };
  });
}

/**
 * Moves a note or a folder to `index` among the items of the folder `parentId` (null: the top level), counted without
 * the item itself. A folder cannot go into itself nor into a folder inside it.
 */
export async function moveInNoteTree(
  db: CasebookDB,
  caseId: string,
  item: NoteTreeItem,
  to: { parentId: string | null; index: number },
): Promise<void> {
  await writeCase(db, caseId, ['notes', 'noteFolders'], async () => {
    const record = item.type === 'note' ? await db.notes.get(item.id) : await db.noteFolders.get(item.id);
    if (!record || record.caseId !== caseId)
      throw new NotFoundError(`This ${item.type} no longer exists. It may have been deleted in another window.`);
    const name = 'title' in record ? record.title : record.name;
    let destination = 'the top level';
    if (to.parentId) {
      const folder = await folderOfCase(db, caseId, to.parentId);
      destination = quoted(folder.name);
      if (item.type === 'folder')
        for (let at: NoteFolder | undefined = folder; at; at = at.parentId ? await db.noteFolders.get(at.parentId) : undefined)
          if (at.id === item.id)
            throw new ValidationError([{ field: 'parentId', message: `The folder ${quoted(name)} cannot go into itself or a folder inside it.` }]);
    }
    const siblings = (await childrenOf(db, caseId, to.parentId)).filter((sibling) => sibling.id !== item.id);
    const position = await positionAt(db, siblings, to.index);
    if (item.type === 'note') await db.notes.update(item.id, { parentId: to.parentId, position });
    else await db.noteFolders.update(item.id, { parentId: to.parentId, position, updatedAt: now() });
    const moved = (record.parentId ?? null) !== to.parentId;
    return {
      result: undefined,
      change: {
        action: 'update',
        summary: moved ? `Moved the ${item.type} ${quoted(name)} to ${destination}` : `Reordered the ${item.type} ${quoted(name)}`,
        records: item.type === 'note' ? [{ type: 'note', id: item.id }] : [],
      },
    };
  });
}

/** Makes a note the case summary (the one pinned note of its case, shown first), or no longer. */
export async function setNotePinned(db: CasebookDB, noteId: string, pinned: boolean): Promise<void> {
  const found = await db.notes.get(noteId);
  if (!found) throw new NotFoundError('This note no longer exists. It may have been deleted in another window.');
  await writeCase(db, found.caseId, ['notes'], async () => {
    const note = await db.notes.get(noteId);
    if (!note) throw new NotFoundError('This note no longer exists. It may have been deleted in another window.');
    if (pinned)
      await db.notes
        .where('caseId')
        .equals(note.caseId)
        .filter((other) => other.pinned && other.id !== noteId)
        .modify({ pinned: false });
    await db.notes.update(noteId, { pinned });
    return {
      result: undefined,
      change: {
        action: 'update',
        summary: pinned ? `Pinned note ${quoted(note.title)} as the case summary` : `Unpinned note ${quoted(note.title)}`,
        records: [{ type: 'note', id: noteId }],
      },
    };
  });
}
