import DOMPurify, { type Config } from 'dompurify';
import { LINES_ATTRIBUTE } from '../cleanup/lineNumbers';
import { cssFetches, cssNamesAddress } from './css';
import { sanitiserPolicy } from './trustedTypes';

/**
 * The one HTML sanitiser. Every profile removes what could run (scripts, event handlers, `javascript:` links, frames,
 * forms) and every reference to a remote resource: an image, a srcset or a CSS url() that points off the machine
 * would tell its owner that a researcher opened the page. The profiles differ only in what they keep for their use:
 *
 * - `import`: what is stored when a document is imported; the page's own classes and plain styles stay.
 * - `reader`: what the reader shows. Stored HTML is cleaned again (it may come from an older Casebook or a backup);
 *   the page's styles, ids and landmarks go, since the reader's typography and navigation are the app's, and its
 *   headings move under the reader's own title.
 * - `report`: what a PDF report may contain of stored rich text and documents: as the reader, without moving headings.
 * - `paste`: what is pasted into a rich-text field from a web page or a word processor: as the report, its headings
 *   one level down (level 1 is the record's own title), its embedded images kept for the editor to store, and its
 *   `data-*` attributes, which say what the editor's own copies are (a task list, a mention, where a slice starts).
 */
export type SanitizeProfile = 'import' | 'reader' | 'report' | 'paste';

/** Any absolute or protocol-relative address, or one with a scheme. */
const REMOTE = /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
/**
 * A value that is an address to load or run, in any attribute: other than in `title` or `alt`, no attribute of an
 * element a browser knows holds one harmlessly, and one the browser does not know might yet (`<a filter=//host>`).
 * Narrower than REMOTE, so that a class such as `md:flex` stays.
 */
const ADDRESS = /^\s*(?:(?:https?|ftps?|wss?|file|blob|javascript|vbscript):|[/\\]{2})/i;
/** Whether `value` is such an address, read as a browser reads one: tabs and newlines inside it do not count. */
export const isAddress = (value: string) => ADDRESS.test(value.replace(/[\t\n\r]/g, ''));
/** Attributes a person reads, where an address is only text. */
export const TEXT_ATTRIBUTES = new Set(['title', 'alt']);
/**
 * Takes the addresses out of a media element and its sources, before anything else happens to it. Chromium starts
 * loading an <audio> or <video> as soon as it has a source, even in the inert document DOMPurify parses into, and
 * even once removed from it: dropping the element is not enough.
 */
export function silenceMedia(node: Node) {
  if (node.nodeName !== 'AUDIO' && node.nodeName !== 'VIDEO') return;
  const media = node as Element;
  for (const element of [media, ...media.querySelectorAll('source, track')])
    for (const attribute of ['src', 'srcset', 'poster']) element.removeAttribute(attribute);
}
/** Images embedded in the file itself fetch nothing and may stay (not SVG, which can hold scripts). */
const EMBEDDED_IMAGE = /^\s*data:image\/(?:png|gif|jpe?g|webp|avif|bmp);/i;
/** Links a researcher may follow, outside the app. */
const FOLLOWABLE = /^\s*(?:https?:|mailto:)/i;
/**
 * Values DOMPurify lets through: addresses with an allowed scheme, and values with no scheme at all. DOMPurify tests
 * every attribute it does not know as text (`colspan`, `start`, `dir`, `lang`...) against this, so a list of schemes
 * alone would drop them. Written as DOMPurify's own default, with fewer schemes.
 */
