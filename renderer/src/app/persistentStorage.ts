/**
 * Asks the browser to keep the case library when the disk runs low. Without this, Chromium may evict an origin's
 * IndexedDB under storage pressure; with it, only the researcher can clear it. Electron grants it to the app's own
 * pages (electron/main/services/security.ts); a browser grants it or not by its own rules (a bookmarked or installed
 * site usually gets it) and never asks the researcher.
 */

export type PersistenceState =
  /** The library is kept until the researcher clears it. */
  | 'persisted'
  /** The browser declined: the library stays, but may be cleared if the disk runs out of space. */
  | 'refused'
  /** This browser cannot be asked (an older one, or a context without the Storage API). */
  | 'unavailable';

type StorageManagerLike = Pick<StorageManager, 'persisted' | 'persist'>;

/** Asks once; never throws, since the app works the same either way. */
export async function requestPersistentStorage(
  storage: StorageManagerLike | undefined = globalThis.navigator?.storage,
): Promise<PersistenceState> {
  if (!storage || typeof storage.persist !== 'function') return 'unavailable';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'persisted';
    return (await storage.persist()) ? 'persisted' : 'refused';
  } catch {
    return 'unavailable';
  }
}

let known: PersistenceState | null = null;
const listeners = new Set<(state: PersistenceState) => void>();

/** Requests persistence at start-up and remembers the answer for whoever shows it. */
export async function startPersistentStorage(): Promise<PersistenceState> {
  known = await requestPersistentStorage();
  if (known !== 'persisted')
    console.info(
      known === 'refused'
        ? '[casebook] the browser did not grant persistent storage: it may clear the case library if the disk runs low.'
        : '[casebook] persistent storage cannot be requested in this browser.',
    );
  listeners.forEach((listener) => listener(known!));
  return known;
}

/** Calls back with the answer once known (at once when it already is); returns how to stop listening. */
export function onPersistenceKnown(listener: (state: PersistenceState) => void): () => void {
  if (known) listener(known);
  listeners.add(listener);
  return () => listeners.delete(listener);
}
