/**
 * What the storage view tells the researcher about where their cases live and how safely: whether the browser keeps
 * the storage for good, how much is used of how much it allows, which databases hold it, and how writes commit. Read
 * fresh each time from the browser's Storage API, never remembered.
 */
import { LIBRARY_DURABILITY } from '../db/schema';
import { DRAFTS_DB_NAME } from '../db/draftStore';
import { db } from './database';

export interface StorageState {
  /** Whether the browser keeps this origin's storage until the researcher clears it; null when it cannot say. */
  persisted: boolean | null;
  /** Bytes this origin stores (every database, cache and file of it), and the most the browser lets it store; null when unknown. */
  usage: number | null;
  quota: number | null;
  /** The IndexedDB databases the app keeps: the case library and the drafts. */
  databases: { library: string; drafts: string };
  /** How the case library's writes commit: 'strict', each reported done once on the disk. */
  durability: string;
}

type StorageManagerLike = Pick<StorageManager, 'persisted' | 'estimate'>;

/** Asks the browser; never throws (what it cannot tell is null). */
export async function readStorageState(storage: StorageManagerLike | undefined = globalThis.navigator?.storage): Promise<StorageState> {
  const [persisted, estimate] = await Promise.all([
    storage && typeof storage.persisted === 'function' ? storage.persisted().catch(() => null) : null,
    storage && typeof storage.estimate === 'function' ? storage.estimate().catch(() => null) : null,
  ]);
  return {
    persisted,
    usage: estimate?.usage ?? null,
    quota: estimate?.quota ?? null,
    databases: { library: db.name, drafts: DRAFTS_DB_NAME },
    durability: LIBRARY_DURABILITY,
  };
}
