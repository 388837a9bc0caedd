import { describe, expect, it } from 'vitest';
import { parseQuery } from './query';
import { matchRecord, pageAt, type Snippet } from './snippet';

const highlighted = (snippet: Snippet) => snippet.highlights.map(([start, end]) => snippet.text.slice(start, end));
const fields = (body: string, title = '', keywords = '') => ({ title, keywords, body });

describe('parseQuery', () => {
  it('reads words, the word being typed and quoted phrases', () => {
    expect(parseQuery('Nordlys “signed the Charter” harb')).toMatchObject({
      words: ['nordlys', 'harb'],
      phrases: [['signed', 'the', 'charter']],
      lastIsPrefix: true,
      indexWords: ['signed', 'charter', 'nordlys', 'harb'],
      ignored: ['the'],
    });
  });

  it('treats a word followed by a space, or a closed phrase, as complete', () => {
    expect(parseQuery('harbour ').lastIsPrefix).toBe(false);
    expect(parseQuery('"harbour master"').lastIsPrefix).toBe(false);
  });

  it('reads an unclosed quote as a phrase to the end, and a quoted single word as a word', () => {
    expect(parseQuery('"harbour master').phrases).toEqual([['harbour', 'master']]);
    expect(parseQuery('"Nordlys" log ')).toMatchObject({ words: ['nordlys', 'log'], phrases: [] });
  });

  it('folds what is typed', () => {
    expect(parseQuery('ŁÓDŹ Frederic').words).toEqual(['lodz', 'frederic']);
  });
});

describe('matchRecord', () => {
  it('highlights every word of the query in a snippet around the best match', () => {
    const body = `${'Filler words about nothing much. '.repeat(20)}The harbour master of Łódź met Frédéric at the quay.`;
    const found = matchRecord(fields(body), parseQuery('lodz frederic harb'));
    expect(found.matches).toBe(true);
    expect(found.field).toBe('body');
    expect(highlighted(found.snippet)).toEqual(['harbour', 'Łódź', 'Frédéric']);
    expect(found.snippet.text.startsWith('…')).toBe(true);
    expect(found.snippet.text.length).toBeLessThanOrEqual(220);
    expect(body.slice(found.offset!)).toMatch(/^harbour master/);
  });

  it('matches a phrase only where its words follow one another', () => {
    const apart = fields('The charter was signed later, after the vessel left.');
    expect(matchRecord(apart, parseQuery('"signed the charter"')).matches).toBe(false);
    const together = fields('Zoë Müller signed  the\ncharter for the vessel.');
    const found = matchRecord(together, parseQuery('"signed the charter"'));
    expect(found.matches).toBe(true);
    expect(highlighted(found.snippet)).toEqual(['signed  the charter']);
  });

  it('matches whole words, and the word being typed as the start of a word', () => {
    expect(highlighted(matchRecord(fields('Export and port reports'), parseQuery('port ')).snippet)).toEqual(['port']);
    expect(highlighted(matchRecord(fields('Export and port reports'), parseQuery('rep')).snippet)).toEqual(['reports']);
  });

  it('shows the body as context when only the title matched', () => {
    const found = matchRecord(fields('Lives in Bergen.', 'Zoë Müller'), parseQuery('muller'));
    expect(found.snippet).toEqual({ text: 'Lives in Bergen.', highlights: [] });
  });

  it('finds a phrase deep in a long text', () => {
    const body = `${'lorem ipsum dolor '.repeat(5_000)}the bill of lading was forged`;
    const found = matchRecord(fields(body), parseQuery('"bill of lading"'));
    expect(found.matches).toBe(true);
    expect(found.offset).toBe(body.indexOf('bill of lading'));
  });
});

describe('pageAt', () => {
  const pages = [
    { page: 1, start: 0, end: 100 },
    { page: 2, start: 100, end: 250 },
    { page: 3, start: 250, end: 300 },
  ];

  it('says which page an offset into the text is on', () => {
    expect(pageAt(pages, 0)).toBe(1);
    expect(pageAt(pages, 99)).toBe(1);
    expect(pageAt(pages, 100)).toBe(2);
    expect(pageAt(pages, 299)).toBe(3);
    expect(pageAt(null, 10)).toBeNull();
  });
});
