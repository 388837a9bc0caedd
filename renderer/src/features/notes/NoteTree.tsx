import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { NoteTreeItem } from '../../domain/noteTree';
import type { TreeRow } from './tree';

/** Where a move sends an item: a folder (null: the top level) and its index there, counted without the item. */
export interface TreeDestination {
  parentId: string | null;
  index: number;
}

interface NoteTreeProps {
  rows: TreeRow[];
  /** The note open beside the tree. */
  openNoteId: string | null;
  /** The row with the tree's tab stop (the current item), and its change. */
  activeId: string | null;
  onActivate: (row: TreeRow) => void;
  onOpenNote: (noteId: string) => void;
  onToggle: (folderId: string, expanded: boolean) => void;
  /** F2: rename a folder in place, or go to a note's title. */
  onRename: (row: TreeRow) => void;
  onMove: (item: NoteTreeItem, to: TreeDestination) => void;
  /** The folder being renamed in place, and what to do with the name typed. */
  renaming: string | null;
  onRenamed: (folderId: string, name: string | null) => void;
}

/** Where a dragged item would land relative to the row under the pointer. */
type DropZone = 'before' | 'after' | 'into';

/** The destination that puts `item` before or after `row` (among row's siblings), or first in the folder `row`. */
export function destinationAt(rows: readonly TreeRow[], item: NoteTreeItem, row: TreeRow, zone: DropZone): TreeDestination {
  if (zone === 'into') return { parentId: row.id, index: 0 };
  const moving = rows.find((one) => one.id === item.id);
  // Indexes are counted without the item: one placed before the row in the same folder shifts it by one.
  const shift = moving && moving.parentId === row.parentId && moving.index < row.index ? 1 : 0;
  return { parentId: row.parentId, index: row.index + (zone === 'after' ? 1 : 0) - shift };
}

/**
 * The case's notes and folders as an ARIA tree: arrows move (Right opens a folder or enters it, Left closes it or goes
 * to its folder), Home and End, Enter opens a note or a folder, F2 renames, Alt+Up and Alt+Down move the item among
 * its neighbours. Rows can be dragged before or after another, or into a folder.
 */
