import { useCallback, useEffect, useState } from 'react';
import type { Note } from '../../../../shared/domain';
import { operations } from '../../app/casebook';
import { explainError } from '../../components/useOperation';
import { NOTE_IMAGE_SIZE } from '../../domain/attachments';
import { attachmentSrc } from '../../editor/attachmentSource';
import { RichTextField } from '../../editor/RichTextField';
import { useNoteAutosave, type SaveState } from './useNoteAutosave';

/**
 * A note as the form that writes it, saved as it is typed (see useNoteAutosave): its title, its text (images pasted
 * or dropped into it kept in the case), and what became of the last save. `children` are the note's other controls.
 */
export function NoteWriter({ note, children }: { note: Note; children?: React.ReactNode }) {
  const autosave = useNoteAutosave(note);
  const { values, conflict } = autosave;
  const [imageProblem, setImageProblem] = useState<string | null>(null);

  // Leaving the note (another note, another section, its deletion) lets go of the images removed from its text, once
  // its last save is done: the editor's undo history, which could have brought one back, goes with it.
  // (`saveAndSettle` is the same function for as long as the note is open.)
  const { saveAndSettle } = autosave;
  useEffect(() => {
    const noteId = note.id;
    return () => {
      void saveAndSettle()
        .then(() => operations.pruneNoteAttachments(noteId))
        // Not let go this time (storage failing): the next time the note is left.
        .catch(() => undefined);
    };
  }, [note.id, saveAndSettle]);

  // The editor keeps the first one it is given: it needs nothing that changes while the note is open.
  const keepImage = useCallback(async (file: File): Promise<string | null> => {
    setImageProblem(null);
    const name = file.name || 'pasted image';
    // Refused before reading it: a huge file is never loaded at all.
    if (file.size > NOTE_IMAGE_SIZE.max) {
      setImageProblem(NOTE_IMAGE_SIZE.message(name, file.size));
      return null;
    }
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const kept = await operations.addNoteAttachment(note.id, { name, mimeType: file.type, bytes });
      return attachmentSrc(kept.id);
    } catch (error) {
      setImageProblem(explainError(error));
      return null;
    }
  }, [note.id]);

  return (
    <form
      className="note-writer"
      aria-label={`Note ${note.title}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        autosave.saveNow();
      }}
      onBlur={(event) => {
        // Leaving the form (not moving within it) saves at once.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) autosave.saveNow();
      }}
    >
      {conflict && (
        <div className="notice row" role="alert">
          <span style={{ flex: 1 }}>Changed in another window while you were typing here.</span>
          <button type="button" onClick={autosave.showTheirs}>
            Show theirs
          </button>
          <button type="button" onClick={autosave.keepMine}>
            Keep mine
          </button>
        </div>
      )}
      <div className="field">
        <label htmlFor={`note-title-${note.id}`} className="label">
          Title
        </label>
        <input
          key={autosave.revision}
          id={`note-title-${note.id}`}
          value={values.title}
          onChange={(event) => autosave.setTitle(event.target.value)}
        />
      </div>
      <RichTextField
        key={autosave.revision}
        label="Note"
        editorLabel="Note text"
        value={values.body}
        onChange={autosave.setBody}
        onPasteImage={keepImage}
      />
      {imageProblem && (
        <p className="form-error" role="alert">
          {imageProblem}
        </p>
      )}
      <div className="row note-actions">
        <SaveStatus status={autosave.status} retry={autosave.saveNow} />
        <span className="spacer" />
        {children}
      </div>
    </form>
  );
}

function SaveStatus({ status, retry }: { status: SaveState; retry: () => void }) {
  return (
    <span className="save-status small" data-state={status.state}>
      <span role="status">
        {status.state === 'saved'
          ? 'Saved'
          : status.state === 'saving'
            ? 'Saving…'
            : status.state === 'unsaved'
              ? 'Unsaved changes'
              : `Not saved: ${status.why}`}
      </span>
      {status.state === 'failed' && (
        <button type="button" className="quiet" onClick={retry}>
          Retry
        </button>
      )}
    </span>
  );
}
