import type { CaseDocument, Excerpt, TextAnchor } from '../../../../../shared/domain';
import { anchorAt, locateQuote } from '../../../anchoring/anchor';
import { indexDomText } from './domText';
import { findMatches, foldText } from './find';
import { plainTextOffset, plainTextRange } from './ReaderText';

/** How the reader shows a document's text, which decides how a place on screen maps to the stored text. */
export type TextView = 'plain' | 'html' | 'pages';

/** The ranges on screen that show the document's excerpts, for highlighting. */
export function excerptRanges(container: Element, view: TextView, excerpts: readonly Excerpt[]): Range[] {
  const ranges: Range[] = [];
  const rendered = view === 'plain' ? null : indexDomText(container);
  const folded = rendered ? foldText(rendered.text) : null;
  for (const excerpt of excerpts) {
    if (view === 'plain') {
      // Plain text on screen is the stored text, so the anchor's offsets apply as they are.
      const range = excerpt.anchor ? plainTextRange(container, excerpt.anchor) : null;
      if (range) ranges.push(range);
    } else if (rendered && folded) {
      const [match] = findMatches(folded, excerpt.quote, 1);
      const range = match ? rendered.rangeOf(match) : null;
      if (range) ranges.push(range);
    }
  }
  return ranges;
}

/** The current selection inside `container` as a quote with its anchor in the document's text, or null. */
export function quoteFromSelection(
  container: Element,
  view: TextView,
  document: Pick<CaseDocument, 'text' | 'pages'>,
): { quote: string; anchor: TextAnchor | null } | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const { text } = document;

  if (view === 'plain') {
    let start = plainTextOffset(container, range.startContainer, range.startOffset);
    let end = plainTextOffset(container, range.endContainer, range.endOffset);
    if (start === null || end === null) return null;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (start === end) return null;
    return { quote: text.slice(start, end), anchor: anchorAt(text, start, end) };
  }

  const quote = selection.toString().replace(/\s+/g, ' ').trim();
  if (!quote) return null;
  const startNode = range.startContainer;
  const pageElement = (startNode instanceof Element ? startNode : startNode.parentElement)?.closest<HTMLElement>('[data-page]');
  const page = pageElement ? Number(pageElement.dataset.page) : null;
  // On a PDF page, look in that page's text first: the same words may well appear on another page.
  const span = page ? document.pages?.find((candidate) => candidate.page === page) : undefined;
  const onPage = span ? locateQuote(text.slice(span.start, span.end), quote) : null;
  const place = onPage && span ? { start: span.start + onPage.start, end: span.start + onPage.end } : locateQuote(text, quote);
  return { quote, anchor: place ? anchorAt(text, place.start, place.end, page) : null };
}
