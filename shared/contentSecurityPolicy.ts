/**
 * The app's Content Security Policy, in one place: the desktop app sends it with every response of app://, the web
 * build's server (`vite` and `vite preview`) sends it as a header, and the build writes it into index.html's meta tag,
 * so the three cannot drift apart.
 */

/**
 * The Trusted Types policies the app creates, and the only ones it allows:
 *
 * - `casebook-html`: the sanitiser's (renderer/src/html/trustedTypes.ts, used by renderer/src/html/sanitize.ts only).
 *   Every HTML the app puts into the page passes through it, and DOMPurify is given it for its own parsing.
 * - `casebook-frame`: the whole pages shown in a sandboxed frame that runs no script (the saved web page, the report
 *   offered to the browser's print dialog): renderer/src/html/frameDocument.ts.
 * - `ProseMirrorClipboard`: ProseMirror's own, with which it parses pasted or dropped HTML into an inert document
 *   (one with no window: nothing in it runs or loads), after the editor's paste rule has sanitised it.
 * - `default`: script URLs only, which must be the app's own (same origin): the address of a worker, whether the app
 *   starts it (Vite writes `new Worker(new URL(...))` as it is) or a library does (PDF.js, Tesseract). It has no rule
 *   for HTML or scripts, so a string given to an HTML sink is still refused.
 */
export const TRUSTED_TYPES_POLICIES = {
  html: 'casebook-html',
  frame: 'casebook-frame',
  proseMirror: 'ProseMirrorClipboard',
  default: 'default',
} as const;

const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  // Text recognition (OCR) runs Tesseract compiled to WebAssembly, which may only be compiled with 'wasm-unsafe-eval':
  // it allows WebAssembly, never eval() or new Function().
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  // Inline styles stay allowed, for two needs found by running the app under `style-src 'self'`:
  // - a srcdoc frame inherits this policy, and the pages shown in one carry their styles inline: the saved web page
  //   (its <style> and style="" are how it looked) and the report offered to the print dialog (its style sheet);
  // - libraries write styles as markup: empty <style> elements and style="" attributes set with setAttribute (in one
  //   scripted session: 62 of each), which the CSSOM route (element.style, React's style prop) would not need.
  // No script can run from a style, and nothing is fetched from outside the app (default-src, img-src, font-src).
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  // The only frames are srcdoc documents (the saved page, the report offered to the browser's print dialog), which
  // load nothing: no address is framed.
  ['frame-src', "'none'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['require-trusted-types-for', "'script'"],
  ['trusted-types', Object.values(TRUSTED_TYPES_POLICIES).join(' ')],
];

/** Only a header can keep the app from being framed: browsers ignore `frame-ancestors` in a meta tag. */
const HEADER_ONLY_DIRECTIVES: readonly (readonly [string, string])[] = [['frame-ancestors', "'none'"]];

const policyOf = (directives: readonly (readonly [string, string])[]) =>
  directives.map(([name, value]) => `${name} ${value}`).join('; ');

/** The policy sent as a `Content-Security-Policy` header. */
export const CONTENT_SECURITY_POLICY = policyOf([...DIRECTIVES, ...HEADER_ONLY_DIRECTIVES]);

/** The same policy as index.html's meta tag carries it, for a page opened without the header. */
export const CONTENT_SECURITY_POLICY_META = policyOf(DIRECTIVES);

/** The meta tag itself. */
export const contentSecurityPolicyMetaTag = () =>
  `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY_META}" />`;
