import { describe, expect, it } from 'vitest';
import { mayHoldPhrase, packPairFilters, pairFilterOf, unpackPairFilters } from './pairs';

const fields = (body: string) => ({ title: 'Harbour log', keywords: 'Zoë Müller', body });
const body = 'The master signed the charter for the vessel Nordlys. Payment followed in March.';

describe('pair filters', () => {
  it('hold every pair of adjacent words, folded, within a field', () => {
    const filter = pairFilterOf(fields(body));
    for (const phrase of [['signed', 'the', 'charter'], ['nordlys', 'payment'], ['harbour', 'log'], ['zoe', 'muller']])
      expect(mayHoldPhrase(filter, phrase), phrase.join(' ')).toBe(true);
  });

  it('rule out nearly all phrases whose words are there but apart', () => {
    const filter = pairFilterOf(fields(body));
    const words = body.toLowerCase().match(/\p{L}+/gu)!;
    const adjacent = new Set(words.slice(1).map((word, index) => `${words[index]} ${word}`));
    let apart = 0;
    let passed = 0;
    for (const first of words)
      for (const second of words) {
        if (adjacent.has(`${first} ${second}`)) continue;
        apart++;
        if (mayHoldPhrase(filter, [first, second])) passed++;
      }
    expect(passed / apart).toBeLessThan(0.08);
  });

  it('pack into three arrays and unpack the same', () => {
    const filters = new Map([
      ['document:a', pairFilterOf(fields(body))],
      ['note:b', pairFilterOf(fields('Who paid?'))],
    ]);
    const unpacked = unpackPairFilters(structuredClone(packPairFilters(filters)));
    expect([...unpacked.keys()]).toEqual(['document:a', 'note:b']);
    expect(Array.from(unpacked.get('note:b')!)).toEqual(Array.from(filters.get('note:b')!));
    expect(mayHoldPhrase(unpacked.get('document:a')!, ['vessel', 'nordlys'])).toBe(true);
  });
});
