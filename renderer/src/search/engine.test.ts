import type MiniSearch from 'minisearch';
import type { Query } from 'minisearch';
import { describe, expect, it } from 'vitest';
import {
  completions,
  createEngine,
  fieldWordsOf,
  loadEngine,
  MAX_EXPANSIONS,
  putWords,
  queryPlan,
  rank,
  serializeEngine,
  type Engine,
  type TermCache,
} from './engine';

function engineWith(bodies: string[]) {
  const engine = createEngine();
  bodies.forEach((body, index) => engine.add({ id: `note:${index}`, title: `Title ${index}`, keywords: '', body }));
  return engine;
}

describe('completions', () => {
  it('completes a prefix with the words in the most records, at most MAX_EXPANSIONS of them', () => {
    const words = Array.from({ length: MAX_EXPANSIONS + 5 }, (_, index) => `harb${String.fromCharCode(97 + index)}x`);
    // harbax in 17 records, harbbx in 16 ... the rarest completions are left out.
    const bodies = words.flatMap((word, index) => Array.from({ length: words.length - index }, () => word));
    const found = [...completions(engineWith(bodies), 'harb').keys()];
    expect(found).toEqual(words.slice(0, MAX_EXPANSIONS));
  });

  it('weighs a completion below an exact match, the more so the longer it is', () => {
    const weights = completions(engineWith(['harbour harbourmaster']), 'harb');
    expect(weights.get('harbour')!).toBeLessThan(1);
    expect(weights.get('harbourmaster')!).toBeLessThan(weights.get('harbour')!);
  });

  it('does not complete a single letter', () => {
    expect(completions(engineWith(['harbour']), 'h').size).toBe(0);
    expect(queryPlan(engineWith(['harbour']), ['h'], true)).toBeNull();
  });
});

/** What MiniSearch says an index holds, its terms in alphabetical order (the tree's order depends on insertions). */
function described(engine: MiniSearch) {
  const { index, ...rest } = engine.toJSON();
  return { ...rest, index: [...index].sort(([a], [b]) => (a < b ? -1 : 1)) };
}

/** The same plan as a MiniSearch query: what `rank` must agree with. */
function miniSearchQuery(engine: Engine, words: string[], lastIsPrefix: boolean): Query {
  const plan = queryPlan(engine, words, lastIsPrefix)!;
  return {
    combineWith: 'AND',
    queries: plan.map((group) => {
      const weights = new Map(group.map(({ term, weight }) => [term, weight]));
      return { combineWith: 'OR', queries: [...weights.keys()], boostTerm: (term: string) => weights.get(term)! };
    }),
  };
}

describe('ranking', () => {
  const bodies = Array.from(
    { length: 600 },
    (_, index) =>
      `harbour ${'ledger '.repeat(index % 4)}w${index % 11} ${index % 5 ? 'harbourmaster' : 'harbours'} ${index % 7 ? '' : 'kelp kelp'}`,
  );

  const queries = [
    [['harbour'], false],
    [['ledger', 'harbour'], false],
    [['kelp', 'harb'], true],
    [['w3', 'led'], true],
    [['harbo'], true],
  ] as const;

  it('orders and scores records as MiniSearch does, prefixes included', async () => {
    const engine = engineWith(bodies);
    engine.replace({ id: 'note:8', title: 'Kelp harbour', keywords: 'ledger', body: 'kelp' });
    await engine.vacuum();
    for (const [words, lastIsPrefix] of queries) {
      const expected = engine.search(miniSearchQuery(engine, [...words], lastIsPrefix));
      const ranking = rank(engine, queryPlan(engine, words, lastIsPrefix)!);
      expect(ranking.size, words.join(' ')).toBe(expected.length);
      const top = ranking.top(25);
      expect(top.map(({ key }) => key)).toEqual(expected.slice(0, 25).map(({ id }) => id));
      top.forEach(({ score }, at) => expect(score).toBeCloseTo(expected[at]!.score, 9));
      expect(top[0]!.fields).toEqual(new Set(Object.values(expected[0]!.match).flat()));
    }
  });

  it('passes over records discarded but not yet cleaned up', () => {
    const engine = engineWith(bodies);
    engine.discard('note:3');
    engine.replace({ id: 'note:8', title: 'Tide', keywords: '', body: 'quay' });
    for (const [words, lastIsPrefix] of queries) {
      const keys = rank(engine, queryPlan(engine, words, lastIsPrefix)!).top(1000).map(({ key }) => key);
      expect(keys.length).toBe(engine.search(miniSearchQuery(engine, [...words], lastIsPrefix)).length);
      expect(keys).not.toContain('note:3');
      expect(keys).not.toContain('note:8');
    }
  });

  it('keeps only the records a filter accepts, and gives the best first however many are asked for', () => {
    const ranking = rank(engineWith(bodies), queryPlan(engineWith(bodies), ['harbour'], false)!);
    const all = ranking.top(1000);
    expect(ranking.top(7)).toEqual(all.slice(0, 7));
    ranking.filter((key) => key.endsWith('0'));
    expect(ranking.top(1000)).toEqual(all.filter(({ key }) => key.endsWith('0')));
  });
});

