/**
 * The search library, configured: MiniSearch (a radix tree of terms, cheap removal with background clean-up) over the
 * three fields of `records.ts`, with folding and stop words from `fold.ts`. Records go in from their folded words,
 * each term's postings held in arrays (`postings.ts`), and queries are ranked here with MiniSearch's BM25+ scoring, in
 * typed arrays. Everything here is synchronous and knows nothing of IndexedDB.
 */
import MiniSearch, { type Options } from 'minisearch';
import { fold, isIndexed, wordsOf } from './fold';
import { Postings } from './postings';
import type { FieldName, SearchEntry, SearchFields } from './searchFields';
import { slice, yieldToEventLoop } from './schedule';

export type Engine = MiniSearch<SearchEntry>;

const FIELDS: FieldName[] = ['title', 'keywords', 'body'];

/** The folded words of a record's fields, in FIELDS order: folded and split once, for the index and the pair filter. */
export type FieldWords = readonly string[][];

export const fieldWordsOf = (fields: SearchFields): FieldWords => FIELDS.map((field) => wordsOf(fold(fields[field])));

/** A term's postings by field, as the term tree holds them (MiniSearch's type; here mostly `Postings`). */
type FieldTermData = Map<number, Map<number, number>>;

/** A word met while indexing: its postings in the tree, and how often the record and field being indexed hold it. */
class TermEntry {
  /** Undefined until looked up; null for a word left out of the index (a stop word, a single letter). */
  data: FieldTermData | null | undefined = undefined;
  /** `data`'s postings of each field, once met. */
  readonly postings: (Map<number, number> | undefined)[] = FIELDS.map(() => undefined);
  /** The record and field `count` is for (record number × fields + field). */
  stamp = -1;
  count = 0;

  constructor(readonly term: string) {}
}

/**
 * Every word met while an index is built from empty, with its postings: each word of a record is found here, once
 * per occurrence, rather than in the tree, and one not here is new to the tree. Valid only while nothing is
 * discarded, since cleaning up a discarded record can take a term out of the tree.
 */
export type TermCache = Map<string, TermEntry>;

/** A name or title outranks an alias or tag, which outranks a mention in the text. */
export const FIELD_BOOST: Record<FieldName, number> = { title: 3, keywords: 2, body: 1 };

/**
 * Bumped whenever what is indexed or how, or how it is saved, changes (fields, folding, stop words, the pair filters'
 * hashing, the saved postings, the hit sources saved beside them), so indexes saved by an older Casebook are rebuilt
 * rather than misread.
 */
export const ENGINE_FORMAT = 3;

const OPTIONS: Options<SearchEntry> = {
  fields: FIELDS,
  storeFields: [],
  tokenize: (text) => wordsOf(fold(text)),
  processTerm: (term) => (isIndexed(term) ? term : null),
  searchOptions: { boost: FIELD_BOOST, combineWith: 'AND' },
};

export function createEngine(): Engine {
  return new MiniSearch<SearchEntry>(OPTIONS);
}

/** A saved index's first part: the engine's state but its terms. */
interface SavedHeader {
  documentCount: number;
  nextId: number;
  documentIds: [number, string][];
  fieldIds: Record<string, number>;
  fieldLength: [number, number[]][];
  averageFieldLength: number[];
  dirtCount: number;
}

/** One term as saved: the term, then for each field its id, its records and how often each holds the term. */
type SavedTerm = [string, ...(number | readonly number[])[]];

const fieldLengthsOf = new WeakMap<Engine, { state: string; lengths: Float64Array }>();

/**
 * MiniSearch keeps its state `protected`, for subclasses; an index it loads is a plain MiniSearch, so this subclass
 * is never instantiated: it reads that state, to complete prefixes by how common each completion is and to rank, and
 * writes it, to add records from their words and to save and restore an index a slice at a time (`toJSON()` and
 * `loadJSAsync()` take seconds on a big case, the first in one block, and store postings as objects keyed by strings,
 * slow to parse). Each is tested against what MiniSearch itself gives: the same index, the same ranking, a round trip
 * to exactly what `toJSON()` describes.
 */
class EngineInternals extends MiniSearch<SearchEntry> {
  static termTree(engine: Engine) {
    return (engine as EngineInternals)._index;
  }

  static keys(engine: Engine): IterableIterator<string> {
    return (engine as EngineInternals)._documentIds.values() as IterableIterator<string>;
  }

  static header(engine: Engine): SavedHeader {
    const internals = engine as EngineInternals;
    return {
      documentCount: internals._documentCount,
      nextId: internals._nextId,
      documentIds: [...internals._documentIds],
      fieldIds: internals._fieldIds,
      fieldLength: [...internals._fieldLength],
      averageFieldLength: internals._avgFieldLength,
      dirtCount: internals._dirtCount,
    };
  }

