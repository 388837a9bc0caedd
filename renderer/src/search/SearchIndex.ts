/**
 * One case's search index: opened from its saved copy and brought up to date, or built from the records a slice at
 * a time; kept current by the changes `indexing.ts` forwards after each commit; saved again when enough has changed
 * or the window is hidden; and searched, with quoted phrases checked and snippets cut from the records themselves.
 */
import type { RecordRef } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { recordTitle } from '../../../shared/vocabulary';
import { ENGINE_FORMAT, createEngine, engineQuery, indexedKeys, loadEngine, serializeEngine, type Engine } from './engine';
import { mayHoldPhrase, packPairFilters, pairFilterOf, unpackPairFilters } from './pairs';
import {
  caseKeys,
  changedSince,
  fingerprintOf,
  historySince,
  readRecords,
  readSaved,
  sameFingerprint,
  writeSaved,
  type Fingerprint,
} from './persistence';
import { parseQuery } from './query';
import { SEARCHED_TABLES, entryOf, keyOf, refOf, searchFieldsOf, type FieldName, type SearchEntry } from './records';
import { slice, whenIdle } from './schedule';
import { matchRecord, pageAt, type Snippet } from './snippet';

export interface SearchHit {
  ref: RecordRef;
  /** The record's name or title (an excerpt's quote, shortened). */
  title: string;
  snippet: Snippet;
  score: number;
  /** For a paged document (PDF), the page the snippet's match is on. */
  page?: number;
  /** For a document, where in its text the snippet's match starts. */
  offset?: number;
}

export interface SearchOptions {
  /** Most hits returned, best first; 20 unless given. */
  limit?: number;
}

export type IndexStatus =
  | { state: 'opening' }
  | { state: 'building'; done: number; total: number }
  | { state: 'ready' }
  | { state: 'failed'; message: string };

/** How the index came to be: loaded from its saved copy (updated for `caughtUp` records) or built from scratch. */
export type IndexOrigin = { from: 'saved'; caughtUp: number } | { from: 'built'; reason: string };

/** A change to apply: the record's new entry, or null when it was deleted. */
export type IndexChange = readonly [key: string, entry: SearchEntry | null];

/** Records indexed per read while building or catching up. */
const READ_BATCH = 100;
/** A saved index behind by more than this share of the case's records is rebuilt rather than caught up. */
const CATCH_UP_LIMIT = 0.25;
/** Unsaved changes that make a save worth its cost; fewer are cheaper to catch up on when the case is next opened. */
export const SAVE_AFTER_CHANGES = 200;
/** Quiet time after the last change before such a save. */
const SAVE_DELAY_MS = 5_000;
/** Candidates read per round when a quoted phrase must be checked in the records' text. */
const PHRASE_BATCH = 100;

export class CaseSearchIndex {
  status: IndexStatus = { state: 'opening' };
  origin: IndexOrigin | null = null;
  /** Resolves when the index is open (loaded, caught up or built); rejects if it could not be. */
  readonly ready: Promise<void>;

  private contents = new Contents();
  private readonly pending = new Map<string, SearchEntry | null>();
  /**
   * The history entry up to which every change of the case is in the index: what its saved copy will claim. Entries
   * after it count only once this window has seen their changes (`seen`); another window's are caught up on later.
   */
  private upTo = 0;
  private readonly seen = new Set<number>();
  /** Mutating work (opening, applying changes, saving) runs one task at a time, in order. */
  private work: Promise<void> = Promise.resolve();
  private draining = false;
  private unsaved = 0;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private readonly listeners = new Set<() => void>();
  private changes = 0;

  constructor(
    private readonly db: CasebookDB,
    readonly caseId: string,
    /** Resolves once writes committed so far have had their changes forwarded here. */
    private readonly writesForwarded: () => Promise<void> = () => Promise.resolve(),
  ) {
    this.ready = this.run(() => this.open());
    // A failure is reported through `status` and `ready`; nothing else waits on it.
    this.ready.catch(() => {});
  }

  /** Calls `listener` when the status or the indexed records change, so a view can search again. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get recordCount(): number {
    return this.contents.engine.documentCount;
  }

  /** Counts every change of status or content: what views compare to know they should search again. */
  get version(): number {
    return this.changes;
  }

  /**
   * Takes in changed records, and the history entries (`seqs`) whose changes they are; applied a slice at a time
   * once the index is open.
   */
  enqueue(changes: Iterable<IndexChange>, seqs: Iterable<number> = []): void {
    if (this.closed) return;
    for (const [key, entry] of changes) this.pending.set(key, entry);
    for (const seq of seqs) this.seen.add(seq);
    if (this.pending.size && !this.draining && this.status.state === 'ready') this.drainSoon();
  }

  /** Resolves when the index is open and every change committed so far is in it. */
  async flush(): Promise<void> {
    await this.ready;
    await this.writesForwarded();
    while (this.pending.size && !this.closed) {
      this.drainSoon();
      await this.work;
    }
    await this.work;
  }

