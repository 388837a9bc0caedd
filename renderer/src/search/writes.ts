/**
 * What search needs to hear of every write, without the domain layer knowing: a Dexie middleware sees each write to
 * the searched tables (and the history entries and case deletions written with them) and, once the transaction has
 * committed, tells its listeners which records changed in which case. Install it with `watchSearchedWrites(db)`
 * before the database opens; the indexes that listen (`indexing.ts`) load later, with the first case searched.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import type { CaseRecord, HistoryEntry } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { SEARCHED_TABLES, isSearchedTable, keyOf } from './searchedTables';

/** What one write transaction changed, by case; deletions name only keys, so they concern every case. */
export interface SearchedChanges {
  byCase: Map<string, Set<string>>;
  deleted: Set<string>;
  /** The history entries written, by case. */
  seqs: Map<string, number[]>;
  deletedCases: Set<string>;
}

type ChangesListener = (changes: SearchedChanges) => void;

export class SearchedWrites {
  private readonly listeners = new Set<ChangesListener>();
  /** Write transactions with changes not yet told: settled when they commit or fail. */
  private readonly inFlight = new Set<Promise<void>>();
  private readonly pending = new WeakMap<object, SearchedChanges>();

  /** Hears the changes of each write transaction as it commits; returns what stops listening. */
  onCommitted(listener: ChangesListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once every write transaction that has committed so far has had its changes told. */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.all(this.inFlight);
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

  /** The changes collected for a transaction, set up to be told when it commits (and dropped if it fails). */
  private changesOf(transaction: object): SearchedChanges | null {
    const known = this.pending.get(transaction);
    if (known) return known;
    if (!isEventTarget(transaction)) return null;
    const changes: SearchedChanges = { byCase: new Map(), deleted: new Set(), seqs: new Map(), deletedCases: new Set() };
    this.pending.set(transaction, changes);
    const settled = new Promise<void>((resolve) => {
      const finish = (committed: boolean) => () => {
        this.pending.delete(transaction);
        if (committed) for (const listener of this.listeners) listener(changes);
        resolve();
      };
      transaction.addEventListener('complete', finish(true), { once: true });
      transaction.addEventListener('abort', finish(false), { once: true });
    });
    this.inFlight.add(settled);
    void settled.then(() => this.inFlight.delete(settled));
    return changes;
  }
}

/** Notes one successful mutation of a watched table in its transaction's changes. */
function record(
  changes: SearchedChanges,
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

const watched = new WeakMap<CasebookDB, SearchedWrites>();

/**
 * Installs the middleware on a database; call it where the database instance is created, before its first query
 * (Dexie sets up middleware when it opens). Returns the same watch on every call.
 */
export function watchSearchedWrites(db: CasebookDB): SearchedWrites {
  let writes = watched.get(db);
  if (!writes) {
    if (db.isOpen())
      throw new Error('Search cannot watch a database that is already open: call watchSearchedWrites(db) where it is created.');
    writes = new SearchedWrites();
    watched.set(db, writes);
    db.use(writes.middleware());
  }
  return writes;
}