  /** A fresh engine holding `header`'s state, its term tree still empty; what `MiniSearch.loadJS` starts with. */
  static fromHeader(header: SavedHeader): Engine {
    const engine = createEngine() as EngineInternals;
    engine._documentCount = header.documentCount;
    engine._nextId = header.nextId;
    engine._documentIds = new Map(header.documentIds);
    engine._idToShortId = new Map(header.documentIds.map(([shortId, id]) => [id, shortId]));
    engine._fieldIds = header.fieldIds;
    engine._fieldLength = new Map(header.fieldLength);
    engine._avgFieldLength = header.averageFieldLength;
    engine._storedFields = new Map();
    engine._dirtCount = header.dirtCount;
    return engine;
  }

  /**
   * Adds a record from its words, as `add()` would from its fields, but counting each word in a table of the words
   * met (`terms` while building, else one for this record) rather than walking the tree for each occurrence, and
   * keeping postings in arrays: the same index, built several times faster in a fraction of the memory.
   */
  static addWords(engine: Engine, id: string, fieldWords: FieldWords, terms?: TermCache): void {
    const internals = engine as EngineInternals;
    if (internals._idToShortId.has(id)) throw new Error(`The search index already holds ${id}.`);
    const shortId = internals._nextId++;
    internals._idToShortId.set(id, shortId);
    internals._documentIds.set(shortId, id);
    const others = internals._documentCount++;
    const lengths: number[] = [];
    internals._fieldLength.set(shortId, lengths);
    const tree = internals._index;
    const entries: TermCache = terms ?? new Map();
    const touched: TermEntry[] = [];
    for (let fieldId = 0; fieldId < fieldWords.length; fieldId++) {
      const words = fieldWords[fieldId]!;
      const stamp = shortId * FIELDS.length + fieldId;
      touched.length = 0;
      for (const word of words) {
        let entry = entries.get(word);
        if (!entry) entries.set(word, (entry = new TermEntry(word)));
        if (entry.stamp === stamp) entry.count++;
        else {
          entry.stamp = stamp;
          entry.count = 1;
          touched.push(entry);
        }
      }
      // MiniSearch's field length: distinct words, stop words included, averaged over the records.
      lengths[fieldId] = touched.length;
      internals._avgFieldLength[fieldId] = ((internals._avgFieldLength[fieldId] ?? 0) * others + touched.length) / (others + 1);
      for (const entry of touched) {
        // With `terms`, a word not met before is new to the tree; without, the tree may know it already.
        if (entry.data === undefined)
          entry.data = isIndexed(entry.term) ? ((terms ? undefined : tree.get(entry.term)) ?? newTerm(tree, entry.term)) : null;
        if (!entry.data) continue;
        let postings = entry.postings[fieldId];
        if (!postings) {
          postings = entry.data.get(fieldId);
          if (!postings) entry.data.set(fieldId, (postings = new Postings() as unknown as Map<number, number>));
          entry.postings[fieldId] = postings;
        }
        postings.set(shortId, entry.count);
      }
    }
  }

  /**
   * Each record's field lengths at record number × fields + field, kept until a record is added or taken out: read
   * for every posting a query goes through, quicker from an array than from MiniSearch's map of arrays.
   */
  static fieldLengths(engine: Engine): Float64Array {
    const internals = engine as EngineInternals;
    const state = `${internals._nextId}:${internals._documentCount}`;
    const known = fieldLengthsOf.get(engine);
    if (known?.state === state) return known.lengths;
    const lengths = new Float64Array(internals._nextId * FIELDS.length);
    for (const [record, fieldLengths] of internals._fieldLength)
      fieldLengths.forEach((length, fieldId) => (lengths[record * FIELDS.length + fieldId] = length));
    fieldLengthsOf.set(engine, { state, lengths });
    return lengths;
  }

