import './notes.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Note } from '../../../../shared/domain';
import { operations, queries } from '../../app/casebook';
import { draftKey, forgetDraft } from '../../components/drafts';
import { focusRecordWhenShown, isJustCreated, JUST_CREATED } from '../../components/focusNewRecord';
import { explainError, useOperation } from '../../components/useOperation';
import { preloadEditor } from '../../editor/RichTextEditor';
import type { NoteTreeItem } from '../../domain/noteTree';
import { LinksPanel } from '../links/LinksPanel';
import { DeleteRecordButton } from '../shared/DeleteRecordButton';
import { BESIDE_SECTIONS, setNoteBeside } from './beside';
import { NoteTree, type TreeDestination } from './NoteTree';
import { NewNote } from './NewNote';
import { NoteTreeActions } from './NoteTreeActions';
import { NoteWriter } from './NoteWriter';
import { childrenByFolder, visibleRows, type TreeRow } from './tree';

/** Open folders, remembered per case for the session. */
function useExpandedFolders(caseId: string): [Set<string>, (folderId: string, open: boolean) => void] {
  const key = `casebook.ui.noteFolders.${caseId}`;
  const [expanded, setExpanded] = useState(() => {
    try {
      return new Set<string>(JSON.parse(sessionStorage.getItem(key) ?? '[]') as string[]);
    } catch {
      return new Set<string>();
    }
  });
  const toggle = (folderId: string, open: boolean) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (open) next.add(folderId);
      else next.delete(folderId);
      try {
        sessionStorage.setItem(key, JSON.stringify([...next]));
      } catch {
        // Not remembered: the folders stay open for now.
      }
      return next;
    });
  return [expanded, toggle];
}

/**
 * The case's notes: a tree of folders and notes on the left (the case summary first), the note open on the right,
 * written as the form that saves itself. New notes and folders go into the current folder (the one chosen, or the
 * open note's).
 */
