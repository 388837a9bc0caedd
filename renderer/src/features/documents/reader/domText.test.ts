// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { indexDomText } from './domText';
import { findMatches, foldText } from './find';
import { paragraphsOf, plainTextOffset, plainTextRange } from './ReaderText';

function container(html: string): HTMLElement {
  const element = document.createElement('div');
  element.innerHTML = html;
  document.body.replaceChildren(element);
  return element;
}

describe('indexDomText', () => {
  it('reads the text across elements, keeping paragraphs apart, and maps matches back to ranges', () => {
    const root = container('<h1>Port raids</h1><p>Police in <em>Vell</em>port arrested 43.</p><p>Cash seized.</p>');
    const text = indexDomText(root);
    expect(text.text).toBe('Port raids\nPolice in Vellport arrested 43.\nCash seized.');
    const [match] = findMatches(foldText(text.text), 'vellport');
    expect(text.rangeOf(match!)?.toString()).toBe('Vellport');
    // "raids Police" would only match if the heading and the paragraph ran together.
    expect(findMatches(foldText(text.text), 'raidspolice')).toEqual([]);
  });

  it('starts a range that begins on a line break at the next text', () => {
    const root = container('<p>One</p><p>Two</p>');
    const text = indexDomText(root);
    expect(text.rangeOf({ start: 3, end: 7 })?.toString()).toBe('Two');
  });
});

describe('plain text paragraphs', () => {
  const TEXT = 'Title\n\nFirst paragraph,\nsecond line.\n\n\n  Last one.  \n';

  it('splits on blank lines and keeps each paragraph’s place in the text', () => {
    expect(paragraphsOf(TEXT).map(({ start, end }) => TEXT.slice(start, end))).toEqual([
      'Title',
      'First paragraph,\nsecond line.',
      'Last one.',
    ]);
  });

  it('maps text offsets to ranges and DOM positions back to offsets', () => {
    const root = container(
      paragraphsOf(TEXT)
        .map(({ start, end }) => `<p data-start="${start}">${TEXT.slice(start, end)}</p>`)
        .join(''),
    );
    const start = TEXT.indexOf('paragraph');
    const end = TEXT.indexOf('Last') + 4;
    const range = plainTextRange(root, { start, end })!;
    expect(range.toString()).toBe('paragraph,\nsecond line.Last');
    expect(plainTextOffset(root, range.startContainer, range.startOffset)).toBe(start);
    expect(plainTextOffset(root, range.endContainer, range.endOffset)).toBe(end);
    // The position after the second paragraph, as a triple-click leaves it, is where the next paragraph starts.
    expect(plainTextOffset(root, root, 2)).toBe(TEXT.indexOf('Last'));
  });
});