  async search(input: string, { limit = 20 }: SearchOptions = {}): Promise<SearchHit[]> {
    const query = parseQuery(input);
    const contents = this.contents;
    const lookup = engineQuery(contents.engine, query.indexWords, query.lastIsPrefix);
    if (!lookup || limit <= 0) return [];
    let results = contents.engine.search(lookup);
    // Records with all the words of a phrase but never two of them side by side are not worth reading.
    if (query.phrases.length) results = results.filter((result) => contents.mayHold(result.id as string, query.phrases));
    const hits: SearchHit[] = [];
    const gone: IndexChange[] = [];
    // Without phrases every candidate is a hit unless deleted meanwhile; with phrases many may fail the check, so
    // candidates are read in batches, the next one read while the current one is checked.
    const size = query.phrases.length ? PHRASE_BATCH : limit;
    let start = 0;
    const read = () => {
      const batch = results.slice(start, start + size);
      start += batch.length;
      const refs = batch.map((result) => refOf(result.id as string));
      const records = readRecords(this.db, this.caseId, refs);
      records.catch(() => {});
      return { batch, refs, records };
    };
    for (let current = read(); current.batch.length && hits.length < limit; ) {
      const records = await current.records;
      const next = query.phrases.length && start < results.length ? read() : null;
      for (const [index, result] of current.batch.entries()) {
        const record = records[index];
        const ref = current.refs[index]!;
        if (!record) {
          gone.push([result.id as string, null]);
          continue;
        }
        const fields = searchFieldsOf(ref.type, record);
        const matchedFields = new Set(Object.values(result.match).flat() as FieldName[]);
        const found = matchRecord(fields, query, matchedFields);
        if (!found.matches) continue;
        const hit: SearchHit = { ref, title: recordTitle(ref.type, record), snippet: found.snippet, score: result.score };
        if ('text' in record && found.field === 'body' && found.offset !== null && found.offset < record.text.length) {
          hit.offset = found.offset;
          const page = pageAt(record.pages, found.offset);
          if (page !== null) hit.page = page;
        }
        hits.push(hit);
        if (hits.length === limit) break;
      }
      current = next ?? read();
    }
    // Records deleted where this index did not see it (another window): dropped from the index too.
    if (gone.length) this.enqueue(gone);
    return hits;
  }

  /** Saves the index now, with the fingerprint of what it holds. */
  save(): Promise<void> {
    return this.run(() => this.saveNow());
  }

  /** Saves the index if anything changed since it was saved or loaded. */
  async saveIfChanged(): Promise<void> {
    if (this.unsaved > 0 && this.status.state === 'ready') await this.save();
  }

  /** Stops all work; the index is not saved (the case is gone or the registry let it go). */
  close(): void {
    this.closed = true;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.pending.clear();
    this.listeners.clear();
  }

  // ---- opening

  private async open(): Promise<void> {
    try {
      // Taken before anything is read: every change up to it will be in the index once it is open.
      const current = await fingerprintOf(this.db, this.caseId);
      this.upTo = current.seq;
      const saved = await readSaved(this.db, this.caseId);
      let reason = 'no saved index';
      if (saved && saved.format !== ENGINE_FORMAT) reason = 'saved by another index format';
      else if (saved && saved.schemaVersion !== this.db.verno) reason = 'saved under another schema version';
      else if (saved) {
        const loaded = await loadEngine(saved.parts)
          .then((engine) => new Contents(engine, unpackPairFilters(saved.pairFilters)))
          .catch(() => null);
        const caughtUp = loaded && (await this.catchUp(loaded, saved.fingerprint, current));
        if (loaded && caughtUp !== null) {
          this.contents = loaded;
          this.origin = { from: 'saved', caughtUp };
          this.unsaved = caughtUp;
          this.setStatus({ state: 'ready' });
          return;
        }
        reason = loaded ? 'saved index too far behind' : 'saved index unreadable';
      }
      await this.build();
      this.origin = { from: 'built', reason };
      this.unsaved = Math.max(1, this.contents.engine.documentCount);
      this.setStatus({ state: 'ready' });
      if (!this.closed) await this.saveNow();
    } catch (error) {
      this.setStatus({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      if (this.pending.size) this.drainSoon();
    }
  }

  /**
   * Brings a loaded index up to date with the case: records added or deleted since it was saved (found by their
   * keys) and records edited since (named by the history entries after its fingerprint). Returns how many records
   * it re-read, or null when so much changed that building afresh is quicker.
   */
  private async catchUp(contents: Contents, saved: Fingerprint, current: Fingerprint): Promise<number | null> {
    const { engine } = contents;
    if (sameFingerprint(saved, current)) return 0;
    if (current.seq < saved.seq) return null;
    const keys = await caseKeys(this.db, this.caseId);
    const live = new Set(keys);
    const stale = [...indexedKeys(engine)].filter((key) => !live.has(key));
    const reread = new Set(keys.filter((key) => !engine.has(key)));
    for (const key of await changedSince(this.db, this.caseId, saved.seq)) if (live.has(key)) reread.add(key);
    if (reread.size + stale.length > Math.max(50, keys.length * CATCH_UP_LIMIT)) return null;
    for (const key of stale) contents.remove(key);
    await this.indexRecords(contents, [...reread]);
    return reread.size + stale.length;
  }

  private async build(): Promise<void> {
    await whenIdle();
    const keys = await caseKeys(this.db, this.caseId);
    this.contents = new Contents();
    this.setStatus({ state: 'building', done: 0, total: keys.length });
    await this.indexRecords(this.contents, keys, (done) =>
      this.setStatus({ state: 'building', done, total: keys.length }),
    );
  }

  /** Reads the records named and puts them in the index, a slice at a time. */
  private async indexRecords(contents: Contents, keys: readonly string[], progress?: (done: number) => void) {
    const clock = slice();
    for (let start = 0; start < keys.length && !this.closed; start += READ_BATCH) {
      const refs = keys.slice(start, start + READ_BATCH).map(refOf);
      const records = await readRecords(this.db, this.caseId, refs);
      for (const [index, record] of records.entries()) {
        const key = keyOf(refs[index]!);
        if (record) contents.put(entryOf(refs[index]!.type, record));
        else contents.remove(key);
        if (clock.due()) await clock.next();
      }
      progress?.(Math.min(keys.length, start + READ_BATCH));
    }
  }

  // ---- keeping up with changes

  private drainSoon(): void {
    if (this.draining || this.closed) return;
    this.draining = true;
    void this.run(async () => {
      try {
        await this.drain();
      } finally {
        this.draining = false;
      }
    });
  }

  private async drain(): Promise<void> {
    const clock = slice();
    let applied = 0;
    while (this.pending.size && !this.closed) {
      const [key, entry] = this.pending.entries().next().value!;
      this.pending.delete(key);
      if (entry) this.contents.put(entry);
      else this.contents.remove(key);
      applied++;
      if (clock.due()) await clock.next();
    }
    if (!applied || this.closed) return;
    this.unsaved += applied;
    this.notify();
    if (this.unsaved >= SAVE_AFTER_CHANGES) this.saveLater();
  }

  // ---- saving

  private saveLater(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.saveIfChanged().catch(() => {
        // The saved copy stays behind; the next opening catches up or rebuilds. Nothing for the researcher to do.
      });
    }, SAVE_DELAY_MS);
  }

