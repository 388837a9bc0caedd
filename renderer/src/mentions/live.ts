/**
 * The open case's mentions as the page sees them: the mentions worker builds them from the database when the case is
 * opened, and hears of every committed write to its documents and entities from the database's `SearchedWrites` (the
 * same watch that keeps search current), so they stay current whichever operation wrote. The page keeps only the
 * status and a version that views compare to know they should ask again.
 */
import type { CasebookDB } from '../db/schema';
import { watchSearchedWrites, type SearchedChanges, type SearchedWrites } from '../search/writes';
import { MentionsConnection } from './connection';
import type { Mention } from './names';
import type { DocumentMentions, EntityTotal, MentionsStatus } from './protocol';

/** One case's mentions, open in the mentions worker. */
export class OpenMentions {
  status: MentionsStatus = { state: 'building', done: 0, total: 0 };
  /** Counts each change of status or mentions. */
  version = 0;
  private readonly listeners = new Set<() => void>();
  private closed = false;

  constructor(
    readonly caseId: string,
    private readonly connection: MentionsConnection,
    private readonly writesForwarded: () => Promise<void>,
  ) {
    connection.open(caseId).catch((error: unknown) => this.update({ state: 'failed', message: error instanceof Error ? error.message : String(error) }));
  }

  /** Calls `listener` when the status or the mentions change. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  update(status: MentionsStatus): void {
    if (this.closed) return;
    this.status = status;
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves when the case is built and every write committed so far is in its mentions. */
  async settled(): Promise<void> {
    await this.writesForwarded();
    await this.connection.settled();
  }

  mentionsIn(documentId: string): Promise<Mention[]> {
    return this.connection.mentionsIn(documentId);
  }

  mentionsInText(text: string): Promise<Mention[]> {
    return this.connection.mentionsInText(text);
  }

  entityTotals(): Promise<EntityTotal[]> {
    return this.connection.entityTotals();
  }

  entityMentions(entityId: string, perDocument: number): Promise<DocumentMentions[]> {
    return this.connection.entityMentions(entityId, perDocument);
  }

  mentionsCsv(): Promise<Uint8Array<ArrayBuffer>> {
    return this.connection.mentionsCsv();
  }

  close(): void {
    this.closed = true;
    this.listeners.clear();
  }
}

const WATCHED = ['document:', 'entity:'];
const watched = (key: string) => WATCHED.some((prefix) => key.startsWith(prefix));

/** The mentions of the case open in the window: one at a time, so the worker holds one case's texts. */
export class LiveMentions {
  private connection: MentionsConnection | null = null;
  private current: OpenMentions | null = null;

  constructor(
    private readonly db: CasebookDB,
    private readonly writes: SearchedWrites,
  ) {
    writes.onCommitted((changes) => this.forward(changes));
  }

  /** The case's mentions, built on first use; opening another case lets the one before go. */
  of(caseId: string): OpenMentions {
    if (this.current?.caseId === caseId) return this.current;
    this.current?.close();
    this.connection ??= MentionsConnection.onDatabase(this.db, (openCase, status) => {
      if (!openCase || openCase === this.current?.caseId) this.current?.update(status);
    });
    this.current = new OpenMentions(caseId, this.connection, () => this.writes.settled());
    return this.current;
  }

  /** Ends the worker; the next `of` starts afresh. */
  close(): void {
    this.current?.close();
    this.current = null;
    this.connection?.close();
    this.connection = null;
  }

  private forward(changes: SearchedChanges): void {
    const open = this.current;
    if (!open || !this.connection) return;
    if (changes.deletedCases.has(open.caseId)) {
      open.close();
      this.current = null;
      return;
    }
    const keys = [...changes.deleted, ...(changes.byCase.get(open.caseId) ?? [])].filter(watched);
    if (keys.length) this.connection.changes(keys);
  }
}

const attached = new WeakMap<CasebookDB, LiveMentions>();

/** Live mentions on a database, the same on every call; its writes are watched as search's are (`watchSearchedWrites`). */
export function attachMentions(db: CasebookDB): LiveMentions {
  let live = attached.get(db);
  if (!live) {
    live = new LiveMentions(db, watchSearchedWrites(db));
    attached.set(db, live);
  }
  return live;
}
