/**
 * Drafts: what a researcher has typed into a form and not yet saved, kept in localStorage so that neither a reload,
 * a closed window nor a trip to another record loses it, and on the disk at once (db/draftStore.ts) so that a crash does
 * not either. Also the list of open forms with unsaved changes, which the app asks about before leaving them. The React side is `useDraft`; this module knows nothing of React.
 */

/** A form's values, by field: what JSON keeps (text, rich-text JSON, null). */
export type DraftValues = Record<string, unknown>;

export interface StoredDraft<T extends DraftValues = DraftValues> {
  /** When it was last written, as an ISO date. */
  savedAt: string;
  values: T;
}

const PREFIX = 'casebook.draft:';
const FORMAT = 1;

/** Where drafts are also kept, on the disk: db/draftStore.ts, given by `keepDraftsOnDisk` at start-up. */
export interface DraftDisk {
  keep(draft: { key: string; savedAt: string; text: string }): void;
  forget(key: string): void;
  /** Puts back in `storage` the drafts under `prefix` it lost; resolves to how many. */
  restore(storage: Storage, prefix: string): Promise<number>;
}

let disk: DraftDisk | null = null;

/**
 * The storage key of one form's draft: the form's kind and the record it edits, or "new" and the case a new record
 * would go to. Two windows editing the same record share its draft.
 */
export function draftKey(form: string, recordId?: string | null, caseId?: string): string {
  if (recordId) return `${PREFIX}${form}:${recordId}`;
  return caseId ? `${PREFIX}${form}:new:${caseId}` : `${PREFIX}${form}:new`;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // A browser with site data blocked throws on the mere access.
    return null;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether a stored value can stand in a field whose value is now `current`: the same kind of value, or, for a field
 * that may be empty (rich text: an object or null), either.
 */
function fits(stored: unknown, current: unknown): boolean {
  if (stored === null || current === null) return (stored === null || isRecord(stored)) && (current === null || isRecord(current));
  if (Array.isArray(current)) return Array.isArray(stored);
  if (isRecord(current)) return isRecord(stored);
  return typeof stored === typeof current;
}

/**
 * The draft stored under `key`, or null when there is none or it does not fit the form as it is now (written by
 * another version of the form, or damaged). `shape` is the form's current values, whose fields the draft must have.
 */
export function readDraft<T extends DraftValues>(key: string, shape: T): StoredDraft<T> | null {
  let text: string | null;
  try {
    text = storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(parsed) || parsed.format !== FORMAT || typeof parsed.savedAt !== 'string') return null;
  if (Number.isNaN(Date.parse(parsed.savedAt)) || !isRecord(parsed.values)) return null;
  const values = parsed.values;
  const fields = Object.keys(shape);
  if (Object.keys(values).length !== fields.length) return null;
  if (!fields.every((field) => field in values && fits(values[field], shape[field]))) return null;
  return { savedAt: parsed.savedAt, values: values as T };
}

/** Stores a draft; false when the browser refused (storage full or blocked): the form goes on, unprotected. */
export function writeDraft(key: string, draft: StoredDraft): boolean {
  try {
    const store = storage();
    if (!store) return false;
    const text = JSON.stringify({ format: FORMAT, savedAt: draft.savedAt, values: draft.values });
    store.setItem(key, text);
    disk?.keep({ key, savedAt: draft.savedAt, text });
    return true;
  } catch (error) {
    console.warn(`[casebook] could not keep a draft of ${key.slice(PREFIX.length)}`, error);
    return false;
  }
}

export function removeDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing stored can be removed where nothing can be stored.
  }
  disk?.forget(key);
}

/**
 * From now on keeps every draft on `store` as well, and puts back the drafts a crash took from local storage: run at
 * start-up, before any form opens. Resolves to how many it put back.
 */
export async function keepDraftsOnDisk(store: DraftDisk): Promise<number> {
  disk = store;
  const local = storage();
  return local ? store.restore(local, PREFIX) : 0;
}

export function hasDraft(key: string): boolean {
  try {
    return storage()?.getItem(key) != null;
  } catch {
    return false;
  }
}

/** Deep equality of two drafts' values, as JSON sees them (key order does not matter). */
export function sameValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameValues(item, b[index]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a).filter((key) => a[key] !== undefined);
  if (keys.length !== Object.keys(b).filter((key) => b[key] !== undefined).length) return false;
  return keys.every((key) => sameValues(a[key], b[key]));
}

/** An open form, as the app's guard against leaving it sees it. */
export interface OpenForm {
  key: string;
  /** What the form edits, in the researcher's words: "the new entity", "the note “Harbour lead”". */
  label: () => string;
  /** Whether it holds changes that are not saved. */
  isDirty: () => boolean;
  /** Writes the latest keystrokes to storage now rather than after the pause. */
  flush: () => void;
  /** Forgets the draft and what was typed, as Cancel does. */
  clear: () => void;
}

const openForms = new Set<OpenForm>();

export function registerOpenForm(form: OpenForm): () => void {
  openForms.add(form);
  return () => openForms.delete(form);
}

/** What each open form with unsaved changes edits, in the order they were opened. */
export function unsavedForms(): string[] {
  return [...openForms].filter((form) => form.isDirty()).map((form) => form.label());
}

/** Writes every open form's latest keystrokes to storage: before the page goes away. */
export function flushDrafts(): void {
  for (const form of openForms) form.flush();
}

/** Forgets a record's draft, in storage and in any open form: when the record itself is deleted. */
export function forgetDraft(key: string): void {
  for (const form of openForms) if (form.key === key) form.clear();
  removeDraft(key);
}
