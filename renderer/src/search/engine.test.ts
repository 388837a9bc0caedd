import type MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { completions, createEngine, engineQuery, loadEngine, MAX_EXPANSIONS, serializeEngine } from './engine';

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
    expect(engineQuery(engineWith(['harbour']), ['h'], true)).toBeNull();
  });
});

/** What MiniSearch says an index holds, its terms in alphabetical order (the tree's order depends on insertions). */
function described(engine: MiniSearch) {
  const { index, ...rest } = engine.toJSON();
  return { ...rest, index: [...index].sort(([a], [b]) => (a < b ? -1 : 1)) };
}

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
