import { LINES_ATTRIBUTE } from '../cleanup/lineNumbers';
import { keptTextOf } from '../cleanup/keptText';
import { chromeToRemove } from '../cleanup/proposeCleanup';
import { domToLines, type TextOptions } from './dom-text';
import { CHROME_ATTRIBUTE, lineKey } from './page-chrome';
import type { ParsedDocument } from './types';

/**
 * The text of a parsed document with its site chrome taken out at import, shared by the parsers whose text comes
 * from HTML (saved pages, Word, Markdown). Every line of the text is numbered in the HTML (`data-lines` on the
 * element it came from), so the reader can hide the elements of the lines removed and show them again when the
 * researcher puts a line back or undoes the clean-up; the text as extracted is kept to be stored as version 1.
 */

export interface CleanupOptions {
  /** False reads the text as Casebook did before clean-up at import: nothing removed, no line numbers in the HTML. */
  cleanUp?: boolean;
}

export interface TextAndHtml {
  text: string;
  html: string;
  cleanup: ParsedDocument['cleanup'];
}

export function cleanedText(
  root: Element,
  options: CleanupOptions &
    Pick<TextOptions, 'skip'> & {
      /** A saved page's article (Readability's): its headline, byline and dates are recognised too. */
      extracted?: boolean;
      title?: string | null;
      authors?: readonly string[];
      /** A document someone wrote (Word, Markdown): only what cannot be theirs goes. */
      onlySure?: boolean;
      /** Lines of the site's boxes noted before Readability rewrote the page (PageNotes.boxLines). */
      boxLines?: ReadonlyMap<string, string>;
    },
): TextAndHtml {
  if (options.cleanUp === false) {
    const { text } = domToLines(root, { skip: options.skip });
    return { text, html: root.innerHTML, cleanup: null };
  }
  // A picture's credit inside its caption becomes a line of its own, which can go while the caption stays.
  const { text, lines } = domToLines(root, { skip: options.skip, ownLine: (element) => element.getAttribute(CHROME_ATTRIBUTE) === 'Picture credit' });

  const known = new Map<number, string>();
  lines.forEach((line, index) => {
    if (!line.text) return;
    const marked = line.owner?.closest?.(`[${CHROME_ATTRIBUTE}]`);
    const reason = marked && root.contains(marked) ? marked.getAttribute(CHROME_ATTRIBUTE) : options.boxLines?.get(lineKey(line.text));
    if (reason) known.set(index, reason);
  });
  const removed = chromeToRemove(text, {
    known,
    extracted: options.extracted,
    title: options.title,
    authors: options.authors,
    onlySure: options.onlySure,
  });

  numberLines(root, lines);
  for (const element of root.querySelectorAll(`[${CHROME_ATTRIBUTE}]`)) element.removeAttribute(CHROME_ATTRIBUTE);
  root.removeAttribute(CHROME_ATTRIBUTE);
  return {
    text: removed.length ? keptTextOf(text, new Set(removed.map((line) => line.index))) : text,
    html: root.innerHTML,
    cleanup: removed.length ? { originalText: text, removed } : null,
  };
}

/**
 * Writes each line's number on the element it came from, and on every element around it that holds lines of its own
 * (a caption holding its credit, a block holding text beside a nested paragraph), so an element is hidden only when
 * every line in it is removed. An element holding several lines also gets the text of each of its own lines wrapped
 * in a numbered <span>, so one of them can be hidden without the others.
 */
function numberLines(root: Element, lines: ReturnType<typeof domToLines>['lines']) {
  const own = new Map<Element, number[]>();
  lines.forEach((line, index) => {
    if (!line.owner || !line.text) return;
    const numbers = own.get(line.owner);
    if (numbers) numbers.push(index);
    else own.set(line.owner, [index]);
  });
  const held = new Map<Element, number[]>();
  for (const [owner, numbers] of own)
    for (let element: Element | null = owner; element && element !== root; element = element.parentElement)
      if (own.has(element)) {
        const all = held.get(element);
        if (all) all.push(...numbers);
        else held.set(element, [...numbers]);
      }
  const doc = root.ownerDocument;
  for (const [owner, numbers] of own) {
    const all = held.get(owner);
    if (all) owner.setAttribute(LINES_ATTRIBUTE, [...new Set(all)].sort((a, b) => a - b).join(' '));
    if (all && all.length === 1) continue;
    for (const index of numbers)
      for (const node of lines[index]!.nodes) {
        // Preformatted text is one node for all its lines: it can only be shown or hidden whole.
        if (node.nodeType !== 3 || !node.parentNode || !(node.nodeValue ?? '').trim()) continue;
        const span = doc.createElement('span');
        span.setAttribute(LINES_ATTRIBUTE, String(index));
        node.parentNode.insertBefore(span, node);
        span.appendChild(node);
      }
  }
}
