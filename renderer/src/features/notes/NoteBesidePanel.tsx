import './notes.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useLocation } from 'react-router';
import { queries } from '../../app/casebook';
import { setNoteBeside, useNoteBeside } from './beside';
import { NoteWriter } from './NoteWriter';

/**
 * The note written beside another section (a document in the reader, the timeline): shown on the right of that
 * section's view while it is open, remembered per case until closed. Mounted once in the workspace.
 */
export function NoteBesidePanel({ caseId }: { caseId: string }) {
  const beside = useNoteBeside(caseId);
  const section = useLocation().pathname.split('/')[3] ?? '';
  const shown = beside !== null && section === beside.section;
  const note = useLiveQuery(() => (shown ? queries.noteById(beside.noteId) : undefined), [shown, beside?.noteId]);
  if (!shown || note === undefined) return null;
  return (
    <aside className="note-beside" aria-label="Note beside">
      <div className="note-beside-header">
        <h2>{note ? note.title : 'Note'}</h2>
        {note && <Link to={`/case/${caseId}/notes/${note.id}`}>Open in Notes</Link>}
        <button type="button" onClick={() => setNoteBeside(caseId, null)}>
          Close note
        </button>
      </div>
      {note ? <NoteWriter key={note.id} note={note} /> : <p className="muted">This note no longer exists.</p>}
    </aside>
  );
}
