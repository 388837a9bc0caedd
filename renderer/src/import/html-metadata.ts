import { findDatesInText, parseDateValue } from './dates';
import { collapseSpaces, uniqueNames } from './document';
import { domToText } from './dom-text';

/** What a page says about itself in meta tags, JSON-LD, its <html> element and the comments browsers add on saving. */
export interface PageMetadata {
  title: string | null;
  authors: string[];
  siteName: string | null;
  sourceUrl: string | null;
  language: string | null;
  /** Publication dates the page declares, most trusted first; `iso` is null when the value is not a date at all. */
  dates: { raw: string; iso: string | null }[];
}

/** The charset a page declares in a meta tag or an XML declaration, anywhere in its first half megabyte. */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const prefix = new TextDecoder('windows-1252').decode(bytes.subarray(0, 512 * 1024));
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(prefix);
  if (xml) return xml[1]!;
  const markup = prefix.replace(/<!-{2}[\s\S]*?-{2}>/g, '').replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '');
  for (const [tag] of markup.matchAll(/<meta\b[^>]*>/gi)) {
    const charset = /\bcharset\s*=\s*["']?\s*([^\s"'>;/]+)/i.exec(tag);
    if (charset) return charset[1]!;
  }
  return null;
}

function metaValues(doc: Document): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? meta.getAttribute('http-equiv'))?.trim().toLowerCase();
    const content = collapseSpaces(meta.getAttribute('content') ?? '');
    if (!key || !content) continue;
    values.set(key, [...(values.get(key) ?? []), content]);
  }
  return values;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = /Article|BlogPosting|Report|Review|Thesis|Book|Chapter|CreativeWork|Legislation/i;

/** JSON-LD objects of the page, flattened out of arrays and @graph: articles first, then the page, then the rest (site, organisation). */
function jsonLdNodes(doc: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const node = value as JsonObject;
      nodes.push(node);
      if (node['@graph']) visit(node['@graph']);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const source = (script.textContent ?? '').replace(/^\s*(?:<!-{2}|\/\/\s*<!\[CDATA\[)|(?:-{2}>|\/\/\s*\]\]>)\s*$/g, '');
    try {
      visit(JSON.parse(source));
    } catch {
      // Broken JSON-LD is common and says nothing the page cannot say otherwise.
    }
  }
  const rank = (node: JsonObject) => {
    const type = [node['@type']].flat().join(' ');
    return ARTICLE_TYPES.test(type) ? 0 : /WebPage/i.test(type) ? 1 : 2;
  };
  return nodes.map((node, index) => ({ node, index, rank: rank(node) })).sort((a, b) => a.rank - b.rank || a.index - b.index).map(({ node }) => node);
}

const asString = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? collapseSpaces(value) : null);

function personNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(personNames);
  if (typeof value === 'string') return splitByline(value);
  if (value && typeof value === 'object') {
    const name = asString((value as JsonObject).name);
    return name ? [name] : [];
  }
  return [];
}

/**
 * "By Ana Ruiz and Tom Ashby" → both names. Commas and conjunctions split only between full names (two words or
 * more each), so "Ruiz, Ana" and "Reuters and AP" stay whole; semicolons always separate.
 */
