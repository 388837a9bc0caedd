/**
 * Keeps search indexes current without the domain layer knowing: a Dexie middleware sees every write to the searched
 * tables (and the history entries written with them) and, once the transaction has committed, forwards the keys of
 * the changed records to the open index of their case, whose worker reads them again. Install it with
 * `attachSearchIndexing(db)` before the database opens.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import type { CaseRecord, HistoryEntry } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { SearchConnection } from './connection';
import { SEARCHED_TABLES, isSearchedTable, keyOf } from './searchFields';
import { CaseSearchIndex } from './SearchIndex';

/** Case indexes kept open at once: the case being worked on and the one before it. */
const OPEN_INDEXES = 2;

/** What one write transaction changed, by case; deletions name only keys, so they go to every open index. */
interface TransactionChanges {
  byCase: Map<string, Set<string>>;
  deleted: Set<string>;
  seqs: Map<string, number[]>;
  deletedCases: Set<string>;
}

export class SearchIndexing {
  private readonly indexes = new Map<string, CaseSearchIndex>();
  /** The search worker, started when the first case index is opened. */
  private connection: SearchConnection | null = null;
  /** Write transactions with changes not yet forwarded: settled when they commit or fail. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly db: CasebookDB) {
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
  async writesForwarded(): Promise<void> {
    while (this.inFlight.size) await Promise.all(this.inFlight);
  }

  /** Saves every open index that changed since it was saved; what the window does when it is hidden or closed. */
  async saveAll(): Promise<void> {
    await Promise.all([...this.indexes.values()].map((index) => index.saveIfChanged().catch(() => {})));
  }

  /** The middleware to install on the database. */
  middleware(): Middleware<DBCore> {
    return {
      stack: 'dbcore',
      name: 'search-indexing',
      create: (down: DBCore) => ({
        ...down,
        table: (name: string) => {
          const table = down.table(name);
          return isSearchedTable(name) || name === 'history' || name === 'cases' ? this.watch(name, table) : table;
        },
      }),
    };
  }

  private watch(name: string, table: DBCoreTable): DBCoreTable {
    return {
      ...table,
      mutate: async (request) => {
        // Listening to the transaction before writing, so its completion cannot be missed.
        const changes = this.changesOf(request.trans);
        const response = await table.mutate(request);
        if (changes) {
          const failed = new Set(Object.keys(response.failures).map(Number));
          record(changes, name, request, response.results, failed);
        }
        return response;
      },
    };
  }

  private readonly pending = new WeakMap<object, TransactionChanges>();

  /** The changes collected for a transaction, set up to be forwarded when it commits (and dropped if it fails). */
  private changesOf(transaction: object): TransactionChanges | null {
    const known = this.pending.get(transaction);
    if (known) return known;
    if (!isEventTarget(transaction)) return null;
    const changes: TransactionChanges = { byCase: new Map(), deleted: new Set(), seqs: new Map(), deletedCases: new Set() };
    this.pending.set(transaction, changes);
    const settled = new Promise<void>((resolve) => {
      const finish = (committed: boolean) => () => {
        this.pending.delete(transaction);
        if (committed) this.forward(changes);
        resolve();
      };
      transaction.addEventListener('complete', finish(true), { once: true });
      transaction.addEventListener('abort', finish(false), { once: true });
    });
    this.inFlight.add(settled);
    void settled.then(() => this.inFlight.delete(settled));
    return changes;
  }

  private forward(changes: TransactionChanges): void {
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

/** Notes one successful mutation of a watched table in its transaction's changes. */
function record(
  changes: TransactionChanges,
  table: string,
  request: DBCoreMutateRequest,
  results: unknown[] | undefined,
  failed: ReadonlySet<number>,
): void {
  if (table === 'cases') {
    if (request.type === 'delete') request.keys.forEach((key) => changes.deletedCases.add(key as string));
    return;
  }
  if (table === 'history') {
    if (request.type !== 'add') return;
    request.values.forEach((value, index) => {
      const seq = results?.[index];
      if (failed.has(index) || typeof seq !== 'number') return;
      const { caseId } = value as HistoryEntry;
      changes.seqs.set(caseId, [...(changes.seqs.get(caseId) ?? []), seq]);
    });
    return;
  }
  const type = SEARCHED_TABLES[table as keyof typeof SEARCHED_TABLES];
  switch (request.type) {
    case 'add':
    case 'put':
      request.values.forEach((value, index) => {
        if (failed.has(index)) return;
        const record = value as CaseRecord;
        const key = keyOf({ type, id: record.id });
        const forCase = changes.byCase.get(record.caseId) ?? new Set<string>();
        forCase.add(key);
        changes.byCase.set(record.caseId, forCase);
        changes.deleted.delete(key);
      });
      break;
    case 'delete':
      request.keys.forEach((id, index) => {
        if (failed.has(index)) return;
        const key = keyOf({ type, id: id as string });
        changes.deleted.add(key);
        for (const forCase of changes.byCase.values()) forCase.delete(key);
      });
      break;
    case 'deleteRange':
      // Not how Casebook deletes records (it deletes by key); an index that misses one drops it when a search finds
      // the record gone, and the next opening's catch-up compares keys.
      break;
  }
}

function isEventTarget(value: object): value is EventTarget {
  return typeof (value as Partial<EventTarget>).addEventListener === 'function';
}

const registries = new WeakMap<CasebookDB, SearchIndexing>();

/**
 * Installs search indexing on a database; call it where the database instance is created, before its first query.
 * Returns the registry of case indexes, the same on every call.
 */
export function attachSearchIndexing(db: CasebookDB): SearchIndexing {
  let indexing = registries.get(db);
  if (!indexing) {
    indexing = new SearchIndexing(db);
    registries.set(db, indexing);
    db.use(indexing.middleware());
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
