import type { CaseDocument, Excerpt, TextAnchor } from '../../../../../shared/domain';
import { ANCHOR_CONTEXT_LENGTH, anchorAt, locateQuote, pageAt } from '../../../anchoring/anchor';
import { findMatches, foldText, type TextSpan } from './find';
import { layoutOf, spanOfElement, type TextLayout } from './textLayout';
import { selectionIn } from './marking/useReaderSelection';

/** How the reader shows a document's text, which decides how a place on screen maps to the stored text. */
export type TextView = 'plain' | 'html' | 'pages';

type Source = Pick<CaseDocument, 'text' | 'pages'>;

/** An excerpt with the span of the reader's text (in the layout's offsets) that shows it. */
export interface PlacedExcerpt {
  excerpt: Excerpt;
  span: TextSpan;
}

/** A stretch of the stored text and the stretch of the rendered text that shows it (a page, or the whole text). */
interface Window {
  stored: TextSpan;
  rendered: TextSpan;
}

/** The rendered span of each PDF or image page on screen with a text layer, by page number. */
function renderedPages(container: Element, layout: TextLayout): Map<number, TextSpan> {
  const spans = new Map<number, TextSpan>();
  for (const element of container.querySelectorAll<HTMLElement>('[data-page]')) {
    const span = spanOfElement(element, layout);
    if (span) spans.set(Number(element.dataset.page), span);
  }
  return spans;
}

/** The window covering pages `from` to `to`, or null when one of them is not rendered (its layer drawn off screen). */
function pagesWindow(source: Source, rendered: Map<number, TextSpan>, from: number, to: number): Window | null {
  const first = source.pages?.find((span) => span.page === from);
  const last = source.pages?.find((span) => span.page === to);
  const shownFirst = rendered.get(from);
  const shownLast = rendered.get(to);
  if (!first || !last || !shownFirst || !shownLast) return null;
  return { stored: { start: first.start, end: last.end }, rendered: { start: shownFirst.start, end: shownLast.end } };
}

/**
 * Where a quote is in `text` within `window`, near `guess` (an offset in `text`) and between `prefix` and `suffix`:
 * the anchoring module's choice among exact occurrences, else the nearest match ignoring case, accents and spacing
 * (a PDF's text layer and its stored text often differ in white space and hyphens).
 */
function locateNear(text: string, quote: string, window: TextSpan, guess: number, prefix: string, suffix: string): TextSpan | null {
  const slice = text.slice(window.start, window.end);
  const exact = locateQuote(slice, quote, { start: guess - window.start, prefix, suffix });
  if (exact) return { start: window.start + exact.start, end: window.start + exact.end };
  const nearest = (matches: Iterable<TextSpan>) => {
    let best: TextSpan | null = null;
    for (const match of matches) {
      if (!best || Math.abs(match.start + window.start - guess) < Math.abs(best.start - guess))
        best = { start: window.start + match.start, end: window.start + match.end };
    }
    return best;
  };
  return nearest(looseMatches(slice, quote)) ?? nearest(findMatches(foldText(slice), quote));
}

/** A list item's marker as the stored text writes it ("•", "3.") and the reader's list draws it, outside the text. */
const MARKER = /^(?:[•◦▪‣*–-]|\d{1,3}[.)])$/;
const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the quote's words occur in order, separated by any white space with or without a list item's marker: the
 * stored text of a list writes "• " before each item, which the HTML view draws as a bullet and the DOM does not hold.
 */
function* looseMatches(text: string, quote: string): Generator<TextSpan> {
  const words = quote.split(/\s+/).filter((word) => word && !MARKER.test(word));
  if (words.length < 2) return;
  const pattern = new RegExp(words.map(escape).join('(?:\\s+(?:[•◦▪‣*–-]|\\d{1,3}[.)]))?\\s+'), 'g');
  let count = 0;
  for (const match of text.matchAll(pattern)) {
    yield { start: match.index, end: match.index + match[0].length };
    if (++count >= 1_000) return;
  }
}

/** An offset in one window's stretch mapped proportionally into the other's: where to look first. */
const proportional = (offset: number, from: TextSpan, to: TextSpan) =>
  to.start + Math.round(((offset - from.start) * (to.end - to.start)) / Math.max(1, from.end - from.start));

/**
 * Where each excerpt shows in the reader: at its anchor's offsets in plain text; in the HTML view and on PDF pages,
 * the quote found in the rendered text near the anchor's proportional position and between its prefix and suffix
 * (on a PDF only within its pages), so that the occurrence the researcher selected is the one highlighted.
 */