export function NotesSection({ caseId }: { caseId: string }) {
  const { recordId } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const base = `/case/${caseId}/notes`;
  const tree = useLiveQuery(() => queries.noteTree(caseId), [caseId]);
  const [expanded, toggle] = useExpandedFolders(caseId);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const children = useMemo(() => (tree ? childrenByFolder(tree.notes, tree.folders) : new Map()), [tree]);
  const rows = useMemo(() => visibleRows(children, expanded), [children, expanded]);
  const openNote = tree?.notes.find((note) => note.id === recordId) ?? null;
  const summary = tree?.notes.find((note) => note.pinned === true) ?? null;
  const active: TreeRow | undefined = rows.find((row) => row.id === activeId) ?? rows.find((row) => row.id === recordId);
  const currentFolder = active ? (active.type === 'folder' ? active.id : active.parentId) : (openNote?.parentId ?? null);

  // The editor's code is fetched while the researcher looks over the tree, so the note chosen opens at once.
  useEffect(preloadEditor, []);

  // The open note's folders are open, so its row shows.
  const parentOfOpen = openNote?.parentId ?? null;
  useEffect(() => {
    if (!tree || !parentOfOpen) return;
    const byId = new Map(tree.folders.map((folder) => [folder.id, folder]));
    for (let at = byId.get(parentOfOpen); at; at = at.parentId ? byId.get(at.parentId) : undefined)
      if (!expanded.has(at.id)) toggle(at.id, true);
    // Only when another note opens: the researcher may close its folder afterwards.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [recordId, parentOfOpen]);

  const attempt = async (operation: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await operation();
      return true;
    } catch (error) {
      setProblem(explainError(error));
      return false;
    }
  };

  const move = (item: NoteTreeItem, to: TreeDestination) => {
    void attempt(async () => {
      await operations.moveInNoteTree(caseId, item, to);
      if (to.parentId) toggle(to.parentId, true);
      setActiveId(item.id);
    });
  };

  const newFolder = () =>
    void attempt(async () => {
      const folder = await operations.createNoteFolder(caseId, { name: 'New folder' }, { parentId: currentFolder });
      if (currentFolder) toggle(currentFolder, true);
      setActiveId(folder.id);
      setRenaming(folder.id);
    });

  const rename = (row: TreeRow) => {
    if (row.type === 'folder') setRenaming(row.id);
    else {
      navigate(`${base}/${row.id}`);
      // The note's title is where a note is renamed.
      requestAnimationFrame(() => document.getElementById(`note-title-${row.id}`)?.focus());
    }
  };

  const renamed = (folderId: string, name: string | null) => {
    setRenaming(null);
    if (name !== null) void attempt(() => operations.renameNoteFolder(folderId, { name }));
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.note-tree [tabindex="0"]')?.focus());
  };

  // A note just created takes the focus in its title, where the writing continues, the title ("Untitled note")
  // selected so that typing replaces it.
  const panel = useRef<HTMLDivElement>(null);
  const justCreated = isJustCreated(useLocation().state) && recordId !== 'new';
  useEffect(() => {
    const shown = panel.current;
    if (!justCreated || !shown) return;
    const select = (event: FocusEvent) => {
      if (event.target instanceof HTMLInputElement) event.target.select();
    };
    shown.addEventListener('focusin', select, { once: true });
    const stop = focusRecordWhenShown(shown, 'first field');
    return () => {
      stop();
      shown.removeEventListener('focusin', select);
    };
  }, [justCreated, recordId]);

  return (
    <section className="section notes-section" aria-labelledby="notes-title">
      <div className="section-header">
        <h1 id="notes-title">Notes</h1>
        <span className="spacer" />
        <button type="button" onClick={newFolder}>
          New folder
        </button>
        <Link className="button primary" to={`${base}/new${currentFolder ? `?in=${currentFolder}` : ''}`}>
          New note
        </Link>
      </div>
      <div className="split">
        <div className="list-column notes-tree-column">
          {summary && (
            <Link className="case-summary-link" to={`${base}/${summary.id}`} aria-current={summary.id === recordId ? 'page' : undefined}>
              <span aria-hidden="true">📌</span> Case summary: {summary.title}
            </Link>
          )}
          {problem && (
            <p className="form-error" role="alert">
              {problem}
            </p>
          )}
          {tree === undefined ? (
            <p role="status" className="muted">
              Loading…
            </p>
          ) : rows.length === 0 ? (
            <div className="empty">
              <p>No notes yet. Write down leads, questions and working hypotheses.</p>
              <Link className="button primary" to={`${base}/new`}>
                New note
              </Link>
            </div>
          ) : (
            <>
              <NoteTree
                rows={rows}
                openNoteId={recordId ?? null}
                activeId={active?.id ?? null}
                onActivate={(row) => setActiveId(row.id)}
                onOpenNote={(noteId) => navigate(`${base}/${noteId}`)}
                onToggle={toggle}
                onRename={rename}
                onMove={move}
                renaming={renaming}
                onRenamed={renamed}
              />
              {active && (
                <NoteTreeActions row={active} tree={children} onMove={move} onRename={rename} onProblem={setProblem} />
              )}
            </>
          )}
        </div>
        <div ref={panel} className="panel record-panel">
          {recordId === 'new' ? (
            <NewNote
              caseId={caseId}
              parentId={search.get('in') ?? currentFolder}
              onCreated={(note) => navigate(`${base}/${note.id}`, { replace: true, state: JUST_CREATED })}
            />
          ) : recordId ? (
            <NoteDetail key={recordId} caseId={caseId} noteId={recordId} />
          ) : (
            <p className="muted">Choose a note from the tree, or write a new one.</p>
          )}
        </div>
      </div>
    </section>
  );
}

function NoteDetail({ caseId, noteId }: { caseId: string; noteId: string }) {
  const note = useLiveQuery(() => queries.noteById(noteId), [noteId]);
  const navigate = useNavigate();
  if (note === undefined) return null;
  if (note === null) return <p className="muted">This note no longer exists.</p>;
  return (
    <>
      <NoteWriter note={note}>
        <NoteControls caseId={caseId} note={note} />
      </NoteWriter>
      <div className="row" style={{ marginTop: '0.75rem' }}>
        <DeleteRecordButton
          target={{ type: 'note', id: note.id }}
          onDeleted={() => {
            forgetDraft(draftKey('note', note.id));
            navigate(`/case/${caseId}/notes`);
          }}
        />
      </div>
      <LinksPanel caseId={caseId} record={{ type: 'note', id: note.id }} />
    </>
  );
}

/** Pin as the case summary, and write the note beside another section's view. */
function NoteControls({ caseId, note }: { caseId: string; note: Note }) {
  const navigate = useNavigate();
  const { run, formError } = useOperation();
  return (
    <>
      {formError && (
        <span className="form-error small" role="alert">
          {formError}
        </span>
      )}
      <button type="button" aria-pressed={note.pinned === true} onClick={() => void run(() => operations.setNotePinned(note.id, !note.pinned))}>
        {note.pinned ? 'Unpin case summary' : 'Pin as case summary'}
      </button>
      <span role="group" aria-label="Open beside…" className="row">
        {BESIDE_SECTIONS.map(({ section, label }) => (
          <button
            key={section}
            type="button"
            onClick={() => {
              setNoteBeside(caseId, { noteId: note.id, section });
              navigate(`/case/${caseId}/${section}`);
            }}
          >
            {label}
          </button>
        ))}
      </span>
    </>
  );
}
