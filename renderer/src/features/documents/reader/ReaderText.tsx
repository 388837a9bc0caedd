import { useMemo } from 'react';
import { openExternalLink } from '../../../app/externalLinks';
import type { TextSpan } from './find';
import { followableHref, sanitizedHtml } from '../../../html/sanitize';

/** A paragraph of a plain text: `text.slice(start, end)`. */
interface Paragraph {
  start: number;
  end: number;
}

/** Paragraphs are separated by blank lines; white space around them is not part of any. */
export function paragraphsOf(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const separator = /\n[^\S\n]*\n\s*/g;
  let start = 0;
  const push = (end: number) => {
    const slice = text.slice(start, end);
    const lead = slice.length - slice.trimStart().length;
    const trail = slice.length - slice.trimEnd().length;
    if (slice.trim()) paragraphs.push({ start: start + lead, end: end - trail });
  };
  for (const match of text.matchAll(separator)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(text.length);
  return paragraphs;
}

/**
 * A plain text as paragraphs. Each paragraph holds exactly its slice of the text and says where it starts, so a
 * selection or an excerpt maps to offsets in `text` without searching.
 */
export function PlainText({ text }: { text: string }) {
  const paragraphs = useMemo(() => paragraphsOf(text), [text]);
  return (
    <div className="reader-text plain">
      {paragraphs.map((paragraph) => (
        <p key={paragraph.start} data-start={paragraph.start}>
          {text.slice(paragraph.start, paragraph.end)}
        </p>
      ))}
    </div>
  );
}

/**
 * Sanitised HTML of a web page or a Word file, without the lines removed as site text; links open outside the app,
 * never inside it.
 */
export function HtmlText({ html, removedLines }: { html: string; removedLines?: ReadonlySet<number> }) {
  const clean = useMemo(() => sanitizedHtml(html, 'reader', { removedLines }), [html, removedLines]);
  const onClick = (event: React.MouseEvent) => {
    const link = (event.target as Element).closest('a');
    if (!link) return;
    event.preventDefault();
    const href = followableHref(link);
    if (href) void openExternalLink(href);
  };
  // A middle click would open the link in a new tab without asking: it goes through the same question.
  const onAuxClick = (event: React.MouseEvent) => {
    if (event.button === 1) onClick(event);
  };
  return <div className="reader-text html" onClick={onClick} onAuxClick={onAuxClick} dangerouslySetInnerHTML={{ __html: clean }} />;
}

/** The paragraphs PlainText rendered, with where each starts in the text. */
function renderedParagraphs(container: Element): { element: HTMLElement; start: number; length: number }[] {
  return Array.from(container.querySelectorAll<HTMLElement>('p[data-start]'), (element) => ({
    element,
    start: Number(element.dataset.start),
    length: element.textContent?.length ?? 0,
  }));
}

/** The DOM range showing `span` of a plain text rendered by PlainText inside `container`. */
export function plainTextRange(container: Element, span: TextSpan): Range | null {
  const paragraphs = renderedParagraphs(container);
  const first = paragraphs.find((paragraph) => paragraph.start + paragraph.length > span.start);
  const last = paragraphs.findLast((paragraph) => paragraph.start < span.end);
  if (!first || !last || first.start > last.start) return null;
  const firstNode = first.element.firstChild;
  const lastNode = last.element.firstChild;
  if (!firstNode || !lastNode) return null;
  const range = container.ownerDocument.createRange();
  range.setStart(firstNode, Math.max(0, span.start - first.start));
  range.setEnd(lastNode, Math.min(last.length, span.end - last.start));
  return range;
}

/** Where a DOM position inside PlainText's output falls in the text, or null when it is outside it. */
export function plainTextOffset(container: Element, node: Node, offset: number): number | null {
  const paragraphs = renderedParagraphs(container);
  const paragraph = paragraphs.find(({ element }) => element === node || element.contains(node));
  if (paragraph) {
    if (node.nodeType === Node.TEXT_NODE) return paragraph.start + offset;
    return paragraph.start + (offset === 0 ? 0 : paragraph.length);
  }
  // A position between paragraphs (triple-click ends there): the start of the next one, or the end of the text.
  if (!container.contains(node)) return null;
  const position = node.ownerDocument!.createRange();
  position.setStart(node, offset);
  const next = paragraphs.find(({ element }) => position.comparePoint(element, 0) >= 0);
  if (next) return next.start;
  const last = paragraphs.at(-1);
  return last ? last.start + last.length : null;
}
