/**
 * One case's search index as the search worker keeps it: opened from its saved copy and brought up to date, or built
 * from the records; kept current by re-reading the records the page says changed; saved again when enough has
 * changed or the page asks; and searched, with quoted phrases checked and snippets cut from the records' text, which
 * it keeps beside the index.
 */
import type { CasebookDB } from '../db/schema';
import {
  ENGINE_FORMAT,
  createEngine,
  fieldWordsOf,
  indexedKeys,
  loadEngine,
  putWords,
  queryPlan,
  rank,
  serializeEngine,
  type Engine,
  type TermCache,
} from './engine';
import { HitSources, hitSourceOf, type HitSource } from './hitSources';
import { mayHoldPhrase, packPairFilters, pairFilterOfWords, unpackPairFilters } from './pairs';
import {
  caseKeys,
  changedSince,
  existingKeys,
  fingerprintOf,
  historySince,
  linkedTitlesOf,
  readRecords,
  tagNamesOf,
  readSaved,
  sameFingerprint,
  writeSaved,
  type Fingerprint,
} from './persistence';
import type { IndexOrigin, IndexStatus, SearchHit, SearchTimings } from './protocol';
import { parseQuery } from './query';
import { SEARCHED_TABLES, keyOf, refOf } from './searchedTables';
import { slice, whenIdle } from './schedule';
import { matchRecord, pageAt, type RecordMatch } from './snippet';

/** Records read at a time while building, catching up or applying changes. */
const READ_BATCH = 100;
/** A saved index behind by more than this share of the case's records is rebuilt rather than caught up. */
const CATCH_UP_LIMIT = 0.25;
/** Unsaved changes that make a save worth its cost; fewer are cheaper to catch up on when the case is next opened. */
const SAVE_AFTER_CHANGES = 200;
/** Quiet time after the last change before such a save. */
const SAVE_DELAY_MS = 5_000;
/** Work runs this long between yields, so searches and changes sent meanwhile are answered without a long wait. */
const WORKER_SLICE_MS = 40;
/**
 * Quiet time after the last search before its hits are checked against the database: reading while the researcher
 * types would delay the next answers several times over (the worker's messages wait behind the reads).
 */
const CHECK_DELAY_MS = 1_000;

export class CaseIndex {
  status: IndexStatus = { state: 'opening' };
  origin: IndexOrigin | null = null;
  /** Resolves when the index is open (loaded, caught up or built); rejects if it could not be. */
  readonly ready: Promise<void>;

