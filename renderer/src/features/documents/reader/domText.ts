import type { TextSpan } from './find';

/**
 * The text a reader shows, read from the DOM, with the way back from an offset in it to a DOM Range: what find and
 * excerpt highlighting work on, whatever rendered the text (paragraphs, sanitised HTML, a PDF page's text layer).
 */
export interface DomText {
  text: string;
  /** The range covering `span` of `text`, or null when the span covers no rendered character. */
  rangeOf(span: TextSpan): Range | null;
  /** Where a DOM position (a selection's end, a caret under the pointer) falls in `text`, or null outside it. */
  offsetOf(node: Node, offset: number): number | null;
  /** The text nodes in document order with where each starts in `text`: what finds the part on screen. */
  segments: readonly Segment[];
}

export interface Segment {
  node: Text;
  start: number;
}

/** Elements that start a new line: a virtual line break between them keeps their words from running together. */
const BREAKING = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

export function indexDomText(root: Node): DomText {
  const segments: Segment[] = [];
  let text = '';
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      if (!data) continue;
      segments.push({ node: node as Text, start: text.length });
      text += data;
    } else if (BREAKING.has((node as Element).tagName) && text && !/\s$/.test(text)) {
      text += '\n';
    }
  }

  /** The last segment starting at or before `offset`. */
  const segmentAt = (offset: number): number => {
    let low = 0;
    let high = segments.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (segments[middle]!.start <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };

  const starts = new Map(segments.map((segment) => [segment.node, segment.start]));
  return {
    text,
    segments,
    offsetOf(node, offset) {
      const start = node.nodeType === Node.TEXT_NODE ? starts.get(node as Text) : undefined;
      if (start !== undefined) return start + offset;
      if (!root.contains(node)) return null;
      // A position between nodes: the first text at or after it, else the end of the text.
      const position = root.ownerDocument!.createRange();
      position.setStart(node, offset);
      const next = segments.find((segment) => position.comparePoint(segment.node, 0) >= 0);
      return next ? next.start : text.length;
    },
    rangeOf({ start, end }) {
      if (!segments.length || end <= start) return null;
      let first = segmentAt(start);
      let startOffset = start - segments[first]!.start;
      // A span starting on a virtual line break starts at the next text node.
      if (startOffset >= segments[first]!.node.data.length) {
        first++;
        startOffset = 0;
      }
      const last = segmentAt(end - 1);
      const endOffset = Math.min(end - segments[last]!.start, segments[last]!.node.data.length);
      if (first >= segments.length || last < first) return null;
      const range = root.ownerDocument!.createRange();
      range.setStart(segments[first]!.node, startOffset);
      range.setEnd(segments[last]!.node, endOffset);
      return range;
    },
  };
}

/** The element to scroll to so that a range comes into view. */
export function elementOf(range: Range): Element | null {
  const node = range.startContainer;
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

/** Highlights ranges under a name styled in styles.css with `::highlight(name)`; an empty list removes them. */
export function setHighlight(name: string, ranges: Range[], priority = 0) {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  if (!ranges.length) {
    CSS.highlights.delete(name);
    return;
  }
  const highlight = new Highlight(...ranges);
  highlight.priority = priority;
  CSS.highlights.set(name, highlight);
}
