import { TRUSTED_TYPES_POLICIES } from '../../../shared/contentSecurityPolicy';

/**
 * The Trusted Types policy (`casebook-frame`) for the documents the app shows in a frame of their own: the saved web
 * page (OriginalPage) and the report offered to the browser's print dialog (printInBrowser). Each is a whole page with
 * its own style sheet, which the sanitiser would take apart; what keeps it harmless is its frame: a sandbox without
 * `allow-scripts`, so nothing in it runs whatever it holds, under the app's CSP (a srcdoc document inherits it), so
 * it loads nothing from outside the app. The saved page is also parsed with it, into an inert document (DOMParser's,
 * where nothing runs or loads), to be made ready for its frame. Only those two modules import this one, which ESLint
 * enforces.
 */
const policy = window.trustedTypes?.createPolicy(TRUSTED_TYPES_POLICIES.frame, { createHTML: (html: string) => html });

/** `html` as the srcdoc of a sandboxed frame that runs no script. */
export const frameDocument = (html: string): TrustedHTML => policy?.createHTML(html) ?? (html as unknown as TrustedHTML);

/** A page to be shown in a frame, parsed into an inert document: nothing in it runs or loads. */
export const parseFramedPage = (html: string): Document => new DOMParser().parseFromString(frameDocument(html) as unknown as string, 'text/html');
