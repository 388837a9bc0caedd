import { TRUSTED_TYPES_POLICIES } from '../../../shared/contentSecurityPolicy';

/**
 * The sanitiser's Trusted Types policy (`casebook-html`), the only one the app creates for HTML. Under the app's CSP
 * (`require-trusted-types-for 'script'`) an HTML sink (innerHTML, srcdoc, DOMParser...) refuses a plain string; this
 * policy turns a string into TrustedHTML without looking at it, so what it is given is what keeps the app safe: only
 * the sanitiser (sanitize.ts) imports this module, which ESLint enforces. It gives it DOMPurify, to parse the HTML to
 * clean into an inert document, and its own output. A script address is never made from it: DOMPurify asks for one
 * only for an attribute that loads a script, which it then leaves out.
 */
export const sanitiserPolicy: Pick<TrustedTypePolicy, 'createHTML' | 'createScriptURL'> = window.trustedTypes?.createPolicy(
  TRUSTED_TYPES_POLICIES.html,
  {
    createHTML: (html: string) => html,
    createScriptURL: refuseScriptUrl,
  },
) ?? {
  // Without Trusted Types (the unit tests' jsdom), sinks take strings.
  createHTML: (html: string) => html as unknown as TrustedHTML,
  createScriptURL: refuseScriptUrl,
};

function refuseScriptUrl(url: string): never {
  throw new TypeError(`The sanitiser's policy makes no script address (${url}).`);
}
