import { DOMParser } from 'linkedom/worker';

/**
 * Parses markup with linkedom, which needs no DOM and so runs in the worker (typed as the DOM it imitates).
 * linkedom builds the tree as written and does not add the <html>, <head> and <body> a browser would: markup
 * without them (fragments saved as .html, minimal pages) is given them first, so `document.body` holds the content.
 */
export function parseHtmlDocument(html: string): Document {
  return new DOMParser().parseFromString(withDocumentStructure(html), 'text/html') as unknown as Document;
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
