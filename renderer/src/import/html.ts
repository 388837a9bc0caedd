import { Readability } from '@mozilla/readability';
import type { DateSource } from '../../../shared/domain';
import { formatPartialDate } from '../../../shared/partialDate';
import { decodeText } from './charset';
import { isPlausibleDate } from './dates';
import { checkTextLength, collapseSpaces, emptyDocument, uniqueNames } from './document';
import { parseHtmlDocument } from './dom';
import { domToLines } from './dom-text';
import { declaredHtmlCharset, findVisibleDate, readPageMetadata, splitByline, type VisibleDate } from './html-metadata';
import { finishArticle, prepareForReadability } from './page-chrome';
import { cleanedText, type CleanupOptions } from './text-cleanup';
import type { ParsedDocument } from './types';

/** What is left out when a page has no article to find and its whole body is kept. */
const PAGE_CHROME = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM']);

/**
 * A saved web page: decoded by its BOM, its declared charset (wherever in the file it is) or detection; the article
 * taken out of the site's chrome by Readability; title, authors, date, site, address and language from the page's
 * metadata, with an absurd published date replaced by the one shown on the page. What the site left in and around
 * the article (share rows, advertisement labels, related lists, credits, author boxes…) is taken out, line by line,
 * with the reason for each (see page-chrome.ts and text-cleanup.ts).
 */
export function parseHtml(bytes: Uint8Array, options: CleanupOptions = {}): ParsedDocument {
  const cleanUp = options.cleanUp ?? true;
  const decoded = decodeText(bytes, declaredHtmlCharset(bytes));
  const warnings = [...decoded.warnings];
  const doc = parseHtmlDocument(decoded.text);
  // Read before Readability, which rewrites the document as it works.
  const metadata = readPageMetadata(doc, decoded.text);
  const language = metadata.language ?? decoded.language;
  const { publishedAt, source: publishedAtSource, warning } = choosePublishedDate(metadata.dates, () => findVisibleDate(doc, { monthFirst: language === 'en-US' }));
  if (warning) warnings.push(warning);
  const pageTitle = collapseSpaces(doc.querySelector('title')?.textContent ?? '');

  const notes = cleanUp ? prepareForReadability(doc, [metadata.title ?? '', pageTitle], linesOf) : null;
  // Classes are kept for finishArticle to read the site's names for its boxes; it drops them afterwards.
  const article = new Readability(doc, { serializer: (node: Node) => node as Element, keepClasses: cleanUp }).parse();
  let content: Element | null = article?.content ?? null;
  if (content && notes) finishArticle(content, notes);
  const title = collapseSpaces(article?.title ?? '') || metadata.title || pageTitle;
  const authors = uniqueNames(metadata.authors.length ? metadata.authors : splitByline(article?.byline ?? ''));
  const context = { cleanUp, title, authors: [...authors, ...splitByline(article?.byline ?? '')], boxLines: notes?.boxLines };
  let extracted = content ? cleanedText(content, { ...context, extracted: true }) : null;
  if (!content || !extracted?.text) {
    content = doc.body;
    // The page's own menus and footers are left out of the text; with clean-up, out of its HTML too.
    if (content && cleanUp) for (const element of content.querySelectorAll([...PAGE_CHROME].join(','))) element.remove();
    extracted = content ? cleanedText(content, { ...context, skip: PAGE_CHROME }) : null;
    if (extracted?.text) warnings.push('Casebook could not tell the article from the rest of the page, so the whole page was kept.');
  }
  const text = extracted?.text ?? '';
  checkTextLength(text.length);

  return {
    ...emptyDocument('html'),
    title,
    text,
    html: extracted ? extracted.html : null,
    cleanup: extracted?.cleanup ?? null,
    charset: decoded.charset,
    authors,
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

/** An element's lines as the text will have them. */
const linesOf = (element: Element) => domToLines(element).lines.map((line) => line.text).filter(Boolean);

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
