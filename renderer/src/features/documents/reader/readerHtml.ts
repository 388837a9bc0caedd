import DOMPurify, { type Config } from 'dompurify';
import { LINES_ATTRIBUTE } from '../../../cleanup/lineNumbers';

/**
 * The reader sanitises a document's HTML again before showing it, although the importer already did: stored data
 * may come from an older Casebook or a backup, and showing it must never run a script or fetch anything. The
 * reader's typography is its own, so the page's styles, classes and ids go too.
 */

/** Any absolute or protocol-relative address, or one with a scheme: nothing outside the document is fetched. */
const EXTERNAL = /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
/** Images embedded in the file itself fetch nothing and may stay. */
const EMBEDDED_IMAGE = /^\s*data:image\/(?:png|gif|jpe?g|webp|avif|bmp);/i;
/** Links a researcher may follow, outside the app. */
const FOLLOWABLE = /^\s*(?:https?:|mailto:)/i;

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'form', 'input', 'button',
    'select', 'textarea', 'audio', 'video', 'source', 'track', 'picture', 'svg', 'math', 'template', 'noscript',
    'canvas', 'dialog', 'details',
    // Landmarks belong to the app: a document's own <main> or <nav> would confuse navigation by landmarks. Their
    // content stays (DOMPurify keeps the content of the elements it drops).
    'article', 'main', 'nav', 'header', 'footer', 'aside', 'section', 'search',
  ],
  FORBID_ATTR: [
    'style', 'class', 'id', 'name', 'srcset', 'sizes', 'ping', 'background', 'poster', 'action', 'formaction',
    'target', 'tabindex', 'contenteditable', 'draggable', 'role', 'accesskey', 'autofocus',
  ],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // Which lines of the text an element holds: read to hide the lines removed as site text, then dropped.
  ADD_ATTR: [LINES_ATTRIBUTE],
  // Its value is numbers, not an address: without this, ALLOWED_URI_REGEXP would refuse it.
  ADD_URI_SAFE_ATTR: [LINES_ATTRIBUTE],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|data:image\/)/i,
};

let purifier: ReturnType<typeof DOMPurify> | undefined;

/** A DOMPurify instance of the reader's own, so its hooks never touch the importer's sanitiser. */
function readerPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('uponSanitizeAttribute', (node, data) => {
    const name = data.attrName.toLowerCase();
    const value = data.attrValue;
    if (name === 'src' && !EMBEDDED_IMAGE.test(value)) data.keepAttr = false;
    else if (name === 'href' && (node.nodeName !== 'A' || !FOLLOWABLE.test(value))) data.keepAttr = false;
    else if (name !== 'href' && name !== 'src' && EXTERNAL.test(value) && /url|src|href|data/i.test(name))
      data.keepAttr = false;
    else if (/url\s*\(|@import|image-set\s*\(/i.test(value)) data.keepAttr = false;
  });
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      if (node.hasAttribute('href')) node.setAttribute('rel', 'noopener noreferrer');
    } else if (node.nodeName === 'IMG' && !node.hasAttribute('src')) {
      // An image that pointed elsewhere shows its description instead of an empty box.
      const alt = node.getAttribute('alt')?.trim();
      node.replaceWith(node.ownerDocument.createTextNode(alt ? `[image: ${alt}]` : ''));
    }
  });
  return purifier;
}

/**
 * HTML safe to put in the reader: no script, no handler, no remote resource, links that open nothing by themselves.
 * The elements holding only lines in `removedLines` (lines of the text as extracted taken out as site text) are left
 * out, so the formatted text shows what the plain text holds.
 */
export function sanitizeReaderHtml(html: string, removedLines: ReadonlySet<number> = new Set()): string {
  const fragment = readerPurifier().sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
  for (const element of fragment.querySelectorAll(`[${LINES_ATTRIBUTE}]`)) {
    const lines = element.getAttribute(LINES_ATTRIBUTE)!.split(' ').map(Number);
    if (removedLines.size && lines.every((line) => removedLines.has(line))) element.remove();
    else element.removeAttribute(LINES_ATTRIBUTE);
  }
  // The document's headings sit under the reader's own title (a level 2 heading), so they move two levels down.
  for (const heading of fragment.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const level = Math.min(6, Number(heading.tagName[1]) + 2);
    const demoted = heading.ownerDocument.createElement(`h${level}`);
    demoted.append(...heading.childNodes);
    heading.replaceWith(demoted);
  }
  const holder = fragment.ownerDocument.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}

/** The address a clicked link points to, when it may be opened outside the app. */
export function followableHref(anchor: HTMLAnchorElement): string | null {
  const href = anchor.getAttribute('href');
  return href && FOLLOWABLE.test(href) ? href.trim() : null;
}
