import { useCallback, useEffect, useRef, useState } from 'react';
import type { Note, RichText } from '../../../../shared/domain';
import { operations, queries } from '../../app/casebook';
import { draftKey, readDraft, registerOpenForm, removeDraft, sameValues, writeDraft } from '../../components/drafts';
import { explainError } from '../../domain/errors';
import { EditConflictError } from '../../domain/notes';

/** How long typing may pause before the note is saved; leaving it, hiding the window or closing it saves at once. */
export const AUTOSAVE_DELAY_MS = 600;

export interface NoteValues {
  title: string;
  body: RichText | null;
}

export type SaveState = { state: 'saved' } | { state: 'saving' } | { state: 'unsaved' } | { state: 'failed'; why: string };

export interface NoteAutosave {
  /** The title as typed, and the text the editor opens with (the editor holds the text as it is typed). */
  values: NoteValues;
  setTitle: (title: string) => void;
  setBody: (body: RichText | null) => void;
  status: SaveState;
  /** The note as another window saved it while this one was being typed in: the researcher chooses. */
  conflict: Note | null;
  showTheirs: () => void;
  keepMine: () => void;
  /** Saves now: after a failure, or when the field is left. */
  saveNow: () => void;
  /** Saves now, resolving once no save is running or asked for: what is typed is stored (or could not be). */
  saveAndSettle: () => Promise<void>;
  /** Changes when the values are replaced from outside (another window's text), so the editor shows them. */
  revision: number;
}

const valuesOf = (note: Note): NoteValues => ({ title: typeof note.title === 'string' ? note.title : '', body: note.body ?? null });

/** The crash net kept in local storage: what was typed, and the stored version it was typed on. */
type NoteDraft = { title: string; body: RichText | null; base: string };
const DRAFT_SHAPE: NoteDraft = { title: '', body: null, base: '' };

/**
 * Saves a note as it is typed: a pause of AUTOSAVE_DELAY_MS after the last change, and at once when the note is left
 * (switched, section changed, window hidden or closed), one transaction a save (`updateNote`). What is typed is also
 * kept as a draft in local storage whenever the page may go away, so a reload or crash mid-save loses nothing: the
 * note opens with it and saves it. A change saved in another window is taken when nothing is being typed here, and
 * otherwise offered beside what is typed (`conflict`), never written over nor over it unasked.
 */
