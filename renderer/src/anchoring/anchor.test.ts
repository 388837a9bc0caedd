import { describe, expect, it } from 'vitest';
import { anchorAt, anchorFits, anchorQuote, locateAnchor, locateQuote, reanchor } from './anchor';
import { allowedErrors } from './approximate';

describe('locateQuote', () => {
  it('finds a quote exactly, or across different line breaks', () => {
    const text = 'The ship left\nat dawn. The ship left at noon.';
    expect(locateQuote(text, 'at dawn')).toEqual({ start: 14, end: 21 });
    expect(locateQuote(text, 'The ship left at dawn')).toEqual({ start: 0, end: 21 });
    expect(locateQuote(text, 'at dusk')).toBeNull();
  });

  it('picks the occurrence whose surroundings match the old anchor', () => {
    const text = 'Cash was found. Later, more cash was found in the boat.';
    const second = text.lastIndexOf('was found');
    const anchor = anchorAt(text, second, second + 'was found'.length);
    const moved = `Intro. ${text}`;
    expect(locateQuote(moved, 'was found', anchor)).toEqual({ start: second + 7, end: second + 16 });
  });
});

describe('anchorFits', () => {
  const text = 'The ship left\nat dawn. The ship left at noon.';
  it('accepts the quote at its offsets, line breaks and runs of spaces aside', () => {
    expect(anchorFits(text, 'left at dawn', { start: 9, end: 21 })).toBe(true);
    expect(anchorFits(text, 'The ship', { start: 0, end: 8 })).toBe(true);
  });
  it('refuses other words, offsets outside the text and an empty span', () => {
    expect(anchorFits(text, 'left at noon', { start: 9, end: 21 })).toBe(false);
    expect(anchorFits(text, 'noon.', { start: text.length - 5, end: text.length + 1 })).toBe(false);
    expect(anchorFits(text, '', { start: 3, end: 3 })).toBe(false);
  });
});

describe('anchorQuote', () => {
  const pages = [
    { page: 1, start: 0, end: 20 },
    { page: 2, start: 22, end: 44 },
  ];
  const text = 'Cash found on board.\n\nCash found on the quay.';
  it('anchors at the given place, with the words either side and the page it falls on', () => {
    const start = text.lastIndexOf('Cash found');
    expect(anchorQuote(text, 'Cash found', { at: { start, end: start + 10 }, pages })).toEqual({
      start,
      end: start + 10,
      prefix: 'Cash found on board.\n\n',
      suffix: ' on the quay.',
      page: 2,
    });
  });
  it('is null when the given place does not hold the quote', () => {
    expect(anchorQuote(text, 'Cash found', { at: { start: 5, end: 15 }, pages })).toBeNull();
  });
  it('finds the quote itself when no place is given, near a previous anchor when there is one', () => {
    expect(anchorQuote(text, 'Cash found')).toMatchObject({ start: 0, page: null });
    const previous = anchorAt(text, 22, 32);
    expect(anchorQuote(`Intro. ${text}`, 'Cash found', { previous })).toMatchObject({ start: 29 });
    expect(anchorQuote(text, 'Cash lost')).toBeNull();
  });
});

describe('locateAnchor', () => {
  const text = 'The harbour master said the Rosa left at dawn with forty crates of cigarettes on board, bound for Gdańsk.';
  const quote = 'the Rosa left at dawn with forty crates';
  const start = text.indexOf(quote);
  const anchor = anchorAt(text, start, start + quote.length);

  it('says which step found the quote: its place, the quote with its context, or approximately', () => {
    expect(locateAnchor(text, quote, anchor)).toEqual({ start, end: start + quote.length, strategy: 'position', errors: 0 });
    const moved = `Statement taken on 3 March. ${text}`;
    expect(locateAnchor(moved, quote, anchor)).toMatchObject({ start: start + 28, strategy: 'quote' });
    const corrected = text.replace('forty', 'fourty');
    expect(locateAnchor(corrected, quote, anchor)).toMatchObject({ start, strategy: 'approximate', errors: 1 });
  });

  it('takes a place an edit is known to have moved the quote to (a hint) before searching', () => {
    const twice = `${text} ${text}`;
    const second = text.length + 1 + start;
    expect(locateAnchor(twice, quote, anchor, second)).toMatchObject({ start: second, strategy: 'position' });
  });

  it('reports a quote whose words changed too much as lost rather than attach it to look-alike words', () => {
    const rewritten = text.replace('the Rosa left at dawn with forty crates', 'the Rosa was seized at noon with ten crates');
    expect(locateAnchor(rewritten, quote, anchor)).toBeNull();
    // A short quote with one letter changed is another word as often as a misreading: no tolerance.
    const short = anchorAt(text, text.indexOf('at dawn'), text.indexOf('at dawn') + 7);
    expect(locateAnchor(text.replace('at dawn', 'at down'), 'at dawn', short)).toBeNull();
    expect(allowedErrors(9, 2)).toBe(0);
  });

  it('refuses an approximate match whose context is gone on both sides', () => {
    const elsewhere = `Nothing here. Later, a different witness: the Rosa left at dusk with forty crates, he thought.`;
    expect(locateAnchor(elsewhere, quote, anchor)).toBeNull();
  });

  it('gives the anchor its new context and page (reanchor)', () => {
    const pages = [{ page: 1, start: 0, end: 5 }, { page: 2, start: 6, end: 200 }];
    const moved = `Intro\n${text}`;
    expect(reanchor(moved, quote, anchor, { pages })).toEqual({
      anchor: anchorAt(moved, start + 6, start + 6 + quote.length, 2),
      strategy: 'quote',
    });
  });
});