describe('indexing from words', () => {
  const entries = Array.from({ length: 400 }, (_, index) => ({
    id: `note:${index}`,
    title: `Title ${index % 7} Łódź`,
    keywords: index % 3 ? '' : 'kelp, the harbour',
    body: `record ${index} of the harbour harbour log w${index % 13} Frédéric ${'and tide '.repeat(index % 5)}`,
  }));

  it('builds the index MiniSearch would, from empty or on top of one, and ranks alike', () => {
    const added = createEngine();
    entries.forEach((entry) => added.add(entry));
    const fromEmpty = createEngine();
    const terms: TermCache = new Map();
    entries.forEach((entry) => putWords(fromEmpty, entry.id, fieldWordsOf(entry), terms));
    const onTop = createEngine();
    entries.forEach((entry) => putWords(onTop, entry.id, fieldWordsOf(entry)));
    expect(described(fromEmpty)).toEqual(described(added));
    expect(described(onTop)).toEqual(described(added));
    expect(rank(fromEmpty, queryPlan(fromEmpty, ['harbour', 'lodz'], false)!).top(50)).toEqual(
      rank(added, queryPlan(added, ['harbour', 'lodz'], false)!).top(50),
    );
  });

  it('replaces an earlier version of a record', () => {
    const engine = createEngine();
    putWords(engine, 'note:1', fieldWordsOf({ title: 'Kelp', keywords: '', body: 'harbour' }));
    putWords(engine, 'note:1', fieldWordsOf({ title: 'Tide', keywords: '', body: 'quay' }));
    expect(engine.documentCount).toBe(1);
    expect(engine.search('kelp')).toEqual([]);
    expect(engine.search('quay').map((result) => result.id)).toEqual(['note:1']);
  });
});

describe('saving and loading an engine', () => {
  it('gives back an index exactly as MiniSearch describes the one saved, in parts', async () => {
    const bodies = Array.from({ length: 3_000 }, (_, index) => `record ${index} word${index} w${index % 97} common tide`);
    const engine = engineWith(bodies);
    engine.discard('note:5');
    engine.replace({ id: 'note:6', title: 'Renamed', keywords: 'kelp', body: 'new text' });
    const parts = await serializeEngine(engine, 5_000);
    expect(parts.length).toBeGreaterThan(2);
    // Saving cleaned up the removed record's postings first.
    expect(engine.dirtCount).toBe(0);

    const loaded = await loadEngine(parts);
    expect(described(loaded)).toEqual(described(engine));
    expect(loaded.search('word42').map((result) => result.id)).toEqual(['note:42']);
    expect(loaded.search('word5 ')).toEqual([]);
    expect(loaded.search('kelp').map((result) => result.id)).toEqual(['note:6']);
    // The loaded index goes on taking changes.
    loaded.add({ id: 'note:new', title: '', keywords: '', body: 'word42' });
    loaded.discard('note:42');
    expect(loaded.search('word42').map((result) => result.id)).toEqual(['note:new']);
  });
});
