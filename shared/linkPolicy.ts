/**
 * Where a page of the app may go, and which addresses leave it: one pure decision for navigation, redirects, frames,
 * window.open and links opened outside the app, shared by the main process (Electron's guards) and the browser host.
 * No Electron and no DOM here, only the WHATWG URL parser both have, so it is tested in Node.
 *
 * An address that leaves the app is never opened as written: it is parsed and serialised again (WHATWG URL), and the
 * researcher is asked with that normalised address, which is exactly the one then opened. So:
 * - only http, https and mailto leave the app; every other scheme (javascript:, data:, file:, blob:, app:, …) is refused;
 * - a host is shown in its ASCII form, so a look-alike (Cyrillic "а" for Latin "a") shows as xn--…;
 * - an address with a user name or password (`https://app.casebook@evil.example`) is refused, not stripped: its only
 *   use in a document is to make the address look like another;
 * - control characters and white space anywhere in the address are refused, not removed as URL parsers do (which
 *   turns `java\tscript:` into `javascript:`);
 * - a mailto address keeps its recipients only: `?subject=`, `?body=`, `?cc=`, `?bcc=`, `?attach=` and the like are
 *   dropped, so a link cannot write a message or attach a file in the researcher's name.
 */

/** The schemes that open outside the app, in the system's browser or mail program. */
export const EXTERNAL_PROTOCOLS: readonly string[] = ['http:', 'https:', 'mailto:'];

/** Longer addresses are refused, before and after normalising. */
export const MAX_EXTERNAL_ADDRESS_LENGTH = 4096;

export type NavigationKind =
  /** The main frame leaves its page (a link, `location.href = …`). */
  | 'navigate'
  /** A server answers a request of the page with a redirect. */
  | 'redirect'
  /** A frame, the main one or a subframe, starts loading another page. */
  | 'frame-navigate'
  /** The page calls `window.open` or a link targets a new window. */
  | 'window-open'
  /** The app opens a link outside itself: a link in a document, the menu's help page. */
  | 'open-external';

export interface NavigationRequest {
  kind: NavigationKind;
  url: string;
  /** The app's own origins (`app://casebook`, and the dev server while developing); none for 'open-external'. */
  allowedOrigins?: readonly string[];
  /** For 'frame-navigate': whether the frame is the page itself rather than a frame inside it. */
  isMainFrame?: boolean;
}

export type NavigationDecision =
  /** Goes ahead inside the app. */
  | { action: 'allow'; address: string }
  /** Stays where it is; the address may leave the app once the researcher agrees to open exactly `address`. */
  | { action: 'ask'; address: string }
  /** Stays where it is, and nothing opens; `reason` completes "Casebook could not open the link: …". */
  | { action: 'deny'; reason: string };

export const REFUSED_SCHEME = 'Only http, https and mailto addresses open outside the app.';