export function NoteTree({ rows, openNoteId, activeId, onActivate, onOpenNote, onToggle, onRename, onMove, renaming, onRenamed }: NoteTreeProps) {
  const elements = useRef(new Map<string, HTMLElement>());
  const tree = useRef<HTMLDivElement>(null);
  const [dragged, setDragged] = useState<NoteTreeItem | null>(null);
  const [drop, setDrop] = useState<{ id: string; zone: DropZone } | null>(null);
  const active = rows.find((row) => row.id === activeId) ?? rows.find((row) => row.id === openNoteId) ?? rows[0];

  // The focus follows the current row while it is in the tree (moving a row re-renders it elsewhere).
  useEffect(() => {
    if (active && tree.current?.contains(document.activeElement) && !renaming) elements.current.get(active.id)?.focus();
  }, [active, renaming]);

  const focusRow = (row: TreeRow | undefined) => {
    if (!row) return;
    onActivate(row);
    elements.current.get(row.id)?.focus();
  };

  const keyDown = (event: KeyboardEvent<HTMLElement>, row: TreeRow) => {
    if (renaming) return;
    const at = rows.indexOf(row);
    const parent = rows.find((one) => one.id === row.parentId);
    let handled = true;
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      const step = event.key === 'ArrowUp' ? -1 : 1;
      const index = row.index + step;
      if (index >= 0 && index < row.setSize) onMove({ type: row.type, id: row.id }, { parentId: row.parentId, index });
    } else if (event.key === 'ArrowDown') focusRow(rows[at + 1]);
    else if (event.key === 'ArrowUp') focusRow(rows[at - 1]);
    else if (event.key === 'Home') focusRow(rows[0]);
    else if (event.key === 'End') focusRow(rows.at(-1));
    else if (event.key === 'ArrowRight') {
      if (row.type === 'folder' && !row.expanded) onToggle(row.id, true);
      else if (row.type === 'folder' && !row.empty) focusRow(rows[at + 1]);
    } else if (event.key === 'ArrowLeft') {
      if (row.type === 'folder' && row.expanded) onToggle(row.id, false);
      else focusRow(parent);
    } else if (event.key === 'Enter' || event.key === ' ') {
      if (row.type === 'note') onOpenNote(row.id);
      else onToggle(row.id, !row.expanded);
    } else if (event.key === 'F2') onRename(row);
    else handled = false;
    if (handled) {
      event.preventDefault();
      // The tree's keys are its own: Alt+Up and Alt+Down are not the reader's excerpt steps here.
      event.stopPropagation();
    }
  };

  const zoneOf = (event: DragEvent<HTMLElement>, row: TreeRow): DropZone => {
    const box = event.currentTarget.getBoundingClientRect();
    const fraction = (event.clientY - box.top) / Math.max(box.height, 1);
    if (row.type === 'folder' && fraction > 0.25 && fraction < 0.75) return 'into';
    return fraction < 0.5 ? 'before' : 'after';
  };

  return (
    <div ref={tree} role="tree" aria-label="Notes" className="note-tree">
      {rows.map((row) => {
        const isActive = row.id === active?.id;
        const dropZone = drop?.id === row.id ? drop.zone : undefined;
        return (
          <div
            key={row.id}
            ref={(element) => {
              if (element) elements.current.set(row.id, element);
              else elements.current.delete(row.id);
            }}
            role="treeitem"
            aria-level={row.level}
            aria-posinset={row.index + 1}
            aria-setsize={row.setSize}
            aria-expanded={row.type === 'folder' ? row.expanded : undefined}
            aria-selected={row.type === 'note' ? row.id === openNoteId : undefined}
            aria-current={row.id === openNoteId ? 'page' : undefined}
            tabIndex={isActive ? 0 : -1}
            className={`note-tree-row ${row.type}`}
            data-drop={dropZone}
            style={{ paddingInlineStart: `${0.5 + (row.level - 1) * 1.1}rem` }}
            draggable={renaming !== row.id}
            onFocus={(event) => {
              if (event.target === event.currentTarget && !isActive) onActivate(row);
            }}
            onClick={() => {
              onActivate(row);
              if (row.type === 'note') onOpenNote(row.id);
              else onToggle(row.id, !row.expanded);
            }}
            onKeyDown={(event) => keyDown(event, row)}
            onDragStart={(event) => {
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('application/x-casebook-note-tree', row.id);
              setDragged({ type: row.type, id: row.id });
            }}
            onDragEnd={() => {
              setDragged(null);
              setDrop(null);
            }}
            onDragOver={(event) => {
              if (!dragged || dragged.id === row.id) return;
              event.preventDefault();
              event.dataTransfer.dropEffect = 'move';
              const zone = zoneOf(event, row);
              if (drop?.id !== row.id || drop.zone !== zone) setDrop({ id: row.id, zone });
            }}
            onDragLeave={() => setDrop((current) => (current?.id === row.id ? null : current))}
            onDrop={(event) => {
              event.preventDefault();
              const item = dragged;
              setDragged(null);
              setDrop(null);
              if (!item || item.id === row.id) return;
              onMove(item, destinationAt(rows, item, row, zoneOf(event, row)));
            }}
          >
            <span className="twisty" aria-hidden="true">
              {row.type === 'folder' ? (row.expanded ? '▾' : '▸') : ''}
            </span>
            {renaming === row.id ? (
              <FolderNameInput initial={row.label} onDone={(name) => onRenamed(row.id, name)} />
            ) : (
              <span className="title">{row.label}</span>
            )}
            {row.pinned && (
              <span className="pin" title="Case summary">
                <span aria-hidden="true">📌</span>
                <span className="visually-hidden">, case summary</span>
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}

/** The name of a folder typed in place: Enter keeps it, Escape (or leaving it unchanged) keeps the old one. */
function FolderNameInput({ initial, onDone }: { initial: string; onDone: (name: string | null) => void }) {
  const [name, setName] = useState(initial);
  const done = useRef(false);
  const finish = (value: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(value);
  };
  return (
    <input
      aria-label="Folder name"
      className="folder-name"
      value={name}
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onClick={(event) => event.stopPropagation()}
      onChange={(event) => setName(event.target.value)}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') {
          event.preventDefault();
          finish(name);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          finish(null);
        }
      }}
      onBlur={() => finish(name)}
    />
  );
}