const ALLOWED_VALUES = /^(?:(?:https?|mailto):|#|data:image\/|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
/** Attributes that make a browser fetch something, on any element. */
const FETCHING_ATTRIBUTES = new Set(['src', 'srcset', 'poster', 'background', 'lowsrc', 'dynsrc', 'data', 'action', 'formaction', 'xlink:href', 'ping']);

interface Profile {
  /** Elements removed on top of the base's; their text stays (DOMPurify keeps the content of what it drops). */
  dropTags: readonly string[];
  /** Attributes removed on top of the base's. */
  dropAttributes: readonly string[];
  /** Whether `aria-*` attributes stay. */
  aria: boolean;
  /** Whether `data-*` attributes stay (they run nothing; one that points off the machine goes all the same). */
  dataAttributes: boolean;
  /** Which link addresses stay: any the base allows (web, mail, `#` in the page), or only those that open outside. */
  links: 'allowed' | 'followable';
  /** The `rel` every kept link gets. */
  linkRel: string;
  /** Whether a kept link is marked to open in a new window. */
  newWindow: boolean;
  /** How many levels the document's headings move down, to sit under a title the app gives them. */
  headingShift: number;
  /**
   * Which lines of the text an element holds (`data-lines`, written at import): stored, so a clean-up can hide them
   * later; applied, to leave out the lines removed as site text; or dropped.
   */
  lineNumbers: 'keep' | 'apply' | 'drop';
}

/** Every profile drops these elements: they run, fetch, submit or embed something. */
const BASE_DROPPED_TAGS = [
  'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'form', 'input', 'button',
  'select', 'textarea', 'audio', 'video', 'source', 'track', 'picture', 'svg', 'math', 'template', 'noscript',
];
const BASE_DROPPED_ATTRIBUTES = ['srcset', 'ping', 'background', 'poster', 'formaction', 'action'];

const BASE: Profile = {
  dropTags: [],
  dropAttributes: [],
  aria: true,
  dataAttributes: false,
  links: 'allowed',
  linkRel: 'noopener noreferrer',
  newWindow: false,
  headingShift: 0,
  lineNumbers: 'drop',
};

/** What the app shows inside its own layout: no page styling, no landmarks or roles of the page's own. */
const SHOWN_IN_THE_APP: Pick<Profile, 'dropTags' | 'dropAttributes' | 'aria' | 'links'> = {
  dropTags: [
    'canvas', 'dialog', 'details',
    // Landmarks belong to the app: a document's own <main> or <nav> would confuse navigation by landmarks.
    'article', 'main', 'nav', 'header', 'footer', 'aside', 'section', 'search',
  ],
  dropAttributes: [
    'style', 'class', 'id', 'name', 'sizes', 'target', 'tabindex', 'contenteditable', 'draggable', 'role', 'accesskey',
    'autofocus',
  ],
  aria: false,
  links: 'followable',
};

const PROFILES: Record<SanitizeProfile, Profile> = {
  import: { ...BASE, linkRel: 'noopener noreferrer nofollow', newWindow: true, lineNumbers: 'keep' },
  // The reader's title is a level 2 heading.
  reader: { ...BASE, ...SHOWN_IN_THE_APP, headingShift: 2, lineNumbers: 'apply' },
  report: { ...BASE, ...SHOWN_IN_THE_APP },
  paste: { ...BASE, ...SHOWN_IN_THE_APP, headingShift: 1, dataAttributes: true },
};

function configOf(profile: Profile): Config {
  return {
    USE_PROFILES: { html: true },
    FORBID_TAGS: [...BASE_DROPPED_TAGS, ...profile.dropTags],
    FORBID_ATTR: [...BASE_DROPPED_ATTRIBUTES, ...profile.dropAttributes],
    ALLOW_DATA_ATTR: profile.dataAttributes,
    ALLOW_ARIA_ATTR: profile.aria,
    ALLOWED_URI_REGEXP: ALLOWED_VALUES,
    // DOMPurify parses the HTML it cleans with the sanitiser's Trusted Types policy, not one of its own.
    TRUSTED_TYPES_POLICY: sanitiserPolicy as TrustedTypePolicy,
    // The one data attribute kept where lines matter; its value is numbers, not an address.
    ...(profile.lineNumbers === 'drop' ? {} : { ADD_ATTR: [LINES_ATTRIBUTE], ADD_URI_SAFE_ATTR: [LINES_ATTRIBUTE] }),
  };
}

/** One DOMPurify instance per profile, so one profile's hooks never run for another. */
const purifiers = new Map<SanitizeProfile, ReturnType<typeof DOMPurify>>();

function purifierFor(name: SanitizeProfile): ReturnType<typeof DOMPurify> {
  const existing = purifiers.get(name);
  if (existing) return existing;
  const profile = PROFILES[name];
  const purifier = DOMPurify(window);
  purifier.addHook('uponSanitizeElement', silenceMedia);
  purifier.addHook('uponSanitizeAttribute', (node, data) => {
    const attribute = data.attrName.toLowerCase();
    const value = data.attrValue;
    if (attribute === 'src') data.keepAttr = EMBEDDED_IMAGE.test(value);
    else if (attribute === 'href')
      data.keepAttr = node.nodeName === 'A' && (profile.links === 'allowed' || FOLLOWABLE.test(value));
    else if ((FETCHING_ATTRIBUTES.has(attribute) || /url|src|href|data/.test(attribute)) && REMOTE.test(value) && !EMBEDDED_IMAGE.test(value))
      data.keepAttr = false;
    // CSS that fetches or runs, read as a browser reads it (`u\72l(` is a url()): in `style`, or in any value a
    // browser may read as CSS.
    else if (cssFetches(value)) data.keepAttr = false;
    else if (attribute === 'style' && cssNamesAddress(value)) data.keepAttr = false;
    else if (isAddress(value) && !TEXT_ATTRIBUTES.has(attribute) && attribute !== 'cite') data.keepAttr = false;
  });
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('rel', profile.linkRel);
      if (profile.newWindow) node.setAttribute('target', '_blank');
    } else if (node.nodeName === 'IMG' && !node.hasAttribute('src')) {
      // An image whose only source was remote shows its description instead of an empty box.
      const alt = node.getAttribute('alt')?.trim();
      node.replaceWith(node.ownerDocument.createTextNode(alt ? `[image: ${alt}]` : ''));
    }
  });
  purifiers.set(name, purifier);
  return purifier;
}

