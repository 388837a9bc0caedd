/**
 * Keeps the open search indexes current: each case's index (kept in the search worker) hears the changes of every
 * committed write to its case from the database's `SearchedWrites`, and is saved when the window is hidden or
 * closed. This loads with the first case searched; the writes made before it are caught up when an index opens.
 */
import type { CasebookDB } from '../db/schema';
import { SearchConnection } from './connection';
import { CaseSearchIndex } from './SearchIndex';
import { watchSearchedWrites, type SearchedChanges, type SearchedWrites } from './writes';

/** Case indexes kept open at once: the case being worked on and the one before it. */
const OPEN_INDEXES = 2;

export class SearchIndexing {
  private readonly indexes = new Map<string, CaseSearchIndex>();
  /** The search worker, started when the first case index is opened. */
  private connection: SearchConnection | null = null;

  constructor(
    private readonly db: CasebookDB,
    private readonly writes: SearchedWrites,
  ) {
    writes.onCommitted((changes) => this.forward(changes));
    if (typeof document !== 'undefined')
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden') void this.saveAll();
      });
    if (typeof window !== 'undefined') window.addEventListener('pagehide', () => void this.saveAll());
  }

  /** The case's index, opened (loaded, caught up or built) on first use. */
  indexFor(caseId: string): CaseSearchIndex {
    let index = this.indexes.get(caseId);
    if (index) {
      // Most recently used last.
      this.indexes.delete(caseId);
      this.indexes.set(caseId, index);
      return index;
    }
    this.connection ??= new SearchConnection(this.db);
    index = new CaseSearchIndex(this.db, caseId, {
      connection: this.connection,
      writesForwarded: () => this.writesForwarded(),
    });
    this.indexes.set(caseId, index);
    for (const [oldCaseId, old] of this.indexes) {
      if (this.indexes.size <= OPEN_INDEXES) break;
      this.indexes.delete(oldCaseId);
      old.close({ save: true });
    }
    return index;
  }

  /** Closes every index, unsaved, and ends the search worker; the next `indexFor` starts afresh. */
  close(): void {
    for (const index of this.indexes.values()) index.close();
    this.indexes.clear();
    this.connection?.close();
    this.connection = null;
  }

  /** Resolves once every write transaction that has committed so far has had its changes forwarded. */
  writesForwarded(): Promise<void> {
    return this.writes.settled();
  }

  /** Saves every open index that changed since it was saved; what the window does when it is hidden or closed. */
  async saveAll(): Promise<void> {
    await Promise.all([...this.indexes.values()].map((index) => index.saveIfChanged().catch(() => {})));
  }

  private forward(changes: SearchedChanges): void {
    for (const caseId of changes.deletedCases) {
      this.indexes.get(caseId)?.close();
      this.indexes.delete(caseId);
    }
    for (const [caseId, index] of this.indexes) {
      const keys = [...changes.deleted, ...(changes.byCase.get(caseId) ?? [])];
      const seqs = changes.seqs.get(caseId) ?? [];
      if (keys.length || seqs.length) index.enqueue(keys, seqs);
    }
  }
}

const registries = new WeakMap<CasebookDB, SearchIndexing>();

/**
 * Search indexing on a database, the same on every call. Its writes must be watched from before it opens:
 * `watchSearchedWrites(db)` where the database is created, or this call, made there.
 */
export function attachSearchIndexing(db: CasebookDB): SearchIndexing {
  let indexing = registries.get(db);
  if (!indexing) {
    indexing = new SearchIndexing(db, watchSearchedWrites(db));
    registries.set(db, indexing);
  }
  return indexing;
}

/** The open search index of a case, for views and the benchmark. */
export function searchIndexFor(db: CasebookDB, caseId: string): CaseSearchIndex {
  const indexing = registries.get(db);
  if (!indexing)
    throw new Error(
      'Search is not set up on this database: call attachSearchIndexing(db) where the database is created.',
    );
  return indexing.indexFor(caseId);
}
