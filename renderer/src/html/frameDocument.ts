import { TRUSTED_TYPES_POLICIES } from '../../../shared/contentSecurityPolicy';

/**
 * The Trusted Types policy (`casebook-frame`) for the report offered to the browser's print dialog (printInBrowser):
 * a whole page the app composed, with its style sheet and SVG figures, which the sanitiser would take apart. What
 * keeps it harmless is its frame: a sandbox without `allow-scripts`, so nothing in it runs whatever it holds, under
 * the app's CSP (a srcdoc document inherits it), so it loads nothing from outside the app. Only printInBrowser imports
 * this module, which ESLint enforces. (The saved web page goes through the sanitiser: html/savedPage.ts.)
 */
const policy = window.trustedTypes?.createPolicy(TRUSTED_TYPES_POLICIES.frame, { createHTML: (html: string) => html });

/** `html` as the srcdoc of a sandboxed frame that runs no script. */
export const frameDocument = (html: string): TrustedHTML => policy?.createHTML(html) ?? (html as unknown as TrustedHTML);