  static rank(engine: Engine, plan: QueryPlan): Ranking {
    const internals = engine as EngineInternals;
    const size = internals._nextId;
    const score = new Float64Array(size);
    /** How many groups, in order, each record has matched. */
    const groupsMatched = new Uint8Array(size);
    /** Bits of the fields each record matched in. */
    const fieldBits = new Uint8Array(size);
    /** How many terms each record matched, and the last term counted for it. */
    const quality = new Uint16Array(size);
    const lastTerm = new Int32Array(size).fill(-1);
    const tree = internals._index;
    const liveOnly = internals._dirtCount > 0;
    const total = internals._documentCount;
    const fields = Object.entries(internals._fieldIds) as [FieldName, number][];
    const lengths = EngineInternals.fieldLengths(engine);
    let matching: number[] = [];
    let termIndex = 0;
    // Rarest group first, so later groups only add to records still in the running.
    const groups = plan
      .map((group) => group.map(({ term, weight }) => ({ data: tree.get(term), weight })))
      .sort((a, b) => postingsIn(a) - postingsIn(b));
    groups.forEach((group, groupIndex) => {
      const found: number[] = [];
      for (const { data, weight } of group) {
        termIndex++;
        if (!data) continue;
        for (const [field, fieldId] of fields) {
          const postings = data.get(fieldId);
          if (!postings) continue;
          const boost = FIELD_BOOST[field] * weight;
          const average = internals._avgFieldLength[fieldId]!;
          const matches = postings.size;
          const inverse = Math.log(1 + (total - matches + 0.5) / (matches + 0.5));
          eachPosting(postings, (record, frequency) => {
            const matched = groupsMatched[record]!;
            if (matched < groupIndex || matched > groupIndex + 1) return;
            if (liveOnly && !internals._documentIds.has(record)) return;
            if (matched === groupIndex) {
              groupsMatched[record] = groupIndex + 1;
              found.push(record);
            }
            const length = lengths[record * FIELDS.length + fieldId]!;
            score[record]! +=
              boost *
              inverse *
              (BM25.d + (frequency * (BM25.k + 1)) / (frequency + BM25.k * (1 - BM25.b + (BM25.b * length) / average)));
            fieldBits[record]! |= 1 << fieldId;
            if (lastTerm[record] !== termIndex) {
              lastTerm[record] = termIndex;
              quality[record]!++;
            }
          });
        }
      }
      matching = found;
    });
    for (const record of matching) score[record]! *= quality[record]!;
    const keyOf = (record: number) => internals._documentIds.get(record) as string;
    const better = (a: number, b: number) => score[b]! - score[a]! || a - b;
    let sorted: number[] = [];
    return {
      get size() {
        return matching.length;
      },
      filter(accept) {
        matching = matching.filter((record) => accept(keyOf(record)));
        sorted = [];
      },
      top(count) {
        if (sorted.length < Math.min(count, matching.length)) sorted = best(matching, count, better);
        return sorted.slice(0, count).map((record) => ({
          key: keyOf(record),
          score: score[record]!,
          fields: new Set(fields.filter(([, fieldId]) => fieldBits[record]! & (1 << fieldId)).map(([field]) => field)),
        }));
      },
    };
  }

  static addTerms(engine: Engine, terms: readonly SavedTerm[]): void {
    const tree = (engine as EngineInternals)._index;
    for (const [term, ...fields] of terms) {
      const data: FieldTermData = new Map();
      for (let at = 0; at < fields.length; at += 3)
        data.set(
          fields[at] as number,
          new Postings(fields[at + 1] as number[], fields[at + 2] as number[]) as unknown as Map<number, number>,
        );
      tree.set(term, data);
    }
  }
}

/** Puts a new term in the tree, with no postings yet. */
function newTerm(tree: { set(term: string, data: FieldTermData): unknown }, term: string): FieldTermData {
  const data: FieldTermData = new Map();
  tree.set(term, data);
  return data;
}

/** Puts a record in the index from its words, in place of any earlier version of it. */
export function putWords(engine: Engine, id: string, fieldWords: FieldWords, cache?: TermCache): void {
  if (engine.has(id)) engine.discard(id);
  EngineInternals.addWords(engine, id, fieldWords, cache);
}

/** The keys ("document:…") of every record in the index. */
export const indexedKeys = (engine: Engine): IterableIterator<string> => EngineInternals.keys(engine);

/** Shortest prefix a word is completed from; one letter would expand to a tenth of the vocabulary. */
export const MIN_PREFIX = 2;
/** Most completions a prefix expands to, the ones in the most records: Lucene's "max expansions", in effect. */
export const MAX_EXPANSIONS = 12;
/** MiniSearch's own weighting of a prefix match: lower than an exact one, lower still the more letters it adds. */
const PREFIX_WEIGHT = 0.375;

/** The indexed words that complete `prefix`, those in the most records first, with the weight of each. */
export function completions(engine: Engine, prefix: string): Map<string, number> {
  const best: { term: string; count: number }[] = [];
  if (prefix.length >= MIN_PREFIX)
    for (const [term, fields] of EngineInternals.termTree(engine).atPrefix(prefix)) {
      if (term === prefix) continue;
      let count = 0;
      for (const records of fields.values()) count += records.size;
      if (best.length === MAX_EXPANSIONS && count <= best.at(-1)!.count) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]!.count < count) at--;
      best.splice(at, 0, { term, count });
      if (best.length > MAX_EXPANSIONS) best.pop();
    }
  return new Map(
    best.map(({ term }) => [term, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - prefix.length))]),
  );
}

/** A query as the index answers it: every group must match, a group by any of its terms, each with its weight. */
export type QueryPlan = { term: string; weight: number }[][];