export function splitByline(byline: string): string[] {
  const cleaned = collapseSpaces(byline.replace(/^\s*(?:by|por|par|von|przez)\s+/i, ''));
  if (!cleaned || /^https?:\/\//i.test(cleaned)) return [];
  return cleaned.split(/\s*;\s*/).flatMap((part) => {
    const pieces = part.split(/\s*[,&]\s*|\s+(?:and|y|e|et|und|i|oraz)\s+/i).filter(Boolean);
    return pieces.length > 1 && pieces.every((piece) => piece.includes(' ')) ? pieces : [part];
  });
}

/** The first candidate that is, or resolves to, a web address; relative ones resolve against the first absolute one. */
function absoluteUrl(candidates: (string | null | undefined)[]): string | null {
  const parse = (value: string, base?: string) => {
    try {
      const url = new URL(value.trim(), base);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch {
      return null;
    }
  };
  const present = candidates.filter((candidate): candidate is string => Boolean(candidate?.trim()));
  const base = present.map((candidate) => parse(candidate)).find(Boolean) ?? undefined;
  return present.map((candidate) => parse(candidate, base)).find(Boolean) ?? null;
}

/** A BCP 47 tag in its canonical form ("en_gb" → "en-GB"), or null for anything that is not one. */
export function languageTag(value: string | null | undefined): string | null {
  const candidate = value?.trim().replace(/_/g, '-').split(/[\s,;]/)[0];
  if (!candidate || !/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(candidate)) return null;
  try {
    return Intl.getCanonicalLocales(candidate)[0] ?? null;
  } catch {
    return null;
  }
}

function canonicalLink(doc: Document): string | null {
  for (const link of doc.querySelectorAll('link[rel][href]')) {
    if ((link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')) return link.getAttribute('href');
  }
  return null;
}

/**
 * The address a browser recorded when the page was saved ("saved from url=" or SingleFile's "url:" comment).
 * Comment markers in these patterns are written "-{2}": a module's parser takes a literal one for an HTML comment.
 */
function savedFromUrl(html: string): string | null {
  const head = html.slice(0, 4096);
  return (
    /<!-{2}\s*saved from url=\(\d+\)\s*(\S+?)\s*-{2}>/i.exec(head)?.[1] ??
    /<!-{2}[^>]*?Page saved with SingleFile[\s\S]*?\burl:\s*(\S+)/i.exec(head)?.[1] ??
    null
  );
}

export function readPageMetadata(doc: Document, html: string): PageMetadata {
  const meta = metaValues(doc);
  const first = (...keys: string[]) => keys.map((key) => meta.get(key)?.[0]).find(Boolean) ?? null;
  const all = (...keys: string[]) => keys.flatMap((key) => meta.get(key) ?? []);
  const ld = jsonLdNodes(doc);
  const fromLd = (field: string) => ld.map((node) => node[field]).find((value) => value !== undefined && value !== null);
  const ldUrl = (() => {
    const value = fromLd('url') ?? fromLd('mainEntityOfPage');
    if (typeof value === 'string') return value;
    if (value && typeof value === 'object') return asString((value as JsonObject)['@id']) ?? asString((value as JsonObject).url);
    return null;
  })();
  const publisher = fromLd('publisher');

  const dateValues = [
    first('article:published_time', 'og:article:published_time'),
    asString(fromLd('datePublished')),
    first('citation_publication_date', 'citation_date', 'citation_online_date'),
    first('dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created'),
    first('pubdate', 'publishdate', 'publish-date', 'date', 'sailthru.date', 'parsely-pub-date'),
    asString(fromLd('dateCreated')),
  ].filter((value): value is string => Boolean(value));

  return {
    title: first('og:title', 'twitter:title', 'citation_title', 'dc.title') ?? asString(fromLd('headline')) ?? null,
    authors: uniqueNames([
      ...personNames(fromLd('author')),
      ...all('citation_author'),
      ...all('author', 'dc.creator', 'parsely-author', 'sailthru.author').flatMap(splitByline),
    ]),
    siteName:
      first('og:site_name', 'application-name', 'citation_journal_title') ??
      (publisher && typeof publisher === 'object' ? asString((publisher as JsonObject).name) : null),
    sourceUrl: absoluteUrl([
      canonicalLink(doc),
      first('og:url', 'twitter:url', 'citation_public_url', 'citation_abstract_html_url'),
      ldUrl,
      savedFromUrl(html),
    ]),
    language:
      languageTag(doc.documentElement?.getAttribute('lang')) ??
      languageTag(doc.documentElement?.getAttribute('xml:lang')) ??
      languageTag(first('content-language', 'language', 'dc.language', 'citation_language')) ??
      languageTag(first('og:locale')) ??
      languageTag(asString(fromLd('inLanguage'))),
    dates: dateValues.map((raw) => ({ raw, iso: parseDateValue(raw) })),
  };
}

const CHROME_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER']);
const CHROME_PATTERN = /related|recommend|more-stories|promo|newsletter|sidebar|comment|cookie|consent|footer|\bnav/i;
const PUBLISHED_LABEL = /(?:published|posted|first published|publicado|publicada|opublikowano|publié|veröffentlicht|发布|發布|date)\s*(?:on|el|le|am|:)?\s*:?\s*$/i;
const UPDATED_LABEL = /(?:updated|modified|actualizado|aktualizacja|zaktualizowano|mis à jour|aktualisiert|更新)[^.]*$/i;

const isChrome = (element: Element) =>
  CHROME_TAGS.has(element.tagName.toUpperCase()) || CHROME_PATTERN.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`);

function insideChrome(element: Element, scope: Element): boolean {
  for (let node: Element | null = element; node && node !== scope; node = node.parentElement) if (isChrome(node)) return true;
  return false;
}

/** A date shown on the page: as written (`text`), and with its label when it has one (`quote`: "Published 14 March 2023"). */
export interface VisibleDate {
  iso: string;
  text: string;
  quote: string;
  ambiguous: boolean;
}

/**
 * The publication date a reader sees at the top of the article: a <time datetime> near the headline, or a date
 * in the headline's neighbourhood, labelled "Published …" or just after it (the byline). Dates further down are
 * events the article reports, and dates in navigation or related-article lists belong to other pages.
 */
export function findVisibleDate(doc: Document, options: { monthFirst?: boolean } = {}): VisibleDate | null {
  const headline = doc.querySelector('article h1') ?? doc.querySelector('h1');
  const scope = headline?.closest('article') ?? doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  if (!scope) return null;

  for (const time of scope.querySelectorAll('time[datetime]')) {
    if (insideChrome(time, scope)) continue;
    const label = time.closest('[class], [id]');
    if (label && UPDATED_LABEL.test(`${label.getAttribute('class') ?? ''} ${label.getAttribute('id') ?? ''}`)) continue;
    const iso = parseDateValue(time.getAttribute('datetime') ?? '');
    if (iso) {
      const shown = collapseSpaces(time.textContent ?? '') || iso;
      return { iso, text: shown, quote: shown, ambiguous: false };
    }
  }

  // The whole body: a byline can sit just outside the <article>; the headline anchors the search.
  const text = domToText(doc.body ?? scope, { skip: CHROME_TAGS });
  const headlineText = headline ? collapseSpaces(headline.textContent ?? '') : '';
  const at = headlineText ? text.indexOf(headlineText) : -1;
  const start = at >= 0 ? Math.max(0, at - 300) : 0;
  const headlineEnd = at >= 0 ? at + headlineText.length : 0;
  const window = text.slice(start, (at >= 0 ? headlineEnd : 0) + 1500);

  let best: (VisibleDate & { score: number }) | null = null;
  for (const date of findDatesInText(window, options)) {
    const position = start + date.index;
    const before = window.slice(Math.max(0, date.index - 40), date.index);
    let score: number;
    if (UPDATED_LABEL.test(before)) score = 0;
    else if (PUBLISHED_LABEL.test(before)) score = 3;
    else if (position >= headlineEnd && position - headlineEnd <= 300) score = 2;
    else if (position < headlineEnd) score = 1;
    else score = 0;
    if (score > 0 && (!best || score > best.score)) {
      const shown = window.slice(date.index, date.index + date.length);
      const label = score === 3 ? before.slice(before.search(PUBLISHED_LABEL)) : '';
      best = { iso: date.iso, text: shown, quote: collapseSpaces(`${label} ${shown}`), ambiguous: date.ambiguous, score };
    }
  }
  return best && { iso: best.iso, text: best.text, quote: best.quote, ambiguous: best.ambiguous };
}
