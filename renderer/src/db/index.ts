import { BLOCKED_UPGRADE_MESSAGE } from './errors';
import { attachSearchIndexing } from '../search';
import { CasebookDB } from './schema';

export { CasebookDB } from './schema';
export { describeStorageError } from './errors';

/** The app's one database instance. */
export const db = new CasebookDB();
// Keeps each open case's search index in step with every write, whichever domain operation made it.
attachSearchIndexing(db);

type StorageListener = (message: string) => void;
const listeners = new Set<StorageListener>();

/** Lets the app shell show storage problems that happen outside any user action (blocked upgrade, closed db). */
export function onStorageProblem(listener: StorageListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const report = (message: string) => listeners.forEach((listener) => listener(message));

db.on('blocked', () => report(BLOCKED_UPGRADE_MESSAGE));
db.on('versionchange', () => {
  // Another window is upgrading the database: close ours so it can proceed, and say why this one stopped.
  db.close();
  report('Casebook was updated in another window. Reload this window to go on; what was saved is safe.');
  return false;
});
