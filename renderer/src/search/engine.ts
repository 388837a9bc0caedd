/**
 * The search library, configured: MiniSearch (BM25 ranking, a radix tree of terms, cheap removal with background
 * clean-up, plain-object serialisation) over the three fields of `records.ts`, with folding and stop words from
 * `fold.ts`. Everything here is synchronous and knows nothing of IndexedDB.
 */
import MiniSearch, { type Options, type Query } from 'minisearch';
import { fold, isIndexed, wordsOf } from './fold';
import type { FieldName, SearchEntry } from './records';
import { slice, yieldToEventLoop } from './schedule';

export type Engine = MiniSearch<SearchEntry>;

const FIELDS: FieldName[] = ['title', 'keywords', 'body'];

/** A name or title outranks an alias or tag, which outranks a mention in the text. */
export const FIELD_BOOST: Record<FieldName, number> = { title: 3, keywords: 2, body: 1 };

/**
 * Bumped whenever what is indexed or how changes (fields, folding, stop words), so indexes saved by an older
 * Casebook are rebuilt rather than searched with different rules.
 */
export const ENGINE_FORMAT = 1;

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

/** One term as saved: the term, then for each field its id and its postings as [record, frequency, record, …]. */
type SavedTerm = [string, ...(number | number[])[]];

/**
 * MiniSearch keeps its state `protected`, for subclasses; an index it loads is a plain MiniSearch, so this subclass
 * is never instantiated: it reads that state, to complete prefixes by how common each completion is, and reads and
 * writes it to save and restore an index a slice at a time (`toJSON()` and `loadJSAsync()` take seconds on a big
 * case, the first in one block, and store postings as objects keyed by strings, slow to parse). The round trip is
 * tested to give back exactly what `toJSON()` describes.
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

  static addTerms(engine: Engine, terms: readonly SavedTerm[]): void {
    const tree = (engine as EngineInternals)._index;
    for (const [term, ...fields] of terms) {
      const data = new Map<number, Map<number, number>>();
      for (let at = 0; at < fields.length; at += 2) {
        const postings = fields[at + 1] as number[];
        const frequencies = new Map<number, number>();
        for (let index = 0; index < postings.length; index += 2) frequencies.set(postings[index]!, postings[index + 1]!);
        data.set(fields[at] as number, frequencies);
      }
      tree.set(term, data);
    }
  }
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

/**
 * The MiniSearch query for words that must all appear: each exactly, except the last when it is being typed, which
 * also matches its most common completions. Null when nothing is left to look up.
 */
export function engineQuery(engine: Engine, words: readonly string[], lastIsPrefix: boolean): Query | null {
  const queries: Query[] = words.filter(isIndexed);
  const last = words.at(-1);
  if (lastIsPrefix && last) {
    const weights = completions(engine, last);
    const exact = isIndexed(last) ? [last] : [];
    if (exact.length) queries.pop();
    if (weights.size)
      queries.push({
        combineWith: 'OR',
        queries: [...exact, { combineWith: 'OR', queries: [...weights.keys()], boostTerm: (term) => weights.get(term) ?? 1 }],
      });
    else queries.push(...exact);
  }
  return queries.length ? { combineWith: 'AND', queries } : null;
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
      const flat: number[] = [];
      for (const [record, frequency] of frequencies) flat.push(record, frequency);
      saved.push(fieldId, flat);
      postings += frequencies.size;
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
