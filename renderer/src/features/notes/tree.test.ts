import { describe, expect, it } from 'vitest';
import type { Note, NoteFolder } from '../../../../shared/domain';
import { childrenByFolder, folderAndDescendants, folderPaths, visibleRows } from './tree';

const at = '2021-03-09T06:00:00.000Z';
const note = (id: string, parentId: string | null, position: string, extra: Partial<Note> = {}): Note => ({
  id, caseId: 'c', title: id, body: null, parentId, position, pinned: false, createdAt: at, updatedAt: at, ...extra,
});
const folder = (id: string, parentId: string | null, position: string): NoteFolder => ({
  id, caseId: 'c', name: id, parentId, position, createdAt: at, updatedAt: at,
});

const notes = [note('Lead', null, 'a2'), note('Inside', 'Leads', 'a0'), note('Deep', 'Sub', 'a0'), note('Summary', null, 'a0', { pinned: true })];
const folders = [folder('Leads', null, 'a1'), folder('Sub', 'Leads', 'a1')];

describe('the notes tree', () => {
  it('shows the top level and open folders, depth first, each row with its level and place', () => {
    const children = childrenByFolder(notes, folders);
    expect(visibleRows(children, new Set()).map((row) => [row.label, row.level, row.index, row.setSize])).toEqual([
      ['Summary', 1, 0, 3],
      ['Leads', 1, 1, 3],
      ['Lead', 1, 2, 3],
    ]);
    const open = visibleRows(children, new Set(['Leads', 'Sub']));
    expect(open.map((row) => `${'  '.repeat(row.level - 1)}${row.label}`)).toEqual(['Summary', 'Leads', '  Inside', '  Sub', '    Deep', 'Lead']);
    expect(open.find((row) => row.id === 'Leads')).toMatchObject({ expanded: true, empty: false });
    expect(open.find((row) => row.id === 'Summary')).toMatchObject({ pinned: true });
  });

  it('shows an item whose folder is gone at the top level, and a note with a damaged title or place still', () => {
    const broken = { ...note('x', 'deleted-folder', ''), title: 42 as unknown as string };
    const rows = visibleRows(childrenByFolder([broken], []), new Set());
    expect(rows).toEqual([expect.objectContaining({ id: 'x', label: 'Untitled note', level: 1 })]);
  });

  it('knows which folders an item cannot move into, and names every folder by its path', () => {
    const children = childrenByFolder(notes, folders);
    expect([...folderAndDescendants(children, 'Leads')].sort()).toEqual(['Leads', 'Sub']);
    expect(folderPaths(children)).toEqual([
      { id: 'Leads', path: 'Leads' },
      { id: 'Sub', path: 'Leads / Sub' },
    ]);
  });
});
