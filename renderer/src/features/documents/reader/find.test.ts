import { describe, expect, it } from 'vitest';
import { findMatches, foldText } from './find';

const found = (text: string, query: string) =>
  findMatches(foldText(text), query).map(({ start, end }) => text.slice(start, end));

describe('findMatches', () => {
  it('ignores case and accents, in both the text and the query', () => {
    expect(found('Zoë Müller met ZOE MULLER and zoe muller.', 'zoe muller')).toEqual([
      'Zoë Müller',
      'ZOE MULLER',
      'zoe muller',
    ]);
    expect(found('Frédéric Van Leeuw', 'FRÉDÉRIC')).toEqual(['Frédéric']);
  });

  it('matches letters without a decomposition the way people type them', () => {
    expect(found('Łódź, Straße, Ærø', 'lodz')).toEqual(['Łódź']);
    expect(found('Łódź, Straße, Ærø', 'strasse')).toEqual(['Straße']);
    expect(found('Łódź, Straße, Ærø', 'aero')).toEqual(['Ærø']);
  });

  it('lets any white space match any other, and plain quotes match curly ones', () => {
    expect(found('the port\nof  Antwerp', 'port of antwerp')).toEqual(['port\nof  Antwerp']);
    expect(found('Europe’s main port', "europe's")).toEqual(['Europe’s']);
    expect(found('a two‑year probe — closed', 'two-year')).toEqual(['two‑year']);
  });

  it('gives offsets into the original text, past letters that fold into two', () => {
    const text = 'Straße 12, Zoë';
    const [match] = findMatches(foldText(text), 'zoe');
    expect(match).toEqual({ start: 11, end: 14 });
  });

  it('finds nothing for an empty query, and stops at the limit', () => {
    expect(found('abc', '   ')).toEqual([]);
    expect(findMatches(foldText('a'.repeat(50)), 'a', 10)).toHaveLength(10);
  });

  it('does not count overlapping matches twice', () => {
    expect(found('aaaa', 'aa')).toEqual(['aa', 'aa']);
  });
});