  private contents = new Contents();
  /** Keys of records changed since they were indexed, re-read from the database when applied. */
  private readonly pending = new Set<string>();
  /**
   * The history entry up to which every change of the case is in the index: what its saved copy will claim. Entries
   * after it count only once the page has forwarded their changes (`seen`); another window's are caught up on later.
   */
  private upTo = 0;
  private readonly seen = new Set<number>();
  /** Mutating work (opening, applying changes, saving) runs one task at a time, in order. */
  private work: Promise<void> = Promise.resolve();
  private draining = false;
  private unsaved = 0;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  /** Keys of records searches found, to check they still exist once the searching pauses. */
  private readonly unchecked = new Set<string>();
  private checkTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    private readonly db: CasebookDB,
    readonly caseId: string,
    /** Called when the status or the indexed records change. */
    private readonly changed: () => void = () => {},
  ) {
    this.ready = this.run(() => this.open());
    // A failure is reported through `status` and `ready`; nothing else waits on it.
    this.ready.catch(() => {});
  }

  get recordCount(): number {
    return this.contents.engine.documentCount;
  }

  /** Takes in the keys of changed records, and the history entries (`seqs`) whose changes they are. */
  enqueue(keys: Iterable<string>, seqs: Iterable<number> = []): void {
    if (this.closed) return;
    for (const key of keys) this.pending.add(key);
    for (const seq of seqs) this.seen.add(seq);
    if (this.pending.size && !this.draining && this.status.state === 'ready') this.drainSoon();
  }

  /** Resolves when the index is open and every change taken in so far is in it. */
  async flush(): Promise<void> {
    await this.ready;
    while (this.pending.size && !this.closed) {
      this.drainSoon();
      await this.work;
    }
    await this.work;
  }

  search(input: string, limit: number): { hits: SearchHit[]; timings: SearchTimings } {
    const timings: SearchTimings = { lookupMs: 0, readMs: 0, snippetsMs: 0 };
    let started = performance.now();
    const query = parseQuery(input);
    const contents = this.contents;
    const plan = queryPlan(contents.engine, query.indexWords, query.lastIsPrefix);
    if (!plan || limit <= 0) return { hits: [], timings };
    const ranking = rank(contents.engine, plan);
    // Records with all the words of a phrase but never two of them side by side are not worth checking.
    if (query.phrases.length) ranking.filter((key) => contents.mayHold(key, query.phrases));
    timings.lookupMs = performance.now() - started;

    const hits: SearchHit[] = [];
    // Candidates are taken `limit` at a time: each is a hit, unless a quoted phrase is not in its text after all.
    for (let start = 0; start < ranking.size && hits.length < limit; start += limit) {
      started = performance.now();
      const batch = ranking.top(start + limit).slice(start);
      timings.lookupMs += performance.now() - started;
      started = performance.now();
      const sources = batch.map((result) => contents.sources.get(result.key));
      timings.readMs += performance.now() - started;
      started = performance.now();
      for (const [index, result] of batch.entries()) {
        // Every record in the engine has its source: `Contents` puts and removes them together.
        const source = sources[index]!;
        const found = matchRecord(source.fields, query, result.fields);
        if (!found.matches) continue;
        hits.push(hitOf(result.key, result.score, source, found));
        if (hits.length === limit) break;
      }
      timings.snippetsMs += performance.now() - started;
    }
    if (hits.length) this.checkLater(hits.map((hit) => keyOf(hit.ref)));
    return { hits, timings };
  }

  /**
   * Checks, once searching pauses, that the records found still exist, and takes out of the index those that do not:
   * deleted in another window, where the page did not see it. The index then reports the change, and the page's next
   * search leaves them out.
   */
  private checkLater(keys: readonly string[]): void {
    for (const key of keys) this.unchecked.add(key);
    if (this.checkTimer) clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(() => {
      this.checkTimer = null;
      const checked = [...this.unchecked];
      this.unchecked.clear();
      existingKeys(this.db, checked.map(refOf)).then(
        (existing) => this.enqueue(checked.filter((key) => !existing.has(key))),
        () => {
          // Unchecked this time; a later search finds them again.
        },
      );
    }, CHECK_DELAY_MS);
  }

  /** Saves the index now, with the fingerprint of what it holds. */
  save(): Promise<void> {
    return this.run(() => this.saveNow());
  }

  /** Saves the index if anything changed since it was saved or loaded. */
  async saveIfChanged(): Promise<void> {
    if (this.unsaved > 0 && this.status.state === 'ready') await this.save();
  }

  /** Stops all work; the index is not saved (the case is gone or the page let it go). */
  close(): void {
    this.closed = true;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    if (this.checkTimer) clearTimeout(this.checkTimer);
    this.pending.clear();
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
          .then(
            (engine) =>
              new Contents(engine, unpackPairFilters(saved.pairFilters), HitSources.unpack(saved.hitSources)),
          )
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
    // A fresh index has nothing discarded, so its terms can be found by a plain lookup while it is built.
    const terms: TermCache = new Map();
    await this.indexRecords(
      this.contents,
      keys,
      (done) => this.setStatus({ state: 'building', done, total: keys.length }),
      terms,
    );
  }

  /**
   * Reads the records named and puts them in the index (or takes out those gone), a batch at a time, the next batch
   * read while the current one is indexed.
   */
  private async indexRecords(
    contents: Contents,
    keys: readonly string[],
    progress?: (done: number) => void,
    terms?: TermCache,
  ): Promise<void> {
    const clock = slice(WORKER_SLICE_MS);
    const read = (start: number) => {
      const refs = keys.slice(start, start + READ_BATCH).map(refOf);
      // The tag names excerpts and entities are found by, and the titles of the records their texts mention, read with
      // each batch so a tag or an entity renamed meanwhile is read anew.
      const found = readRecords(this.db, this.caseId, refs);
      const records = Promise.all([
        found,
        refs.some((ref) => ref.type === 'excerpt' || ref.type === 'entity') ? tagNamesOf(this.db, this.caseId) : new Map<string, string>(),
        found.then((records) => linkedTitlesOf(this.db, this.caseId, refs, records)),
      ]);
      records.catch(() => {});
      return { refs, records };
    };
    let next = keys.length ? read(0) : null;
    for (let start = 0; next && !this.closed; start += READ_BATCH) {
      const { refs, records } = next;
      const [found, tagNames, titles] = await records;
      next = start + READ_BATCH < keys.length ? read(start + READ_BATCH) : null;
      for (const [index, record] of found.entries()) {
        const ref = refs[index]!;
        if (record) contents.put(keyOf(ref), hitSourceOf(ref.type, record, tagNames, titles), terms);
        else contents.remove(keyOf(ref));
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
    let applied = 0;
    while (this.pending.size && !this.closed) {
      const keys = [...this.pending];
      this.pending.clear();
      await this.indexRecords(this.contents, keys);
      applied += keys.length;
    }
    if (!applied || this.closed) return;
    this.unsaved += applied;
    this.changed();
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
    // Every change forwarded so far goes in first, so the entries the page has seen are in the copy.
    if (this.pending.size) await this.drain();
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const upTo = await this.advanceUpTo();
    const unsaved = this.unsaved;
    const counts = this.indexedCounts();
    const parts = await serializeEngine(this.contents.engine);
    const pairFilters = packPairFilters(this.contents.pairs);
    const hitSources = this.contents.sources.pack();
    if (this.closed) return;
    await writeSaved(this.db, {
      caseId: this.caseId,
      format: ENGINE_FORMAT,
      schemaVersion: this.db.verno,
      fingerprint: { seq: upTo, counts },
      savedAt: new Date().toISOString(),
      parts,
      pairFilters,
      hitSources,
    });
    this.unsaved -= unsaved;
  }

  /** Moves `upTo` past the case's history entries whose changes the page has forwarded, stopping at the first it has not. */
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
    this.changed();
  }
}