export function placeExcerpts(
  container: Element,
  layout: TextLayout,
  view: TextView,
  source: Source,
  excerpts: readonly Excerpt[],
): PlacedExcerpt[] {
  const placed: PlacedExcerpt[] = [];
  const pages = view === 'pages' ? renderedPages(container, layout) : null;
  const whole: Window = { stored: { start: 0, end: source.text.length }, rendered: { start: 0, end: layout.text.length } };
  for (const excerpt of excerpts) {
    const { anchor } = excerpt;
    if (!anchor || excerpt.orphaned) continue;
    if (view === 'plain') {
      // Plain text on screen is the stored text, so the anchor's offsets apply as they are.
      placed.push({ excerpt, span: { start: anchor.start, end: anchor.end } });
      continue;
    }
    let window: Window | null = whole;
    if (pages) {
      const from = anchor.page ?? pageAt(source.pages, anchor.start);
      const to = pageAt(source.pages, Math.max(anchor.start, anchor.end - 1)) ?? from;
      window = from === null || to === null ? null : pagesWindow(source, pages, from, to);
    }
    if (!window) continue;
    const guess = proportional(anchor.start, window.stored, window.rendered);
    const span = locateNear(layout.text, excerpt.quote, window.rendered, guess, anchor.prefix, anchor.suffix);
    if (span) placed.push({ excerpt, span });
  }
  return placed;
}

/** The page element a DOM position is on, if any. */
function pageOf(node: Node): number | null {
  const element = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('[data-page]');
  return element ? Number(element.dataset.page) : null;
}

/**
 * A selection (a DOM range inside the reader) as a quote with its anchor in the document's stored text, or null when
 * it holds no words. In the HTML view and on PDF pages the selected words are found in the stored text near the same
 * proportional place and between the same words around them (on a PDF, within the pages the selection spans), and
 * the quote is the stored text's own words there.
 */
export function selectionAnchor(
  container: Element,
  layout: TextLayout,
  view: TextView,
  source: Source,
  range: Range,
): { quote: string; anchor: TextAnchor | null } | null {
  let start = layout.offsetOf(range.startContainer, range.startOffset);
  let end = layout.offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  const shown = layout.text;
  while (start < end && /\s/.test(shown[start]!)) start++;
  while (end > start && /\s/.test(shown[end - 1]!)) end--;
  if (start >= end) return null;
  const { text } = source;
  if (view === 'plain') return { quote: text.slice(start, end), anchor: anchorAt(text, start, end) };

  let window: Window = { stored: { start: 0, end: text.length }, rendered: { start: 0, end: shown.length } };
  let page: number | null = null;
  if (view === 'pages') {
    page = pageOf(range.startContainer);
    const last = pageOf(range.endContainer) ?? page;
    const pages = renderedPages(container, layout);
    const onPages = page !== null && last !== null ? pagesWindow(source, pages, page, last) : null;
    if (onPages) window = onPages;
  }
  const quote = shown.slice(start, end);
  const prefix = shown.slice(Math.max(window.rendered.start, start - ANCHOR_CONTEXT_LENGTH), start);
  const suffix = shown.slice(end, Math.min(window.rendered.end, end + ANCHOR_CONTEXT_LENGTH));
  const guess = proportional(start, window.rendered, window.stored);
  const place = locateNear(text, quote, window.stored, guess, prefix, suffix);
  if (!place) return { quote: quote.replace(/\s+/g, ' '), anchor: null };
  return { quote: text.slice(place.start, place.end), anchor: anchorAt(text, place.start, place.end, page ?? pageAt(source.pages, place.start)) };
}

/** The reader's current selection inside `container` as a quote with its anchor, or null when it holds no words. */
export function quoteFromSelection(
  container: Element,
  view: TextView,
  source: Source,
): { quote: string; anchor: TextAnchor | null } | null {
  const current = selectionIn(container);
  if (!current) return null;
  return selectionAnchor(container, layoutOf(container, view, source.text), view, source, current.range);
}

/** The placed excerpts covering an offset of the layout's text. */
export function excerptsAt(placed: readonly PlacedExcerpt[], offset: number): PlacedExcerpt[] {
  return placed.filter(({ span }) => span.start <= offset && offset < span.end);
}

/** The document's excerpts whose anchors overlap a span of its stored text: marking it again offers them instead. */
export function overlappingExcerpts(excerpts: readonly Excerpt[], span: TextSpan): Excerpt[] {
  return excerpts.filter((excerpt) => excerpt.anchor && !excerpt.orphaned && excerpt.anchor.start < span.end && span.start < excerpt.anchor.end);
}
