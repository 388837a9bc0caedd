import { useEffect, useRef, useState } from 'react';
import type { Note, RichText } from '../../../../shared/domain';
import { operations } from '../../app/casebook';
import { draftKey, readDraft, removeDraft } from '../../components/drafts';
import { explainError } from '../../components/useOperation';

/** The title a new note starts with, selected in its title field so that typing replaces it. */
export const UNTITLED_NOTE = 'Untitled note';

/**
 * "New note" (the button, the command, a folder's own): the note is made at once, in the folder asked for (null: the
 * top level), and handed to `onCreated` to be opened in the note writer, where everything (autosave, images,
 * mentions) works from the first key. Meanwhile this holds the focus, so that it passes to the new note's title.
 */
export function NewNote({ caseId, parentId, onCreated }: { caseId: string; parentId: string | null; onCreated: (note: Note) => void }) {
  const status = useRef<HTMLParagraphElement>(null);
  const started = useRef(false);
  const [problem, setProblem] = useState<string | null>(null);

  const shown = useRef(false);

  useEffect(() => {
    shown.current = true;
    status.current?.focus();
    // Once per visit, however often React runs the effect; opened only if the researcher is still here.
    if (!started.current) {
      started.current = true;
      createNewNote(caseId, parentId).then(
        (note) => shown.current && onCreated(note),
        (error: unknown) => shown.current && setProblem(explainError(error)),
      );
    }
    return () => {
      shown.current = false;
    };
    // The note asked for is made once, with what was asked on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return problem ? (
    <p className="form-error" role="alert">
      The note was not made: {problem}
    </p>
  ) : (
    <p ref={status} tabIndex={-1} role="status" className="muted">
      Making a new note…
    </p>
  );
}

/**
 * Makes the new note. A draft the earlier new-note form left on this computer (typed, never added) is not lost: the
 * next new note of its case starts from it, and the draft is let go. One that no longer makes a valid note is dropped.
 */
async function createNewNote(caseId: string, parentId: string | null): Promise<Note> {
  const key = draftKey('note', undefined, caseId);
  const leftover = readDraft(key, { title: '', body: null as RichText | null })?.values;
  const untitled = () => operations.createNote(caseId, { title: UNTITLED_NOTE }, { parentId });
  if (!leftover || (!leftover.title.trim() && leftover.body === null)) return untitled();
  let note: Note;
  try {
    note = await operations.createNote(caseId, { title: leftover.title.trim() || UNTITLED_NOTE, body: leftover.body }, { parentId });
  } catch {
    note = await untitled();
  }
  removeDraft(key);
  return note;
}
