import { useState } from 'react';
import { operations } from '../../app/casebook';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import { explainError } from '../../components/useOperation';
import type { NoteTreeItem } from '../../domain/noteTree';
import type { TreeDestination } from './NoteTree';
import { folderAndDescendants, folderPaths, type childrenByFolder, type TreeRow } from './tree';

interface NoteTreeActionsProps {
  /** The tree's current row: what the actions act on. */
  row: TreeRow;
  tree: ReturnType<typeof childrenByFolder>;
  onMove: (item: NoteTreeItem, to: TreeDestination) => void;
  onRename: (row: TreeRow) => void;
  onProblem: (message: string | null) => void;
}

/** The keyboard's (and anyone's) way to move, rename and delete in the tree: buttons acting on its current row. */
export function NoteTreeActions({ row, tree, onMove, onRename, onProblem }: NoteTreeActionsProps) {
  const [moving, setMoving] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const item = { type: row.type, id: row.id };
  const what = `${row.type === 'folder' ? 'folder' : 'note'} “${row.label}”`;
  return (
    <div className="row note-tree-actions" role="group" aria-label={`Actions for the ${what}`}>
      <button type="button" className="quiet" disabled={row.index === 0} title="Alt+Up in the tree" onClick={() => onMove(item, { parentId: row.parentId, index: row.index - 1 })}>
        Move up
      </button>
      <button
        type="button"
        className="quiet"
        disabled={row.index >= row.setSize - 1}
        title="Alt+Down in the tree"
        onClick={() => onMove(item, { parentId: row.parentId, index: row.index + 1 })}
      >
        Move down
      </button>
      <button type="button" className="quiet" onClick={() => setMoving(true)}>
        Move to…
      </button>
      {row.type === 'folder' && (
        <>
          <button type="button" className="quiet" title="F2 in the tree" onClick={() => onRename(row)}>
            Rename
          </button>
          <button type="button" className="quiet danger" onClick={() => setDeleting(true)}>
            Delete folder
          </button>
        </>
      )}
      {moving && (
        <MoveToDialog
          row={row}
          tree={tree}
          onClose={() => setMoving(false)}
          onMove={(parentId) => {
            setMoving(false);
            onMove(item, { parentId, index: Number.MAX_SAFE_INTEGER });
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete the folder “${row.label}”?`}
          message={
            <p>
              {row.empty
                ? 'It is empty.'
                : 'No note is deleted: the notes and folders it holds move up a level, where the folder was.'}
            </p>
          }
          confirmLabel="Delete folder"
          onCancel={() => setDeleting(false)}
          onConfirm={async () => {
            setDeleting(false);
            try {
              await operations.deleteNoteFolder(row.id);
              onProblem(null);
            } catch (error) {
              onProblem(explainError(error));
            }
          }}
        />
      )}
    </div>
  );
}

/** Chooses the folder to move an item into (the top level, or any folder but itself and those inside it). */
function MoveToDialog({ row, tree, onClose, onMove }: { row: TreeRow; tree: NoteTreeActionsProps['tree']; onClose: () => void; onMove: (parentId: string | null) => void }) {
  const excluded = row.type === 'folder' ? folderAndDescendants(tree, row.id) : new Set<string>();
  const choices = [{ id: '', path: 'Top level' }, ...folderPaths(tree).filter((folder) => !excluded.has(folder.id))];
  const [choice, setChoice] = useState(row.parentId ?? '');
  return (
    <Dialog title={`Move “${row.label}” to…`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onMove(choice || null);
        }}
      >
        <label className="field">
          <span className="label">Folder</span>
          <select value={choice} onChange={(event) => setChoice(event.target.value)} autoFocus>
            {choices.map((folder) => (
              <option key={folder.id} value={folder.id}>
                {folder.path}
              </option>
            ))}
          </select>
        </label>
        <div className="row end">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Move
          </button>
        </div>
      </form>
    </Dialog>
  );
}
