import { useEffect, useMemo, useState } from 'react';
import { queries } from '../../../app/casebook';
import { frameDocument, parseFramedPage } from '../../../html/frameDocument';

/**
 * The policy the saved page runs under, placed before anything else in it: nothing is fetched, no script runs (the
 * sandbox forbids them too), only the page's own inline styles and embedded images apply.
 */
export const ORIGINAL_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

/** Attributes that make a browser fetch or navigate somewhere, on any element. */
const FETCHING_ATTRIBUTES = new Set([
  'src', 'srcset', 'imagesrcset', 'href', 'xlink:href', 'data', 'poster', 'background', 'action', 'formaction',
  'ping', 'lowsrc', 'dynsrc', 'srcdoc', 'manifest', 'codebase', 'archive', 'classid', 'longdesc', 'cite',
]);
/** What may stay: embedded data, and references inside the page itself. */
const LOCAL_REFERENCE = /^\s*(?:data:|#)/i;
const CSS_IMPORT = /@import\s+[^;]+;?/gi;
const CSS_URL = /url\(\s*(?!['"]?\s*data:)[^)]*\)/gi;

const withoutRemoteCss = (css: string) => css.replace(CSS_IMPORT, '').replace(CSS_URL, 'none');

/**
 * The saved page made ready for a sandboxed srcdoc frame: the CSP first in its head, and every reference that would
 * make the frame fetch or navigate taken out (the CSP would block the request, but the attempt alone is one too many):
 * a refresh, a base address, pictures, stylesheets and fonts not saved in the file, frames, and link targets (kept in
 * a tooltip), since following a link would load a remote page inside the frame.
 */
export function originalPageSrcdoc(html: string): string {
  // DOMParser's documents are inert: parsing here runs nothing and loads nothing.
  const page = parseFramedPage(html);
  page.querySelectorAll('meta[http-equiv], base, link').forEach((element) => element.remove());
  page.querySelectorAll('a[href], area[href]').forEach((link) => {
    link.setAttribute('title', link.getAttribute('href') ?? '');
    link.removeAttribute('href');
  });
  for (const element of page.querySelectorAll('*')) {
    for (const { name, value } of [...element.attributes]) {
      if (FETCHING_ATTRIBUTES.has(name.toLowerCase()) && !LOCAL_REFERENCE.test(value)) element.removeAttribute(name);
      else if (name.toLowerCase() === 'style') element.setAttribute(name, withoutRemoteCss(value));
    }
    if (element.localName === 'style') element.textContent = withoutRemoteCss(element.textContent ?? '');
  }
  const policy = page.createElement('meta');
  policy.setAttribute('http-equiv', 'Content-Security-Policy');
  policy.setAttribute('content', ORIGINAL_PAGE_CSP);
  page.head.prepend(policy);
  return `<!DOCTYPE html>${page.documentElement.outerHTML}`;
}

/** Decodes the saved bytes with the encoding the importer found, falling back to UTF-8 for a label no browser knows. */
function decode(bytes: ArrayBuffer, charset: string | null): { html: string; note: string | null } {
  try {
    return { html: new TextDecoder(charset ?? 'utf-8').decode(bytes), note: null };
  } catch {
    return {
      html: new TextDecoder('utf-8').decode(bytes),
      note: `The page says it is in “${charset}”, which this app cannot decode: it is shown as UTF-8.`,
    };
  }
}

type Loaded = { srcdoc: string; note: string | null } | { error: string };

/** The web page as it was saved, inside a frame that can neither run its scripts nor fetch anything. */
export function OriginalPage({ documentId, charset, title }: { documentId: string; charset: string | null; title: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const file = await queries.originalFile(documentId);
      if (!file) throw new Error('Its original file is not in the case any more.');
      const { html, note } = decode(await file.bytes.arrayBuffer(), charset);
      if (!cancelled) setLoaded({ srcdoc: originalPageSrcdoc(html), note });
    })().catch((error: unknown) => {
      if (!cancelled) setLoaded({ error: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      cancelled = true;
    };
  }, [documentId, charset]);
  // Made once per page: a new value at each render would load the frame again.
  const srcdoc = useMemo(() => (loaded && 'srcdoc' in loaded ? frameDocument(loaded.srcdoc) : null), [loaded]);

  if (!loaded)
    return (
      <p role="status" className="muted">
        Opening the saved page…
      </p>
    );
  if ('error' in loaded)
    return (
      <p className="form-error" role="alert">
        The saved page could not be shown. {loaded.error}
      </p>
    );
  return (
    <div className="original-page">
      <p className="muted small">
        The page as it was saved, with its scripts switched off and nothing loaded from the internet: pictures that
        were not saved in the file do not appear.
      </p>
      {loaded.note && <p className="small warning-text">{loaded.note}</p>}
      <iframe
        sandbox=""
        // TrustedHTML, which React sets as it is given; its typings know only strings.
        srcDoc={srcdoc as unknown as string}
        title={`Original page: ${title}`}
        referrerPolicy="no-referrer"
      />
    </div>
  );
}
