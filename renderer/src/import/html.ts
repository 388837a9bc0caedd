import { Readability } from '@mozilla/readability';
import type { DateSource } from '../../../shared/domain';
import { formatPartialDate } from '../../../shared/partialDate';
import { decodeText } from './charset';
import { isPlausibleDate } from './dates';
import { checkTextLength, collapseSpaces, emptyDocument, uniqueNames } from './document';
import { parseHtmlDocument } from './dom';
import { domToText } from './dom-text';
import { declaredHtmlCharset, findVisibleDate, readPageMetadata, splitByline, type VisibleDate } from './html-metadata';
import type { ParsedDocument } from './types';

/** What is left out when a page has no article to find and its whole body is kept. */
const PAGE_CHROME = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM']);

/**
 * A saved web page: decoded by its BOM, its declared charset (wherever in the file it is) or detection; the article
 * taken out of the site's chrome by Readability; title, authors, date, site, address and language from the page's
 * metadata, with an absurd published date replaced by the one shown on the page.
 */
export function parseHtml(bytes: Uint8Array): ParsedDocument {
  const decoded = decodeText(bytes, declaredHtmlCharset(bytes));
  const warnings = [...decoded.warnings];
  const doc = parseHtmlDocument(decoded.text);
  // Read before Readability, which rewrites the document as it works.
  const metadata = readPageMetadata(doc, decoded.text);
  const language = metadata.language ?? decoded.language;
  const { publishedAt, source: publishedAtSource, warning } = choosePublishedDate(metadata.dates, () => findVisibleDate(doc, { monthFirst: language === 'en-US' }));
  if (warning) warnings.push(warning);
  const pageTitle = collapseSpaces(doc.querySelector('title')?.textContent ?? '');

  const article = new Readability(doc, { serializer: (node: Node) => node as Element }).parse();
  let content: Element | null = article?.content ?? null;
  let text = content ? domToText(content) : '';
  if (!content || !text) {
    content = doc.body;
    text = content ? domToText(content, { skip: PAGE_CHROME }) : '';
    if (text) warnings.push('Casebook could not tell the article from the rest of the page, so the whole page was kept.');
  }
  checkTextLength(text.length);

  return {
    ...emptyDocument('html'),
    title: collapseSpaces(article?.title ?? '') || metadata.title || pageTitle,
    text,
    html: content ? content.innerHTML : null,
    charset: decoded.charset,
    authors: uniqueNames(metadata.authors.length ? metadata.authors : splitByline(article?.byline ?? '')),
    publishedAt,
    publishedAtSource,
    sourceUrl: metadata.sourceUrl,
    siteName: metadata.siteName ?? (collapseSpaces(article?.siteName ?? '') || null),
    language,
    // Without a declaration, the language chardet associates with the page's encoding: a guess from the text.
    languageSource: metadata.language ? 'declared' : language ? 'detected' : null,
    warnings,
  };
}

/**
 * The first plausible date the metadata declares. When it declares only absurd ones (year 1, or years ahead), or
 * none, the date shown at the top of the article is used instead, and the reader is told about the replacement.
 */
export function choosePublishedDate(
  declared: { raw: string; iso: string | null }[],
  visible: () => VisibleDate | null,
): { publishedAt: string | null; source: DateSource | null; warning: string | null } {
  const plausible = declared.find((date) => date.iso && isPlausibleDate(date.iso));
  if (plausible) return { publishedAt: plausible.iso, source: { from: 'metadata' }, warning: null };
  const shown = visible();
  const usable = shown && isPlausibleDate(shown.iso) ? shown : null;
  const source: DateSource | null = usable ? { from: 'text', quote: usable.quote } : null;
  const reading = usable?.ambiguous ? ` (${usable.text}, read as ${formatPartialDate({ value: usable.iso, precision: 'day' })})` : '';
  const absurd = declared[0];
  if (!absurd) return { publishedAt: usable?.iso ?? null, source, warning: reading ? `The published date was taken from the page${reading}.` : null };
  const value = absurd.iso ?? absurd.raw.slice(0, 40);
  return usable
    ? { publishedAt: usable.iso, source, warning: `The published date in the page's metadata (${value}) was not plausible; used the date shown on the page${reading}.` }
    : { publishedAt: null, source: null, warning: `The published date in the page's metadata (${value}) was not plausible and was left out.` };
}