/** What the sanitiser may do beside cleaning. */
export interface SanitizeOptions {
  /**
   * With the `reader` profile: lines of the text as extracted, taken out as site text. The elements holding only
   * these lines are left out, so the formatted text shows what the plain text holds.
   */
  removedLines?: ReadonlySet<number>;
  /** Changes the page as parsed, before it is cleaned (Word's lists written as lists, say). */
  prepare?: (page: Document) => void;
}

/** The HTML parsed into an inert document (nothing in it runs or loads), for `prepare` to change. */
function preparedBody(html: string, prepare: (page: Document) => void): HTMLElement {
  const page = new DOMParser().parseFromString(sanitiserPolicy.createHTML(html) as unknown as string, 'text/html');
  prepare(page);
  return page.body;
}

/** The nodes of `html` made safe for `profile`'s use: no script can run and nothing is fetched from anywhere. */
export function sanitizedFragment(
  html: string,
  profile: SanitizeProfile,
  { removedLines = new Set<number>(), prepare }: SanitizeOptions = {},
): DocumentFragment {
  const { headingShift, lineNumbers } = PROFILES[profile];
  const config = configOf(PROFILES[profile]);
  const dirty = prepare ? preparedBody(html, prepare) : html;
  const fragment = purifierFor(profile).sanitize(dirty, { ...config, RETURN_DOM_FRAGMENT: true });
  // A document with no body (a <frameset> page) has nothing to show: DOMPurify then returns no fragment at all.
  if (!fragment) return window.document.createDocumentFragment();
  if (lineNumbers === 'apply')
    for (const element of fragment.querySelectorAll(`[${LINES_ATTRIBUTE}]`)) {
      const lines = element.getAttribute(LINES_ATTRIBUTE)!.split(' ').map(Number);
      if (removedLines.size && lines.every((line) => removedLines.has(line))) element.remove();
      else element.removeAttribute(LINES_ATTRIBUTE);
    }
  for (const heading of headingShift ? fragment.querySelectorAll('h1, h2, h3, h4, h5, h6') : []) {
    const demoted = heading.ownerDocument.createElement(`h${Math.min(6, Number(heading.tagName[1]) + headingShift)}`);
    demoted.append(...heading.childNodes);
    heading.replaceWith(demoted);
  }
  return fragment;
}

/** The HTML of `html` made safe for `profile`'s use (sanitizedFragment's nodes, written out). */
export function sanitizeHtml(html: string, profile: SanitizeProfile, options: SanitizeOptions = {}): string {
  const { headingShift, lineNumbers } = PROFILES[profile];
  if (!headingShift && lineNumbers !== 'apply' && !options.prepare)
    return purifierFor(profile).sanitize(html, { ...configOf(PROFILES[profile]), RETURN_TRUSTED_TYPE: false }) as string;
  const fragment = sanitizedFragment(html, profile, options);
  const holder = fragment.ownerDocument.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}

/**
 * sanitizeHtml's result as TrustedHTML, for an HTML sink (`dangerouslySetInnerHTML`, innerHTML, srcdoc): the only
 * HTML the app's CSP lets into one.
 */
export function sanitizedHtml(html: string, profile: SanitizeProfile, options: SanitizeOptions = {}): TrustedHTML {
  return sanitiserPolicy.createHTML(sanitizeHtml(html, profile, options));
}

/** The address a clicked link points to, when it may be opened outside the app. */
export function followableHref(anchor: HTMLAnchorElement): string | null {
  const href = anchor.getAttribute('href');
  return href && FOLLOWABLE.test(href) ? href.trim() : null;
}
