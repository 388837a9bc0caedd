import { indexDomText } from './domText';
import type { TextView } from './excerptMarks';
import type { TextSpan } from './find';

/**
 * The reader's text as laid out on screen, whatever rendered it, in one system of offsets: the stored text for plain
 * text (its paragraphs hold exactly their slices), the text read from the DOM for the HTML view and PDF pages. It
 * turns a span into a DOM range, a DOM position into an offset, and finds which part of the text is on screen.
 */
export interface TextLayout {
  text: string;
  rangeOf(span: TextSpan): Range | null;
  offsetOf(node: Node, offset: number): number | null;
  /** Pieces of the text in document order (paragraphs, text nodes), each with its span: measured to find what is on screen. */
  blocks: readonly Block[];
}

interface Block {
  node: Node;
  start: number;
  end: number;
}

/** Plain text rendered by PlainText: paragraphs with `data-start`, found by binary search rather than a query per call. */
export function plainLayout(container: Element, text: string): TextLayout {
  const blocks: Block[] = Array.from(container.querySelectorAll<HTMLElement>('p[data-start]'), (element) => {
    const start = Number(element.dataset.start);
    return { node: element, start, end: start + (element.textContent?.length ?? 0) };
  });
  /** The last block starting at or before `offset`, or -1. */
  const blockAt = (offset: number) => {
    let low = 0;
    let high = blocks.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (blocks[middle]!.start <= offset) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  };
  return {
    text,
    blocks,
    rangeOf({ start, end }) {
      let first = blockAt(start);
      if (first < 0 || blocks[first]!.end <= start) first++;
      const last = blockAt(end - 1);
      if (first >= blocks.length || last < first) return null;
      const startNode = blocks[first]!.node.firstChild;
      const endNode = blocks[last]!.node.firstChild;
      if (!startNode || !endNode) return null;
      const range = container.ownerDocument.createRange();
      range.setStart(startNode, Math.max(0, start - blocks[first]!.start));
      range.setEnd(endNode, Math.min(blocks[last]!.end, end) - blocks[last]!.start);
      return range;
    },
    offsetOf(node, offset) {
      const element = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest<HTMLElement>('p[data-start]');
      if (element && container.contains(element)) {
        const start = Number(element.dataset.start);
        if (node.nodeType === Node.TEXT_NODE) return start + offset;
        return start + (offset === 0 ? 0 : (element.textContent?.length ?? 0));
      }
      if (!container.contains(node)) return null;
      // Between paragraphs (a triple-click ends there): the start of the next one, or the end of the text.
      const position = container.ownerDocument.createRange();
      position.setStart(node, offset);
      const next = blocks.find((block) => position.comparePoint(block.node, 0) >= 0);
      return next ? next.start : (blocks.at(-1)?.end ?? null);
    },
  };
}

/** The layout of a view: plain text keeps the stored text's offsets; the HTML view and pages are read from the DOM. */
export function layoutOf(container: Element, view: TextView, text: string): TextLayout {
  return view === 'plain' ? plainLayout(container, text) : domLayout(container);
}

/** Text read from the DOM (sanitised HTML, PDF.js's or the OCR's text layers). */
export function domLayout(container: Element): TextLayout {
  const dom = indexDomText(container);
  const blocks = dom.segments
    // White space between elements has no place of its own on screen to measure.
    .filter((segment) => segment.node.data.trim())
    .map((segment) => ({ node: segment.node, start: segment.start, end: segment.start + segment.node.data.length }));
  return { text: dom.text, blocks, rangeOf: dom.rangeOf, offsetOf: dom.offsetOf };
}

function boxOf(node: Node): DOMRect {
  if (node.nodeType === Node.ELEMENT_NODE) return (node as Element).getBoundingClientRect();
  const range = node.ownerDocument!.createRange();
  range.selectNodeContents(node);
  return range.getBoundingClientRect();
}

/**
 * The span of the text shown between `top` and `bottom` (client coordinates), found by binary search over the
 * blocks (a few layout reads, whatever the length of the document); null when none is there.
 */
export function spanOnScreen(layout: TextLayout, top: number, bottom: number): TextSpan | null {
  const { blocks } = layout;
  if (!blocks.length) return null;
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (boxOf(blocks[middle]!.node).bottom < top) low = middle + 1;
    else high = middle;
  }
  const first = low;
  low = first;
  high = blocks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (boxOf(blocks[middle]!.node).top <= bottom) low = middle + 1;
    else high = middle;
  }
  const last = low - 1;
  if (first >= blocks.length || last < first) return null;
  return { start: blocks[first]!.start, end: blocks[last]!.end };
}

/** The span of the layout an element's text covers (a PDF page's text layer, say), or null if it has none laid out. */
export function spanOfElement(element: Element, layout: TextLayout): TextSpan | null {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let first: Text | null = null;
  let last: Text | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    first ??= node as Text;
    last = node as Text;
  }
  if (!first || !last) return null;
  const start = layout.offsetOf(first, 0);
  const end = layout.offsetOf(last, last.data.length);
  return start === null || end === null ? null : { start, end };
}
