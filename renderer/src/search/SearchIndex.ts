/**
 * One case's search index as the page sees it. The index itself lives in the search worker (`caseIndex.ts`), which
 * opens, builds, saves and searches it; this side forwards the case's changes, asks the questions and keeps the
 * state the worker reports, so views read a status and subscribe as if the index were here.
 */
import type { CasebookDB } from '../db/schema';
import { SearchConnection } from './connection';
import type { IndexOrigin, IndexStatus, SearchHit, SearchOptions, SearchTimings } from './protocol';

export type { IndexOrigin, IndexStatus, SearchHit, SearchOptions, SearchTimings } from './protocol';

export interface CaseSearchIndexOptions {
  /** The line to the search worker; without one, the index opens its own and ends it when closed. */
  connection?: SearchConnection;
  /** Resolves once writes committed so far have had their changes forwarded here. */
  writesForwarded?: () => Promise<void>;
}

export class CaseSearchIndex {
  status: IndexStatus = { state: 'opening' };
  origin: IndexOrigin | null = null;
  /** Resolves when the index is open (loaded, caught up or built); rejects if it could not be. */
  readonly ready: Promise<void>;

  private readonly connection: SearchConnection;
  private readonly ownsConnection: boolean;
  private readonly writesForwarded: () => Promise<void>;
  private readonly number: number;
  private records = 0;
  private changes = 0;
  private closed = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    db: CasebookDB,
    readonly caseId: string,
    options: CaseSearchIndexOptions = {},
  ) {
    this.ownsConnection = !options.connection;
    this.connection = options.connection ?? new SearchConnection(db);
    this.writesForwarded = options.writesForwarded ?? (() => Promise.resolve());
    this.number = this.connection.register({
      state: (state) => {
        if (this.closed) return;
        this.status = state.status;
        this.origin = state.origin;
        this.records = state.recordCount;
        this.notify();
      },
      lost: (message) => {
        if (this.closed) return;
        this.status = { state: 'failed', message };
        this.notify();
      },
    });
    this.ready = this.connection.ask({ type: 'open', index: this.number, caseId });
    // A failure is reported through `status` and `ready`; nothing else waits on it.
    this.ready.catch(() => {});
  }

  /** Calls `listener` when the status or the indexed records change, so a view can search again. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** How many records the index holds, as last reported. */
  get recordCount(): number {
    return this.records;
  }

  /** Counts every change of status or content: what views compare to know they should search again. */
  get version(): number {
    return this.changes;
  }

  /** Sends the keys of changed records, and the history entries (`seqs`) whose changes they are. */
  enqueue(keys: Iterable<string>, seqs: Iterable<number> = []): void {
    if (this.closed) return;
    this.connection.tell({ type: 'changes', index: this.number, keys: [...keys], seqs: [...seqs] });
  }

  /** Resolves when the index is open and every change committed so far is in it. */
  async flush(): Promise<void> {
    await this.ready;
    await this.writesForwarded();
    await this.connection.ask({ type: 'flush', index: this.number });
  }

  async search(input: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    return (await this.searchWithTimings(input, options)).hits;
  }

  /** Searches, and says where the time went in the worker: what a diagnosis (or the benchmark) looks at. */
  searchWithTimings(input: string, { limit = 20 }: SearchOptions = {}): Promise<{ hits: SearchHit[]; timings: SearchTimings }> {
    if (this.closed) return Promise.reject(new Error('This case’s search index was closed; search again to reopen it.'));
    return this.connection.ask({ type: 'search', index: this.number, query: input, limit });
  }

  /** Saves the index now, with the fingerprint of what it holds. */
  async save(): Promise<void> {
    await this.writesForwarded();
    await this.connection.ask({ type: 'save', index: this.number, onlyIfChanged: false });
  }

  /** Saves the index if anything changed since it was saved or loaded. */
  async saveIfChanged(): Promise<void> {
    if (this.closed) return;
    await this.writesForwarded();
    await this.connection.ask({ type: 'save', index: this.number, onlyIfChanged: true });
  }

  /** Stops all work; the index is saved first if `save` and it changed (the page let it go), else not (the case is gone). */
  close({ save = false }: { save?: boolean } = {}): void {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    this.connection.tell({ type: 'close', index: this.number, save });
    this.connection.unregister(this.number);
    if (this.ownsConnection) this.connection.close();
  }

  private notify(): void {
    this.changes++;
    for (const listener of this.listeners) listener();
  }
}