/** C0 and C1 control characters, DEL, and any Unicode white space. */
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\s]/u;
/** What a mailto recipient, percent-decoded, may not hold: separators of other fields, quotes, brackets, escapes. */
const NOT_IN_RECIPIENT = /[\u0000-\u0020\u007f-\u009f\s,;?&#%<>"'`\\/:()[\]]/u;

/**
 * `scheme://host[:port]` of a URL, or null when it has none; by hand, as WHATWG's origin of app:// is "null". An
 * address with a user name or password has none either: it is never one of the app's pages.
 */
export function originOf(url: string): string | null {
  const parsed = parse(url);
  if (!parsed?.host || !/^[a-z][a-z0-9+.-]*:$/.test(parsed.protocol) || parsed.username || parsed.password) return null;
  return `${parsed.protocol}//${parsed.host}`;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

const deny = (reason: string): NavigationDecision => ({ action: 'deny', reason });

/**
 * The address as it would be opened outside the app, or why it may not be. See the module's comment for the rules.
 */
export function normaliseExternalAddress(url: string): { ok: true; address: string } | { ok: false; reason: string } {
  if (typeof url !== 'string' || url.length === 0) return { ok: false, reason: 'The link has no address.' };
  if (url.length > MAX_EXTERNAL_ADDRESS_LENGTH)
    return { ok: false, reason: `The address is longer than ${MAX_EXTERNAL_ADDRESS_LENGTH} characters.` };
  if (CONTROL_OR_SPACE.test(url)) return { ok: false, reason: 'The address holds spaces or control characters.' };
  const parsed = parse(url);
  if (!parsed) return { ok: false, reason: 'The address is not a valid web or mail address.' };
  if (!EXTERNAL_PROTOCOLS.includes(parsed.protocol)) return { ok: false, reason: REFUSED_SCHEME };
  const address = parsed.protocol === 'mailto:' ? mailtoAddress(parsed) : webAddress(parsed);
  if (address === null) return { ok: false, reason: 'The address is not one Casebook can show as it is.' };
  if (typeof address !== 'string') return { ok: false, reason: address.reason };
  if (address.length > MAX_EXTERNAL_ADDRESS_LENGTH)
    return { ok: false, reason: `The address is longer than ${MAX_EXTERNAL_ADDRESS_LENGTH} characters.` };
  return { ok: true, address };
}

function webAddress(parsed: URL): string | { reason: string } {
  if (parsed.username || parsed.password)
    return { reason: 'The address holds a user name or password before its host, which hides where it leads.' };
  return parsed.href;
}

/** `mailto:` and its recipients, each domain in ASCII; the query (subject, body, cc, bcc, attach…) and fragment dropped. */
function mailtoAddress(parsed: URL): string | { reason: string } | null {
  const recipients = parsed.pathname.split(',');
  const normalised: string[] = [];
  for (const recipient of recipients) {
    const at = recipient.lastIndexOf('@');
    if (at <= 0 || at === recipient.length - 1) return { reason: 'The mail address has no recipient.' };
    const local = recipient.slice(0, at);
    let decodedLocal: string;
    let decodedDomain: string;
    try {
      decodedLocal = decodeURIComponent(local);
      decodedDomain = decodeURIComponent(recipient.slice(at + 1));
    } catch {
      return { reason: 'The mail address is not valid.' };
    }
    if (NOT_IN_RECIPIENT.test(decodedLocal) || decodedLocal.includes('@')) return { reason: 'The mail address is not valid.' };
    if (NOT_IN_RECIPIENT.test(decodedDomain) || decodedDomain.includes('@')) return { reason: 'The mail address is not valid.' };
    const domain = parse(`http://${decodedDomain}/`)?.hostname;
    if (!domain) return { reason: 'The mail address is not valid.' };
    normalised.push(`${local}@${domain}`);
  }
  // Serialised once more, so the address is in the form the parser gives it (and so stays the same if parsed again).
  const address = parse(`mailto:${normalised.join(',')}`);
  return address && !address.search && !address.hash ? address.href : null;
}

/** Whether the URL is one of the app's own pages. */
function isAppPage(url: URL | null, allowedOrigins: readonly string[]): boolean {
  if (!url?.host || !/^[a-z][a-z0-9+.-]*:$/.test(url.protocol) || url.username || url.password) return false;
  return allowedOrigins.includes(`${url.protocol}//${url.host}`);
}

/**
 * What a frame inside the page may load besides the app's pages: the saved page's sandboxed `srcdoc`, an empty frame,
 * and data: and blob: documents (the CSP's frame-src), which get an opaque origin and reach no API.
 */
function isInertFrameDocument(url: URL | null, allowedOrigins: readonly string[]): boolean {
  if (!url) return false;
  if (url.protocol === 'about:') return url.pathname === 'blank' || url.pathname === 'srcdoc';
  if (url.protocol === 'data:') return true;
  if (url.protocol === 'blob:') return isAppPage(parse(url.pathname), allowedOrigins);
  return false;
}

/**
 * The one decision for everything that would take a page elsewhere or open an address outside the app:
 * - 'allow' only for the app's own pages (and inert documents in a subframe), never for anything outside them;
 * - 'ask' only for an http, https or mailto address (normalised), when a link is followed, a window opened or a link
 *   opened outside the app: the page stays, and the address opens outside once the researcher agrees;
 * - 'deny' for all else: redirects and frames that would leave the app, other schemes, disguised addresses.
 */
export function decideNavigation(request: NavigationRequest): NavigationDecision {
  const { kind, url } = request;
  const allowedOrigins = kind === 'open-external' ? [] : (request.allowedOrigins ?? []);
  if (typeof url !== 'string' || CONTROL_OR_SPACE.test(url)) return deny('The address holds spaces or control characters.');
  const parsed = parse(url);
  const inApp = isAppPage(parsed, allowedOrigins);
  const allow = (): NavigationDecision => ({ action: 'allow', address: parsed!.href });
  switch (kind) {
    case 'navigate':
      return inApp ? allow() : askToOpen(url);
    case 'frame-navigate':
      // The main frame's navigation is the page's own (Electron asks about it here before 'will-navigate').
      if (request.isMainFrame) return inApp ? allow() : askToOpen(url);
      return inApp || isInertFrameDocument(parsed, allowedOrigins)
        ? allow()
        : deny('A frame may not load a page from outside Casebook.');
    case 'redirect':
      return inApp ? allow() : deny('A redirect may not leave Casebook.');
    case 'window-open':
    case 'open-external':
      // The app never opens a second window of its own: window.open only ever asks to open an address outside.
      return askToOpen(url);
  }
}

function askToOpen(url: string): NavigationDecision {
  const normalised = normaliseExternalAddress(url);
  return normalised.ok ? { action: 'ask', address: normalised.address } : deny(normalised.reason);
}