export function useNoteAutosave(note: Note): NoteAutosave {
  const key = draftKey('note', note.id);
  const [start] = useState((): { values: NoteValues; conflict: Note | null; pending: boolean } => {
    const stored = valuesOf(note);
    const draft = readDraft(key, DRAFT_SHAPE);
    if (!draft) return { values: stored, conflict: null, pending: false };
    const typed = { title: draft.values.title, body: draft.values.body };
    if (sameValues(typed, stored)) return { values: stored, conflict: null, pending: false };
    // Typed on the version stored: it simply was not saved yet. Typed on an older one: the other window's is offered.
    return { values: typed, conflict: draft.values.base === note.updatedAt ? null : note, pending: true };
  });
  const [values, setValues] = useState<NoteValues>(start.values);
  const [status, setStatus] = useState<SaveState>(start.pending ? { state: 'unsaved' } : { state: 'saved' });
  const [conflict, setConflict] = useState<Note | null>(start.conflict);
  const [revision, setRevision] = useState(0);

  const valuesRef = useRef(start.values);
  /** The stored note this window's values build on: what a save expects to find. */
  const baseRef = useRef<Note>(note);
  /**
   * What this window holds as that note's values: its own, as typed, once saved (the domain may store a mention's
   * current title in place of the one typed, which is no change of the researcher's).
   */
  const baseValuesRef = useRef<NoteValues>(valuesOf(note));
  const conflictRef = useRef<Note | null>(start.conflict);
  const saving = useRef(false);
  /** The saves running now (one after another while more is asked for), or null. */
  const running = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const forgotten = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const pending = () => !sameValues(valuesRef.current, baseValuesRef.current);

  const keepDraft = useCallback(() => {
    if (forgotten.current) return;
    if (pending()) writeDraft(key, { savedAt: new Date().toISOString(), values: { ...valuesRef.current, base: baseRef.current.updatedAt } });
    else removeDraft(key);
  }, [key]);

  const setConflictBoth = (next: Note | null) => {
    conflictRef.current = next;
    setConflict(next);
  };

  /** Takes a stored version as the one typed on, showing its text when it is not what is typed here. */
  const adopt = useCallback((stored: Note, show: boolean, values: NoteValues = valuesOf(stored)) => {
    baseRef.current = stored;
    baseValuesRef.current = values;
    if (show) {
      valuesRef.current = valuesOf(stored);
      setValues(valuesRef.current);
      setRevision((count) => count + 1);
    }
  }, []);

  const latestStored = useRef<Note>(note);
  /** Compares the note as stored with what this window holds: takes it, or offers it beside what is typed. */
  const reconcile = useCallback(
    (stored: Note) => {
      const base = baseRef.current;
      // The same version, or one older than this window's (a read that began before its own save): nothing new.
      // A save under way finds out itself.
      if (stored.updatedAt <= base.updatedAt || saving.current) return;
      if (sameValues(valuesOf(stored), valuesRef.current)) adopt(stored, false);
      else if (!pending() && !conflictRef.current) adopt(stored, true);
      else if (!sameValues(valuesOf(stored), valuesOf(base)) && !sameValues(valuesOf(stored), baseValuesRef.current)) setConflictBoth(stored);
    },
    [adopt],
  );

  /** One save of what is typed now, unless nothing is to be saved. */
  const saveOnce = useCallback(async (): Promise<void> => {
    if (forgotten.current || conflictRef.current) return;
    if (!pending()) {
      removeDraft(key);
      setStatus({ state: 'saved' });
      return;
    }
    saving.current = true;
    setStatus({ state: 'saving' });
    const submitted = valuesRef.current;
    keepDraft();
    try {
      const saved = await operations.updateNote(note.id, submitted, { expectedUpdatedAt: baseRef.current.updatedAt });
      adopt(saved, false, submitted);
      keepDraft();
      setStatus(pending() ? { state: 'unsaved' } : { state: 'saved' });
    } catch (error) {
      if (error instanceof EditConflictError) {
        const theirs = await queries.noteById(note.id);
        if (theirs && sameValues(valuesOf(theirs), valuesRef.current)) {
          // The other "window" wrote what is typed here (this note's save from before a switch): no conflict at all.
          adopt(theirs, false);
          removeDraft(key);
          setStatus({ state: 'saved' });
        } else if (theirs) {
          setConflictBoth(theirs);
          setStatus({ state: 'unsaved' });
        } else setStatus({ state: 'failed', why: 'This note no longer exists. It may have been deleted in another window.' });
      } else setStatus({ state: 'failed', why: explainError(error) });
    } finally {
      saving.current = false;
    }
    // Another window's save may have come while this one ran.
    reconcile(latestStored.current);
  }, [adopt, keepDraft, key, note.id, reconcile]);

  /** Saves now; asked while a save runs, saves again once it is done (what was typed meanwhile). */
  const save = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    if (running.current) {
      again.current = true;
      return running.current;
    }
    running.current = (async () => {
      try {
        do {
          again.current = false;
          await saveOnce();
        } while (again.current);
      } finally {
        running.current = null;
      }
    })();
    return running.current;
  }, [saveOnce]);

  /**
   * Takes what was typed. A change of the text re-renders nothing (the editor holds the text; a render of the page
   * while its caret is in a long text costs the browser a walk of that text), and neither does a status already shown.
   */
  const change = useCallback(
    (next: NoteValues, shown: boolean) => {
      valuesRef.current = next;
      if (shown) setValues(next);
      if (conflictRef.current) return;
      setStatus((current) => (current.state === 'saving' || current.state === 'unsaved' ? current : { state: 'unsaved' }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    },
    [save],
  );

  // A draft found on opening that was typed on the version stored is saved at once.
  useEffect(() => {
    if (start.pending && !start.conflict) void save();
  }, [start, save]);

  // The stored note changed: this window's save, or another window's.
  useEffect(() => {
    latestStored.current = note;
    reconcile(note);
  }, [note, reconcile]);

  useEffect(() => {
    const unregister = registerOpenForm({
      key,
      label: () => `the note “${valuesRef.current.title}”`,
      // Never "unsaved" to the guard that asks before leaving: leaving saves, and the draft keeps it meanwhile.
      isDirty: () => false,
      flush: () => {
        keepDraft();
        void save();
      },
      clear: () => {
        forgotten.current = true;
        clearTimeout(timer.current);
        removeDraft(key);
      },
    });
    return () => {
      // Leaving the note (another note, another section) saves what was typed, the draft keeping it until then.
      keepDraft();
      void save();
      unregister();
    };
  }, [key, keepDraft, save]);

  return {
    values,
    setTitle: (title) => change({ ...valuesRef.current, title }, true),
    setBody: (body) => change({ ...valuesRef.current, body }, false),
    status,
    conflict,
    showTheirs: () => {
      const theirs = conflictRef.current;
      if (!theirs) return;
      setConflictBoth(null);
      adopt(theirs, true);
      removeDraft(key);
      setStatus({ state: 'saved' });
    },
    keepMine: () => {
      const theirs = conflictRef.current;
      if (!theirs) return;
      baseRef.current = theirs;
      baseValuesRef.current = valuesOf(theirs);
      setConflictBoth(null);
      void save();
    },
    saveNow: () => void save(),
    saveAndSettle: save,
    revision,
  };
}
