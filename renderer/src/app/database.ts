import { CasebookDB } from '../db/schema';
import { BLOCKED_UPGRADE_MESSAGE } from '../db/errors';
import { watchSearchedWrites } from '../search/writes';

/**
 * The app's one database, wired once at start-up: search watches its writes from here, before the first query, so the
 * database module itself knows nothing of search. Only `app/` imports this; views go through
 * `app/casebook.ts` (an open case) and `app/library.ts` (the start).
 */
export const db = new CasebookDB();

// Whichever domain operation writes, the open cases' search indexes hear of it (see app/caseSearch.ts).
watchSearchedWrites(db);

type StorageListener = (message: string) => void;
const storageListeners = new Set<StorageListener>();

/** Lets the app shell show storage problems that happen outside any user action (blocked upgrade, closed db). */
export function onStorageProblem(listener: StorageListener): () => void {
  storageListeners.add(listener);
  return () => storageListeners.delete(listener);
}

const report = (message: string) => storageListeners.forEach((listener) => listener(message));

db.on('blocked', () => report(BLOCKED_UPGRADE_MESSAGE));
db.on('versionchange', () => {
  // Another window is upgrading the database: close ours so it can proceed, and say why this one stopped.
  db.close();
  report('Casebook was updated in another window. Reload this window to go on; what was saved is safe.');
  return false;
});
