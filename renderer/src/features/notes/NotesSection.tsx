import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Note } from '../../../../shared/domain';
import { draftKey, forgetDraft } from '../../components/drafts';
import { DraftNotice, Field, FormError } from '../../components/Field';
import { useDraft } from '../../components/useDraft';
import { useOperation } from '../../components/useOperation';
import { operations, queries } from '../../app/casebook';
import { fold } from '../../search/fold';
import { RichTextField } from '../../editor/RichTextField';
import { formatDateTime } from '../../format';
import { LinksPanel } from '../links/LinksPanel';
import { DeleteRecordButton } from '../shared/DeleteRecordButton';
import { RecordSection } from '../shared/RecordSection';

export function NotesSection({ caseId }: { caseId: string }) {
  const notes = useLiveQuery(
    () =>
      queries.notesRecentFirst(caseId),
    [caseId],
  );
  return (
    <RecordSection
      caseId={caseId}
      path="notes"
      title="Notes"
      items={notes}
      newLabel="New note"
      emptyMessage="No notes yet. Write down leads, questions and working hypotheses."
      filterLabel="Filter notes by title"
      matches={(note, key) => fold(note.title).includes(key)}
      rowTitle={(note) => note.title}
      rowMeta={(note) => formatDateTime(note.updatedAt)}
      renderNew={(onCreated, onCancel) => <NoteEditor caseId={caseId} onDone={(n) => onCreated(n.id)} onCancel={onCancel} />}
      renderDetail={(id) => <NoteDetail key={id} caseId={caseId} noteId={id} />}
      // A note is shown as the form that edits it: there is no heading to land on, and the writing goes on in it.
      createdFocus="first field"
    />
  );
}

function NoteDetail({ caseId, noteId }: { caseId: string; noteId: string }) {
  const note = useLiveQuery(() => queries.noteById(noteId), [noteId]);
  const navigate = useNavigate();
  if (note === undefined) return null;
  if (note === null) return <p className="muted">This note no longer exists.</p>;
  return (
    <>
      <NoteEditor key={note.id} caseId={caseId} existing={note} onDone={() => undefined} onCancel={() => navigate(`/case/${caseId}/notes`)} />
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

interface NoteEditorProps {
  caseId: string;
  existing?: Note;
  onDone: (note: Note) => void;
  onCancel: () => void;
}

function NoteEditor({ caseId, existing, onDone, onCancel }: NoteEditorProps) {
  const draft = useDraft(
    draftKey('note', existing?.id, caseId),
    { title: existing?.title ?? '', body: existing?.body ?? null },
    existing ? `the note “${existing.title}”` : 'the new note',
  );
  const { title, body } = draft.values;
  const { title: setTitle, body: setBody } = draft.set;
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const { run, busy, fieldErrors, formError } = useOperation();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const input = { title, body };
    const saved = await draft.save(run(() => (existing ? operations.updateNote(existing.id, input) : operations.createNote(caseId, input))));
    if (saved) {
      setSavedAt(saved.updatedAt);
      onDone(saved);
    }
  };

  const cancel = () => {
    draft.clear();
    onCancel();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={existing ? `Note ${existing.title}` : 'New note'}>
      <FormError message={formError} />
      <DraftNotice draft={draft} />
      <Field label="Title" error={fieldErrors.title}>
        {(control) => <input {...control} value={title} onChange={(e) => setTitle(e.target.value)} autoFocus={!existing} />}
      </Field>
      <RichTextField key={draft.revision} label="Note" editorLabel="Note text" value={body} onChange={setBody} />
      <div className="row end">
        {savedAt && (
          <span className="muted small" role="status">
            Saved {formatDateTime(savedAt)}
          </span>
        )}
        <button type="button" onClick={cancel}>
          {existing ? 'Close' : 'Cancel'}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {existing ? 'Save note' : 'Add note'}
        </button>
      </div>
    </form>
  );
}
