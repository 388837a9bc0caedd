import { DOMParser } from 'linkedom/worker';

/**
 * Parses markup with linkedom, which needs no DOM and so runs in the worker (typed as the DOM it imitates).
 * linkedom builds the tree as written and does not add the <html>, <head> and <body> a browser would: markup
 * without them (fragments saved as .html, minimal pages) is given them first, so `document.body` holds the content.
 */
export function parseHtmlDocument(html: string): Document {
  return withHeadAndBody(new DOMParser().parseFromString(withDocumentStructure(html), 'text/html') as unknown as Document);
}

/** What a browser's parser keeps in <head>; anything else there starts the body. */
const HEAD_CONTENT = new Set(['TITLE', 'META', 'LINK', 'STYLE', 'SCRIPT', 'BASE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * The document made whole as a browser's parser makes it, which linkedom does not: a root holding a <head> of
 * metadata and a <body> of everything else. A damaged page (markup cut short, repeated or spliced) can leave linkedom
 * with no root at all, text beside it, or the article inside a <head> never closed, where Readability and the
 * metadata readers, which expect a browser's document, failed on it.
 */
function withHeadAndBody(doc: Document): Document {
  let root = doc.documentElement as Element | null;
  if (!root) root = doc.appendChild(doc.createElement('html'));
  const elements = [...root.children];
  const head = elements.find((element) => element.tagName === 'HEAD') ?? root.insertBefore(doc.createElement('head'), root.firstChild);
  const body = elements.find((element) => element.tagName === 'BODY') ?? root.appendChild(doc.createElement('body'));
  // What stands before the body, in order: the head's content from its first that is not metadata, and what is
  // beside the head and body in the root and in the document.
  const before: Node[] = [];
  const stray = [...head.childNodes].find((node) =>
    node.nodeType === node.ELEMENT_NODE ? !HEAD_CONTENT.has((node as Element).tagName) : node.nodeType === node.TEXT_NODE && Boolean(node.textContent?.trim()),
  );
  for (let node = stray ?? null; node; node = node.nextSibling) before.push(node);
  const after: Node[] = [];
  let passedBody = false;
  for (const node of [...root.childNodes]) {
    if (node === body) passedBody = true;
    else if (node !== head) (passedBody ? after : before).push(node);
  }
  for (const node of [...doc.childNodes]) if (node !== root && node.nodeType !== node.DOCUMENT_TYPE_NODE) before.push(node);
  body.prepend(...before);
  body.append(...after);
  return doc;
}

const OPEN_HTML = /<html(?:\s[^>]*)?>/i;
const OPEN_BODY = /<body[\s>/]/i;
const CLOSE_HEAD = /<\/head\s*>/i;
const DOCTYPE = /^\s*<!doctype[^>]*>/i;
/** Elements a page without <head> starts with, which belong in the head a browser would make for them. */
const HEAD_ELEMENT = /^\s*(?:<!-{2}[\s\S]*?-{2}>|<(?:meta|link|base)\b[^>]*>|<(title|style|script|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>)/i;

export function withDocumentStructure(html: string): string {
  // Comments and scripts may mention tags; only real ones count.
  const markup = html.replace(/<!-{2}[\s\S]*?-{2}>/g, '').replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '');
  const hasHtml = OPEN_HTML.test(markup);
  const hasBody = OPEN_BODY.test(markup);
  if (hasHtml && hasBody) return html;
  let source = html;
  if (!hasHtml) {
    const doctype = DOCTYPE.exec(source)?.[0] ?? '';
    source = `${doctype}<html>${source.slice(doctype.length)}</html>`;
  }
  if (hasBody) return source;

  const open = OPEN_HTML.exec(source)!;
  let at = open.index + open[0].length;
  const closeHead = CLOSE_HEAD.exec(source.slice(at));
  if (closeHead) {
    at += closeHead.index + closeHead[0].length;
  } else {
    const headStart = at;
    for (let match = HEAD_ELEMENT.exec(source.slice(at)); match; match = HEAD_ELEMENT.exec(source.slice(at))) at += match[0].length;
    source = `${source.slice(0, headStart)}<head>${source.slice(headStart, at)}</head>${source.slice(at)}`;
    at += '<head></head>'.length;
  }
  const rest = source.slice(at).replace(/<\/html\s*>\s*$/i, '');
  return `${source.slice(0, at)}<body>${rest}</body></html>`;
}
