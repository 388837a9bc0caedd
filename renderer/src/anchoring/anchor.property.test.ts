import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorAt, locateAnchor } from './anchor';

/**
 * Properties of locating an excerpt again, over random texts, selections and edits: the guarantees a researcher
 * relies on when a document's text changes under their excerpts.
 */

const word = (letters: string, max = 8) =>
  fc.string({ unit: fc.constantFrom(...letters.split('')), minLength: 1, maxLength: max });
const lower = 'abcdefghijklmnopqrstuvwxyz';
/** Text of random lowercase words, spaces and line breaks: long quotes in it are (almost always) unique. */
const prose = (min: number, max: number) =>
  fc.array(fc.tuple(word(lower), fc.constantFrom(' ', ' ', ' ', '\n')), { minLength: min, maxLength: max })
    .map((parts) => parts.map(([w, gap]) => w + gap).join(''));

/** A selection as the reader makes it: start and end inside the text, no white space at either end. */
function selectionIn(text: string, a: number, b: number): { start: number; end: number } | null {
  let start = Math.min(a, b) % (text.length + 1);
  let end = Math.max(a, b) % (text.length + 1);
  if (start > end) [start, end] = [end, start];
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

describe('locating an excerpt (property-based)', () => {
  it('finds exactly the selected range in an unchanged text, repeats and all', () => {
    // A tiny alphabet makes every short quote occur many times over.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n'), minLength: 1, maxLength: 300 });
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (text, a, b) => {
        const selection = selectionIn(text, a, b);
        if (!selection) return;
        const anchor = anchorAt(text, selection.start, selection.end);
        const found = locateAnchor(text, text.slice(selection.start, selection.end), anchor);
        expect(found).toEqual({ ...selection, strategy: 'position', errors: 0 });
      }),
      { numRuns: 500 },
    );
  });

  it('still finds the quote, shifted, after random edits outside it', () => {
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: prose(0, 6) });
    fc.assert(
      fc.property(prose(20, 120), fc.nat(), fc.nat({ max: 120 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (text, a, length, edits) => {
        const selection = selectionIn(text, a, a + 8 + length);
        if (!selection || selection.end - selection.start < 8) return;
        const quote = text.slice(selection.start, selection.end);
        const anchor = anchorAt(text, selection.start, selection.end);
        let changed = text;
        let { start, end } = selection;
        for (const { at, remove, insert } of edits) {
          // An edit wholly before the quote or wholly after it.
          const before = at % 2 === 0;
          const from = before ? (at >> 1) % (start + 1) : end + ((at >> 1) % (changed.length - end + 1));
          const to = before ? Math.min(start, from + remove) : Math.min(changed.length, from + remove);
          changed = changed.slice(0, from) + insert + changed.slice(to);
          if (before) {
            start += insert.length - (to - from);
            end += insert.length - (to - from);
          }
        }
        // An edit can, rarely, write a second copy of the quote beside the same context; then either is right.
        if (changed.indexOf(quote) !== changed.lastIndexOf(quote)) return;
        const found = locateAnchor(changed, quote, anchor);
        expect(found).toMatchObject({ start, end });
      }),
      { numRuns: 500 },
    );
  });

  it('reports a destroyed quote as lost, never placing it elsewhere', () => {
    // The quote's words are in capitals, the rest of the text in small letters: no other place can hold them.
    const quote = fc.array(word('ABCDEFGHIJKLMNOPQRSTUVWXYZ'), { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(prose(0, 60), quote, prose(0, 60), prose(0, 8), (left, quote, right, replacement) => {
        const text = `${left}${quote} ${right}`;
        const anchor = anchorAt(text, left.length, left.length + quote.length);
        const destroyed = `${left}${replacement} ${right}`;
        expect(locateAnchor(destroyed, quote, anchor)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('resolves a repeated phrase to the occurrence selected, before and after an edit elsewhere', () => {
    fc.assert(
      fc.property(
        fc.array(prose(1, 8), { minLength: 2, maxLength: 8 }),
        word(lower, 12),
        fc.nat(),
        prose(1, 10),
        (fillers, phrase, pick, inserted) => {
          const phraseText = `${phrase} ${phrase}`;
          // The phrase between each pair of fillers: it occurs fillers.length - 1 times.
          const text = fillers.join(` ${phraseText} `);
          const starts: number[] = [];
          for (let at = 0, i = 0; i < fillers.length - 1; i++) {
            at += fillers[i]!.length + 1;
            starts.push(at);
            at += phraseText.length + 1;
          }
          const start = starts[pick % starts.length]!;
          const anchor = anchorAt(text, start, start + phraseText.length);
          expect(locateAnchor(text, phraseText, anchor)).toMatchObject({ start, strategy: 'position' });
          const edited = `${inserted}\n${text}`;
          const shifted = start + inserted.length + 1;
          const found = locateAnchor(edited, phraseText, anchor);
          // The fillers either side of the selected occurrence are what tell it apart; identical fillers cannot.
          const neighbours = (i: number) => `${fillers[i]}|${fillers[i + 1]}`;
          const chosen = pick % starts.length;
          if (fillers.some((_, i) => i !== chosen && i < starts.length && neighbours(i) === neighbours(chosen))) return;
          expect(found).toMatchObject({ start: shifted, end: shifted + phraseText.length });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds a quote with a character changed inside it approximately, at the same place', () => {
    fc.assert(
      fc.property(prose(10, 60), fc.nat(), fc.nat(), fc.constantFrom(...lower.split('')), (text, a, change, letter) => {
        const selection = selectionIn(text, a, a + 40);
        if (!selection || selection.end - selection.start < 30) return;
        const quote = text.slice(selection.start, selection.end);
        const inside = selection.start + 1 + (change % (quote.length - 2));
        if (text[inside] === letter || /\s/.test(text[inside]!)) return;
        const anchor = anchorAt(text, selection.start, selection.end);
        const edited = text.slice(0, inside) + letter + text.slice(inside + 1);
        const found = locateAnchor(edited, quote, anchor);
        expect(found?.strategy).toBe('approximate');
        expect(Math.abs(found!.start - selection.start)).toBeLessThanOrEqual(1);
        expect(Math.abs(found!.end - selection.end)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