  private async saveNow(): Promise<void> {
    if (this.closed || this.status.state !== 'ready') return;
    // Every change committed so far in this window goes in first, so the entries it has seen are in the copy.
    await this.writesForwarded();
    if (this.pending.size) await this.drain();
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const upTo = await this.advanceUpTo();
    const unsaved = this.unsaved;
    const counts = this.indexedCounts();
    const parts = await serializeEngine(this.contents.engine);
    const pairFilters = packPairFilters(this.contents.pairs);
    if (this.closed) return;
    await writeSaved(this.db, {
      caseId: this.caseId,
      format: ENGINE_FORMAT,
      schemaVersion: this.db.verno,
      fingerprint: { seq: upTo, counts },
      savedAt: new Date().toISOString(),
      parts,
      pairFilters,
    });
    this.unsaved -= unsaved;
  }

  /** Moves `upTo` past the case's history entries whose changes this window has seen, stopping at the first it has not. */
  private async advanceUpTo(): Promise<number> {
    for (const seq of await historySince(this.db, this.caseId, this.upTo)) {
      if (!this.seen.has(seq)) break;
      this.upTo = seq;
    }
    for (const seq of this.seen) if (seq <= this.upTo) this.seen.delete(seq);
    return this.upTo;
  }

  /** How many records of each table the index holds, to compare with the tables when it is next opened. */
  private indexedCounts(): Record<string, number> {
    const counts: Record<string, number> = Object.fromEntries(Object.keys(SEARCHED_TABLES).map((table) => [table, 0]));
    const tableOf = Object.fromEntries(Object.entries(SEARCHED_TABLES).map(([table, type]) => [type, table]));
    for (const key of indexedKeys(this.contents.engine)) counts[tableOf[refOf(key).type]!]!++;
    return counts;
  }

  // ---- plumbing

  private run(task: () => Promise<void>): Promise<void> {
    const next = this.work.then(task);
    this.work = next.catch(() => {});
    return next;
  }

  private setStatus(status: IndexStatus): void {
    this.status = status;
    this.notify();
  }

  private notify(): void {
    this.changes++;
    for (const listener of this.listeners) listener();
  }
}

/** What an index holds: the engine, and the filter of adjacent word pairs of each record in it, changed together. */
class Contents {
  constructor(
    readonly engine: Engine = createEngine(),
    readonly pairs: Map<string, Uint32Array> = new Map(),
  ) {}

  put(entry: SearchEntry): void {
    if (this.engine.has(entry.id)) this.engine.replace(entry);
    else this.engine.add(entry);
    this.pairs.set(entry.id, pairFilterOf(entry));
  }

  remove(key: string): void {
    if (this.engine.has(key)) this.engine.discard(key);
    this.pairs.delete(key);
  }

  /** False when a record certainly does not hold every phrase, its words being never side by side. */
  mayHold(key: string, phrases: readonly string[][]): boolean {
    const filter = this.pairs.get(key);
    return !filter || phrases.every((phrase) => mayHoldPhrase(filter, phrase));
  }
}