/**
 * What an index holds, changed together: the engine, each record's filter of adjacent word pairs, and what each
 * record's hits are cut from.
 */
class Contents {
  constructor(
    readonly engine: Engine = createEngine(),
    readonly pairs: Map<string, Uint32Array> = new Map(),
    readonly sources: HitSources = new HitSources(),
  ) {}

  /**
   * Indexes a record's fields, folded and split into words once for both the engine and the pair filter, and keeps
   * what its hits are cut from.
   */
  put(key: string, source: HitSource, terms?: TermCache): void {
    const words = fieldWordsOf(source.fields);
    putWords(this.engine, key, words, terms);
    this.pairs.set(key, pairFilterOfWords(words));
    this.sources.put(key, source);
  }

  remove(key: string): void {
    if (this.engine.has(key)) this.engine.discard(key);
    this.pairs.delete(key);
    this.sources.delete(key);
  }

  /** False when a record certainly does not hold every phrase, its words being never side by side. */
  mayHold(key: string, phrases: readonly string[][]): boolean {
    const filter = this.pairs.get(key);
    return !filter || phrases.every((phrase) => mayHoldPhrase(filter, phrase));
  }
}

/** A hit as the page shows it: for a document matched in its text, with where the match is and on which page. */
function hitOf(key: string, score: number, source: HitSource, found: RecordMatch): SearchHit {
  const hit: SearchHit = { ref: refOf(key), title: source.title, snippet: found.snippet, score };
  if (source.textLength !== null && found.field === 'body' && found.offset !== null && found.offset < source.textLength) {
    hit.offset = found.offset;
    const page = pageAt(source.pages, found.offset);
    if (page !== null) hit.page = page;
  }
  return hit;
}
