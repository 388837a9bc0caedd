import { config as configureZod } from 'zod';
import { TRUSTED_TYPES_POLICIES } from '../../../shared/contentSecurityPolicy';

/**
 * The app's `default` Trusted Types policy: what the browser asks when a plain string reaches a sink that the CSP
 * (`require-trusted-types-for 'script'`) guards. Imported first thing at start, before anything makes a worker.
 *
 * - A script address passes when it is the app's own (same origin): the workers the app starts (Vite leaves
 *   `new Worker(new URL(...))` as written) and those libraries start from a string (PDF.js's, Tesseract's).
 * - HTML passes only when it is plain text, which is all vis-timeline writes (its axis labels, the escaped names and
 *   titles it is given, and "" to clear an element): without a `<` the HTML parser makes text and nothing else.
 *   Anything with markup is refused (the sink throws a TypeError): markup reaches a sink only from the sanitiser's
 *   own policy. A call made to this policy by name (rather than by a sink) is refused too, so a library that tries
 *   the default policy first (ProseMirror's clipboard) goes on to its own.
 * - A script (eval and the like) never passes; the CSP forbids eval anyway.
 */
export function installDefaultPolicy(): void {
  if (!window.trustedTypes || window.trustedTypes.defaultPolicy) return;
  window.trustedTypes.createPolicy(TRUSTED_TYPES_POLICIES.default, {
    createScriptURL: (url: string) => (isOwnScript(url, window.location.href) ? url : REFUSED),
    createHTML: (html: string, type?: unknown) => {
      // A sink calls the default policy with the type it wants ("TrustedHTML") after the value; a call by name has
      // none, and is refused with an error: a null would give it empty HTML.
      if (type === undefined) throw new TypeError('The default policy makes no HTML when asked by name.');
      return isPlainText(html) ? html : REFUSED;
    },
  });
}

/** What a policy returns to refuse a value: the browser then blocks the sink. (The typings only know strings.) */
const REFUSED = null as unknown as string;

/**
 * Whether a script at `url` (absolute, or relative to `base`) is the app's own: the same scheme and host. (Not
 * `origin`, which is "null" for a data: address, and for app:// wherever the scheme is not registered as standard.)
 */
export function isOwnScript(url: string, base: string): boolean {
  try {
    const [script, page] = [new URL(url, base), new URL(base)];
    return script.protocol === page.protocol && script.host !== '' && script.host === page.host;
  } catch {
    return false;
  }
}

/**
 * Whether HTML parses to text alone: no `<` at all, or text in the `<body>` TipTap wraps a string in before parsing
 * it (it parses "" so when it falls back from stored text it cannot read).
 */
export const isPlainText = (html: string) => !html.includes('<') || TIPTAP_TEXT.test(html);

const TIPTAP_TEXT = /^<body>[^<]*<\/body>$/;

installDefaultPolicy();
// Zod would find out whether it may compile its checks by trying `Function('')`, which the CSP refuses (and reports):
// it is told up front that it may not.
configureZod({ jitless: true });
