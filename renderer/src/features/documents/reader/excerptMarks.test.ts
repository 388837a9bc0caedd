// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Excerpt, TextAnchor } from '../../../../../shared/domain';
import { anchorAt } from '../../../anchoring/anchor';
import { overlapsOf } from './excerptHighlights';
import { overlappingExcerpts, placeExcerpts, selectionAnchor } from './excerptMarks';
import { highlightNameOf, NEUTRAL_HIGHLIGHT } from './highlightColours';
import { paragraphsOf } from './ReaderText';
import { domLayout, plainLayout } from './textLayout';

function container(html: string): HTMLElement {
  const element = document.createElement('div');
  element.innerHTML = html;
  document.body.replaceChildren(element);
  return element;
}

const excerpt = (quote: string, anchor: TextAnchor | null): Excerpt =>
  ({ id: quote, quote, anchor, orphaned: false, comment: null, tags: [] }) as unknown as Excerpt;

/** A DOM range over the `occurrence`th time `words` appear in one text node under `root`. */
function rangeOver(root: Element, words: string, occurrence = 1): Range {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    for (let at = data.indexOf(words); at >= 0; at = data.indexOf(words, at + 1))
      if (++seen === occurrence) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        return range;
      }
  }
  throw new Error(`${words} not found`);
}

// The stored text as the importer writes it: list items with their markers, paragraphs on lines of their own.
const STORED = 'The night shift begins at ten.\n\nA foreman said the night shift was told to wave them through.\n\n• The first truck carried a container.\n• The second had no plates.';
const HTML = '<p>The night shift begins at ten.</p>\n<p>A foreman said the night shift was told to wave them through.</p>\n<ul>\n<li>The first truck carried a container.</li>\n<li>The second had no plates.</li>\n</ul>';

describe('marking in the HTML view', () => {
  it('anchors a repeated phrase selected at its second occurrence there, and highlights it there', () => {
    const root = container(HTML);
    const layout = domLayout(root);
    const source = { text: STORED, pages: null };
    const selected = selectionAnchor(root, layout, 'html', source, rangeOver(root, 'night shift', 2))!;
    expect(selected.quote).toBe('night shift');
    expect(selected.anchor!.start).toBe(STORED.lastIndexOf('night shift'));

    const [placed] = placeExcerpts(root, layout, 'html', source, [excerpt(selected.quote, selected.anchor)]);
    const range = layout.rangeOf(placed!.span)!;
    expect(range.toString()).toBe('night shift');
    expect(range.startContainer.parentElement!.textContent).toMatch(/^A foreman/);
  });

  it('anchors a selection across list items in the stored text, whose items have markers the page does not', () => {
    const root = container(HTML);
    const layout = domLayout(root);
    const source = { text: STORED, pages: null };
    const range = document.createRange();
    const first = rangeOver(root, 'The first truck');
    const last = rangeOver(root, 'no plates');
    range.setStart(first.startContainer, first.startOffset);
    range.setEnd(last.endContainer, last.endOffset);
    const selected = selectionAnchor(root, layout, 'html', source, range)!;
    expect(selected.quote).toBe('The first truck carried a container.\n• The second had no plates');
    const [placed] = placeExcerpts(root, layout, 'html', source, [excerpt(selected.quote, selected.anchor)]);
    expect(layout.rangeOf(placed!.span)!.toString()).toBe('The first truck carried a container.\nThe second had no plates');
  });
});

describe('marking on PDF pages', () => {
  it('finds the quote only within the anchor’s page', () => {
    const text = 'Cash was seized.\nCash was seized again.';
    const pages = [
      { page: 1, start: 0, end: 17 },
      { page: 2, start: 17, end: text.length },
    ];
    const root = container('<div data-page="1"><span>Cash was seized.</span></div><div data-page="2"><span>Cash was seized again.</span></div>');
    const layout = domLayout(root);
    const selected = selectionAnchor(root, layout, 'pages', { text, pages }, rangeOver(root, 'Cash was seized', 2))!;
    expect(selected.anchor).toMatchObject({ start: 17, page: 2 });
    const [placed] = placeExcerpts(root, layout, 'pages', { text, pages }, [excerpt(selected.quote, selected.anchor)]);
    expect(layout.rangeOf(placed!.span)!.startContainer.parentElement!.closest('[data-page]')!.getAttribute('data-page')).toBe('2');
  });
});

describe('marking in plain text', () => {
  it('uses the stored offsets both ways', () => {
    const text = 'The pilot boarded.\n\nLater the pilot boarded again.';
    const root = container(paragraphsOf(text).map(({ start, end }) => `<p data-start="${start}">${text.slice(start, end)}</p>`).join(''));
    const layout = plainLayout(root, text);
    const selected = selectionAnchor(root, layout, 'plain', { text, pages: null }, rangeOver(root, 'pilot boarded', 2))!;
    expect(selected.anchor!.start).toBe(text.lastIndexOf('pilot boarded'));
    const [placed] = placeExcerpts(root, layout, 'plain', { text, pages: null }, [excerpt(selected.quote, selected.anchor)]);
    expect(layout.rangeOf(placed!.span)!.toString()).toBe('pilot boarded');
    expect(layout.offsetOf(root.lastChild!.firstChild!, 6)).toBe(text.indexOf('Later') + 6);
  });
});

describe('highlights', () => {
  it('finds where excerpts overlap and which are marked again', () => {
    expect(overlapsOf([{ start: 5, end: 15 }, { start: 0, end: 8 }, { start: 20, end: 30 }])).toEqual([{ start: 5, end: 8 }]);
    const marked = excerpt('night shift', anchorAt(STORED, 4, 15));
    expect(overlappingExcerpts([marked], { start: 10, end: 20 })).toEqual([marked]);
    expect(overlappingExcerpts([marked], { start: 15, end: 20 })).toEqual([]);
  });

  it('names a highlight by colour, and only for colours written as hex', () => {
    expect(highlightNameOf('#C0392B')).toBe('casebook-excerpt-c0392b');
    expect(highlightNameOf(null)).toBe(NEUTRAL_HIGHLIGHT);
    expect(highlightNameOf('red; } body { display: none')).toBe(NEUTRAL_HIGHLIGHT);
  });
});
