/**
 * Drafts kept on the disk, not only in local storage (components/drafts.ts). Chromium writes local storage to the disk a few seconds after a
 * change, so a browser that crashes, is killed or loses power right after the researcher typed loses the draft (an
 * end-to-end test kills Chromium to show it). Each draft written to local storage is also written here, to an
 * IndexedDB database of its own whose transactions commit with strict durability: once written, it is on the disk.
 * At start-up, before any form opens, `restoreDrafts` puts back in local storage the drafts it lost, so forms keep
 * reading their draft synchronously from local storage as before.
 */
import Dexie, { type Table } from 'dexie';

/** One draft as local storage holds it (`text`, the stored JSON), with the time it was written, to tell which is newer. */
export interface DurableDraft {
  key: string;
  savedAt: string;
  text: string;
}

/** Its own database, not a table of the case library: drafts are this computer's, and go in no archive or backup. */
export const DRAFTS_DB_NAME = 'casebook-drafts';

class DraftsDB extends Dexie {
  declare drafts: Table<DurableDraft, string>;

  constructor() {
    super(DRAFTS_DB_NAME, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ drafts: 'key' });
  }
}

let opened: DraftsDB | null | undefined;

/** The database, or null where there is no IndexedDB (site data blocked): drafts then live in local storage only. */
function database(): DraftsDB | null {
  if (opened === undefined) opened = typeof indexedDB === 'undefined' ? null : new DraftsDB();
  return opened;
}

/** What the last write of each key left to wait for, so tests and start-up can wait for the disk. */
let writing: Promise<void> = Promise.resolve();

function write(what: string, change: (db: DraftsDB) => Promise<unknown>): void {
  const db = database();
  if (!db) return;
  // IndexedDB runs read-write transactions on one store in the order they were made: a removal after a write stays last.
  const done = change(db).then(
    () => undefined,
    (error: unknown) => console.warn(`[casebook] could not keep ${what} on the disk; it stays in local storage`, error),
  );
  writing = writing.then(() => done);
}

/** Keeps a draft on the disk as well; returns at once (the write completes on its own). */
export function keepDraftOnDisk(draft: DurableDraft): void {
  write(`the draft ${draft.key}`, (db) => db.drafts.put(draft));
}

/** Forgets a draft on the disk as well. */
export function forgetDraftOnDisk(key: string): void {
  write(`the removal of the draft ${key}`, (db) => db.drafts.delete(key));
}

/** The disk's side of drafts, as components/drafts.ts is given it at start-up (views never import the database). */
export const draftDisk = { keep: keepDraftOnDisk, forget: forgetDraftOnDisk, restore: restoreDrafts };

/** Resolves once every draft written so far is committed (or has failed and been reported). */
export function draftsWritten(): Promise<void> {
  return writing;
}

/** The time a draft stored as `text` was written, or '' when it cannot be read (an older draft always loses). */
export function savedAtOf(text: string | null): string {
  if (text === null) return '';
  try {
    const parsed: unknown = JSON.parse(text);
    const savedAt = typeof parsed === 'object' && parsed !== null ? (parsed as { savedAt?: unknown }).savedAt : undefined;
    return typeof savedAt === 'string' ? savedAt : '';
  } catch {
    return '';
  }
}

/**
 * Merges the drafts on the disk and those in local storage, the newer of the two winning for each form: a draft the
 * disk kept and local storage lost (a crash) is put back in local storage; one only local storage holds (written
 * before this module existed, or when the disk refused) is written to the disk. Drafts in local storage are those
 * whose key starts with `prefix`. Never throws: without the database, local storage stays as it is. Returns how many
 * drafts it put back in local storage.
 */
export async function restoreDrafts(storage: Storage, prefix: string): Promise<number> {
  const db = database();
  if (!db) return 0;
  try {
    const onDisk = new Map((await db.drafts.toArray()).map((draft) => [draft.key, draft]));
    let restored = 0;
    for (const draft of onDisk.values()) {
      if (savedAtOf(storage.getItem(draft.key)) >= draft.savedAt) continue;
      storage.setItem(draft.key, draft.text);
      restored += 1;
    }
    const onlyLocal: DurableDraft[] = [];
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index);
      if (!key?.startsWith(prefix) || onDisk.has(key)) continue;
      const text = storage.getItem(key)!;
      onlyLocal.push({ key, savedAt: savedAtOf(text), text });
    }
    if (onlyLocal.length) await db.drafts.bulkPut(onlyLocal);
    return restored;
  } catch (error) {
    console.warn('[casebook] could not read the drafts kept on the disk; those in local storage stay', error);
    return 0;
  }
}
