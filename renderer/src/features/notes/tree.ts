import type { Note, NoteFolder } from '../../../../shared/domain';
import { byPosition } from '../../domain/noteTree';

/** One line of the notes tree as shown: a folder or a note, at its depth, with its place among its siblings. */
export interface TreeRow {
  type: 'note' | 'folder';
  id: string;
  label: string;
  parentId: string | null;
  /** 1 at the top level. */
  level: number;
  /** Its index among the items of its folder (0-based), and how many they are. */
  index: number;
  setSize: number;
  /** Folders only: whether it is open, and whether it holds anything. */
  expanded?: boolean;
  empty?: boolean;
  pinned?: boolean;
}

type Item = { type: 'note' | 'folder'; id: string; label: string; parentId: string | null; position: string; pinned?: boolean };

/** Notes and folders by the folder they are in (null: the top level), each folder's items in order. */
export function childrenByFolder(notes: readonly Note[], folders: readonly NoteFolder[]): Map<string | null, Item[]> {
  const folderIds = new Set(folders.map((folder) => folder.id));
  // An item whose folder is gone (deleted in another window meanwhile) shows at the top level rather than nowhere.
  const parentOf = (parentId: string | null | undefined) => (parentId && folderIds.has(parentId) ? parentId : null);
  const items: Item[] = [
    ...folders.map((folder) => ({ type: 'folder' as const, id: folder.id, label: folder.name, parentId: parentOf(folder.parentId), position: folder.position ?? '' })),
    ...notes.map((note) => ({
      type: 'note' as const,
      id: note.id,
      label: typeof note.title === 'string' && note.title ? note.title : 'Untitled note',
      parentId: parentOf(note.parentId),
      position: typeof note.position === 'string' ? note.position : '',
      pinned: note.pinned === true,
    })),
  ];
  const children = new Map<string | null, Item[]>();
  for (const item of items) children.set(item.parentId, [...(children.get(item.parentId) ?? []), item]);
  for (const list of children.values()) list.sort(byPosition);
  return children;
}

/** The rows shown: every item of the top level and of each open folder, depth first. */
export function visibleRows(children: Map<string | null, Item[]>, expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  const walk = (parentId: string | null, level: number) => {
    const items = children.get(parentId) ?? [];
    items.forEach((item, index) => {
      if (seen.has(item.id)) return;
      seen.add(item.id);
      const row: TreeRow = { type: item.type, id: item.id, label: item.label, parentId, level, index, setSize: items.length };
      if (item.type === 'folder') {
        row.expanded = expanded.has(item.id);
        row.empty = !(children.get(item.id)?.length);
      } else row.pinned = item.pinned;
      rows.push(row);
      if (row.expanded) walk(item.id, level + 1);
    });
  };
  walk(null, 1);
  return rows;
}

/** The folders a folder (or a note: none) cannot move into: itself and every folder inside it. */
export function folderAndDescendants(children: Map<string | null, Item[]>, folderId: string): Set<string> {
  const found = new Set<string>([folderId]);
  const stack = [folderId];
  while (stack.length) {
    for (const item of children.get(stack.pop()!) ?? [])
      if (item.type === 'folder' && !found.has(item.id)) {
        found.add(item.id);
        stack.push(item.id);
      }
  }
  return found;
}

/** Each folder with its path ("Leads / Harbour"), depth first in the tree's order: where "Move to…" can send an item. */
export function folderPaths(children: Map<string | null, Item[]>): { id: string; path: string }[] {
  const paths: { id: string; path: string }[] = [];
  const walk = (parentId: string | null, prefix: string) => {
    for (const item of children.get(parentId) ?? [])
      if (item.type === 'folder') {
        const path = prefix ? `${prefix} / ${item.label}` : item.label;
        paths.push({ id: item.id, path });
        walk(item.id, path);
      }
  };
  walk(null, '');
  return paths;
}
