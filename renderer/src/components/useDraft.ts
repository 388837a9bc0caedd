import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  readDraft,
  registerOpenForm,
  removeDraft,
  sameValues,
  writeDraft,
  type DraftValues,
  type StoredDraft,
} from './drafts';

/** How long typing may pause before the draft is written; the last keystroke is written before unload anyway. */
export const DRAFT_DELAY_MS = 300;

export type DraftSetters<T> = { [K in keyof T]-?: (value: T[K]) => void };

export interface Draft<T extends DraftValues> {
  /** The form's values as typed. */
  values: T;
  /** One setter per field. */
  set: DraftSetters<T>;
  /** A draft stored earlier that differs from the record, offered back until it is restored or discarded. */
  offer: { savedAt: string } | null;
  /** Puts the offered draft's values in the form. */
  restore: () => void;
  /** Forgets the offered draft; what has been typed since stays. */
  discard: () => void;
  /** After a save: `submitted` are the values that were saved, which the form now holds unchanged. */
  saved: (submitted: T) => void;
  /**
   * Waits for a save started with the values now in the form (`draft.save(run(() => operations.update…))`); when it
   * succeeds, those values are the form's unchanged state. Resolves to what the save resolved to.
   */
  save: <R>(saving: Promise<R | undefined>) => Promise<R | undefined>;
  /** Forgets the draft and leaves the form as it is, unchanged from now on: what Cancel does before closing it. */
  clear: () => void;
  /** Changes whenever values are replaced all at once (restore), so controls that read their value once remount. */
  revision: number;
  /** Whether the form holds changes that are not saved. */
  dirty: boolean;
}

/**
 * A form's values, kept as a draft in local storage while the researcher types (a short pause after the last
 * keystroke, and at once when the page goes away or the form closes), and offered back when the same form opens
 * again. `key` comes from `draftKey()`: a form opened for another record is another component (give it a React key).
 * `label` names what the form edits ("the new entity"), for the question asked before leaving unsaved changes.
 */
export function useDraft<T extends DraftValues>(key: string, initial: T, label: string): Draft<T> {
  const [fields] = useState(() => Object.keys(initial) as (keyof T & string)[]);
  const [firstOffer] = useState(() => {
    const stored = readDraft(key, initial);
    return stored && !sameValues(stored.values, initial) ? stored : null;
  });
  const [values, setValues] = useState(initial);
  const [baseline, setBaseline] = useState(initial);
  const [offer, setOffer] = useState<StoredDraft<T> | null>(firstOffer);
  const [revision, setRevision] = useState(0);

  // The same, for callbacks that run outside rendering (timers, unload, the leave guard).
  const valuesRef = useRef(initial);
  const baselineRef = useRef(initial);
  const offerRef = useRef(firstOffer);
  const labelRef = useRef(label);
  const pending = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    labelRef.current = label;
  }, [label]);

  /** Writes what should be offered next time: the values typed, else a draft still awaiting a decision, else none. */
  const persist = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (!pending.current) return;
    pending.current = false;
    if (!sameValues(valuesRef.current, baselineRef.current))
      writeDraft(key, { savedAt: new Date().toISOString(), values: valuesRef.current });
    else if (offerRef.current) writeDraft(key, offerRef.current);
    else removeDraft(key);
  }, [key]);

  const replace = useCallback(
    (next: T) => {
      valuesRef.current = next;
      setValues(next);
      pending.current = true;
      clearTimeout(timer.current);
      timer.current = setTimeout(persist, DRAFT_DELAY_MS);
    },
    [persist],
  );

  const set = useMemo(() => {
    const setters: Partial<DraftSetters<T>> = {};
    for (const field of fields) setters[field] = (value) => replace({ ...valuesRef.current, [field]: value });
    return setters as DraftSetters<T>;
  }, [fields, replace]);

  const dropOffer = useCallback(() => {
    offerRef.current = null;
    setOffer(null);
  }, []);

  const restore = useCallback(() => {
    const offered = offerRef.current;
    if (!offered) return;
    dropOffer();
    replace(offered.values);
    setRevision((count) => count + 1);
    persist();
  }, [dropOffer, replace, persist]);

  const discard = useCallback(() => {
    dropOffer();
    pending.current = true;
    persist();
  }, [dropOffer, persist]);

  const saved = useCallback(
    (submitted: T) => {
      dropOffer();
      baselineRef.current = submitted;
      setBaseline(submitted);
      // Typing that went on while the save ran is still a draft.
      pending.current = true;
      persist();
    },
    [dropOffer, persist],
  );

  const save = useCallback(
    async <R,>(saving: Promise<R | undefined>): Promise<R | undefined> => {
      const submitted = valuesRef.current;
      const result = await saving;
      if (result !== undefined) saved(submitted);
      return result;
    },
    [saved],
  );

  const clear = useCallback(() => {
    clearTimeout(timer.current);
    pending.current = false;
    dropOffer();
    baselineRef.current = valuesRef.current;
    setBaseline(valuesRef.current);
    removeDraft(key);
  }, [dropOffer, key]);

  useEffect(() => {
    // A draft stored earlier that matches the record, or that this form cannot read, is no draft at all.
    if (!offerRef.current && !pending.current) removeDraft(key);
    const unregister = registerOpenForm({
      key,
      label: () => labelRef.current,
      isDirty: () => !sameValues(valuesRef.current, baselineRef.current),
      flush: persist,
      clear,
    });
    return () => {
      // Closing the form (leaving the record, the section or the page) keeps what was typed.
      persist();
      unregister();
    };
  }, [key, persist, clear]);

  return {
    values,
    set,
    offer: offer && { savedAt: offer.savedAt },
    restore,
    discard,
    saved,
    save,
    clear,
    revision,
    dirty: !sameValues(values, baseline),
  };
}
