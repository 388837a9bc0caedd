import DOMPurify, { type Config } from 'dompurify';
import { LINES_ATTRIBUTE } from '../cleanup/lineNumbers';

/**
 * Every piece of imported HTML passes through here before it is stored or shown. Scripts, event handlers, frames
 * and javascript: links go (DOMPurify), and so does every reference to a remote resource: an image, a srcset or a
 * CSS url() that points off the machine would tell its owner that a researcher opened the page.
 */

const REMOTE = /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
/** Embedded images stay: they are in the file and fetch nothing. */
const EMBEDDED = /^\s*data:image\/(?:png|gif|jpe?g|webp|avif|bmp);/i;
const CSS_URL = /url\s*\(|@import|expression\s*\(/i;
/** Attributes that make the browser fetch something, on any element. */
const FETCHING_ATTRIBUTES = ['src', 'srcset', 'poster', 'background', 'lowsrc', 'dynsrc', 'data', 'action', 'formaction', 'xlink:href', 'ping'];

const CONFIG: Config = {
  FORBID_TAGS: ['style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'form', 'input', 'button', 'select', 'textarea', 'audio', 'video', 'source', 'track', 'picture', 'svg', 'math', 'template', 'noscript'],
  FORBID_ATTR: ['srcset', 'ping', 'background', 'poster', 'formaction', 'action'],
  ALLOW_DATA_ATTR: false,
  // The one data attribute kept: which lines of the text an element holds, for the reader's clean-up.
  ADD_ATTR: [LINES_ATTRIBUTE],
  // Its value is numbers, not an address: without this, ALLOWED_URI_REGEXP would refuse it.
  ADD_URI_SAFE_ATTR: [LINES_ATTRIBUTE],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|data:image\/)/i,
};

let purifier: ReturnType<typeof DOMPurify> | null = null;

function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('uponSanitizeAttribute', (node, data) => {
    const name = data.attrName.toLowerCase();
    const value = data.attrValue;
    if (FETCHING_ATTRIBUTES.includes(name) && REMOTE.test(value) && !EMBEDDED.test(value)) data.keepAttr = false;
    if (name === 'src' && !EMBEDDED.test(value)) data.keepAttr = false;
    if (name === 'style' && CSS_URL.test(value)) data.keepAttr = false;
    if (name === 'href' && node.nodeName !== 'A') data.keepAttr = false;
    if (name === LINES_ATTRIBUTE && !/^\d+( \d+)*$/.test(value)) data.keepAttr = false;
  });
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('rel', 'noopener noreferrer nofollow');
      node.setAttribute('target', '_blank');
    }
    // An image whose only source was remote shows its description instead of an empty box.
    if (node.nodeName === 'IMG' && !node.hasAttribute('src')) {
      const alt = node.getAttribute('alt');
      node.replaceWith(node.ownerDocument.createTextNode(alt ? `[image: ${alt}]` : ''));
    }
  });
  return purifier;
}

/** Returns HTML safe to show in the app: no script can run and nothing is fetched from anywhere. */
export function sanitizeHtml(html: string): string {
  return getPurifier().sanitize(html, { ...CONFIG, RETURN_TRUSTED_TYPE: false }) as string;
}