/**
 * The plan for words that must all appear: each exactly, except the last when it is being typed, which also matches
 * its most common completions. Null when nothing is left to look up.
 */
export function queryPlan(engine: Engine, words: readonly string[], lastIsPrefix: boolean): QueryPlan | null {
  const plan: QueryPlan = words.filter(isIndexed).map((term) => [{ term, weight: 1 }]);
  const last = words.at(-1);
  if (lastIsPrefix && last) {
    const weights = completions(engine, last);
    if (weights.size) {
      if (isIndexed(last)) plan.pop();
      plan.push([
        ...(isIndexed(last) ? [{ term: last, weight: 1 }] : []),
        ...[...weights].map(([term, weight]) => ({ term, weight })),
      ]);
    }
  }
  return plan.length ? plan : null;
}

/** MiniSearch's BM25+ parameters, which its `search()` uses by default. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** The records matching a plan, best first, read a few at a time. */
export interface Ranking {
  /** How many records match. */
  readonly size: number;
  /** Keeps only the records (by key) `accept` says yes to. */
  filter(accept: (key: string) => boolean): void;
  /** The best `count` records, best first: their keys, scores and the fields their terms were found in. */
  top(count: number): { key: string; score: number; fields: Set<FieldName> }[];
}

/**
 * Ranks the records matching a plan as MiniSearch's `search()` would (BM25+ per field, times the field's boost and
 * the term's weight, summed, then multiplied by how many of the query's terms matched), but in typed arrays indexed
 * by record number, without an object per match or a sort of every match: a query matching a third of a big case
 * costs its postings and little more.
 */
export const rank = (engine: Engine, plan: QueryPlan): Ranking => EngineInternals.rank(engine, plan);

/** Each record and count of a term's postings in a field, whichever way they are held. */
function eachPosting(postings: Map<number, number>, visit: (record: number, count: number) => void): void {
  if (postings instanceof Postings) postings.each(visit);
  else postings.forEach((count, record) => visit(record, count));
}

/** How many postings a group's terms have: the cost of going through it, and an upper bound on what it matches. */
function postingsIn(group: { data: Map<number, Map<number, number>> | undefined }[]): number {
  let count = 0;
  for (const { data } of group) for (const postings of data?.values() ?? []) count += postings.size;
  return count;
}

/** The first `count` of `records` in the order `compare` gives, without sorting them all when `count` is small. */
function best(records: readonly number[], count: number, compare: (a: number, b: number) => number): number[] {
  if (count * 8 >= records.length) return [...records].sort(compare);
  const kept: number[] = [];
  for (const record of records) {
    if (kept.length === count && compare(record, kept[count - 1]!) >= 0) continue;
    let at = kept.length;
    while (at > 0 && compare(record, kept[at - 1]!) < 0) at--;
    kept.splice(at, 0, record);
    if (kept.length > count) kept.pop();
  }
  return kept;
}

/** Postings per saved part: about a megabyte, parsed in some tens of milliseconds. */
const POSTINGS_PER_PART = 60_000;

/**
 * The index as strings to store: a header, then its terms in parts of about POSTINGS_PER_PART postings, built with
 * yields between. Nothing may be added to or removed from the index until the returned promise settles; searches may
 * run, since after the clean-up below they find no removed record's postings to clear from the term tree.
 */
export async function serializeEngine(engine: Engine, postingsPerPart = POSTINGS_PER_PART): Promise<string[]> {
  if (engine.dirtCount > 0 || engine.isVacuuming) await engine.vacuum();
  const parts = [JSON.stringify(EngineInternals.header(engine))];
  const clock = slice();
  let terms: SavedTerm[] = [];
  let postings = 0;
  const flush = () => {
    parts.push(JSON.stringify(terms));
    terms = [];
    postings = 0;
  };
  for (const [term, fields] of EngineInternals.termTree(engine)) {
    const saved: SavedTerm = [term];
    for (const [fieldId, frequencies] of fields) {
      const { ids, counts } =
        frequencies instanceof Postings ? frequencies.toArrays() : { ids: [...frequencies.keys()], counts: [...frequencies.values()] };
      saved.push(fieldId, ids, counts);
      postings += ids.length;
    }
    terms.push(saved);
    if (postings >= postingsPerPart) flush();
    if (clock.due()) await clock.next();
  }
  if (terms.length) flush();
  return parts;
}

/** An index from the strings `serializeEngine` made, a part at a time. */
export async function loadEngine(parts: readonly string[]): Promise<Engine> {
  const [header, ...termParts] = parts;
  if (header === undefined) throw new Error('The saved search index is empty.');
  const engine = EngineInternals.fromHeader(JSON.parse(header) as SavedHeader);
  for (const part of termParts) {
    await yieldToEventLoop();
    EngineInternals.addTerms(engine, JSON.parse(part) as SavedTerm[]);
  }
  return engine;
}
