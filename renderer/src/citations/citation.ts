import type { CaseDocument, DetachedSource, Excerpt } from '../../../shared/domain';
import { formatPartialDate, precisionOf } from '../../../shared/partialDate';
import { describeOcr } from '../ocr/languages';

/**
 * An excerpt's citation in one consistent style, built from its document's metadata (or, for a quote kept after its
 * document was deleted, from what was saved of it): authors, “title”, site or publisher, published date, page, OCR
 * note, address, date accessed (the import date). Pure: the table, the clipboard and the CSV export share it.
 */

/** What a citation is built from: a document as stored, or a detached excerpt's saved source. */
export type CitedSource = Pick<CaseDocument, 'title' | 'authors' | 'siteName' | 'publishedAt' | 'sourceUrl' | 'importedAt'> & {
  ocr?: CaseDocument['ocr'];
  /** Set for a detached quote: its document is gone, the hash still identifies the original. */
  deletedSha256?: string;
};

/** One piece of a citation: plain words, a title (italic in HTML), or an address (a link in HTML). */
export type CitationPart = { text: string; as?: 'title' | 'address' };

/** "A", "A and B", "A, B and C". */
function authorList(authors: readonly string[]): string {
  const names = authors.map((name) => name.trim()).filter(Boolean);
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** A stored date as precisely as it is known; a value that is not a date is shown as written. */
function dateOf(value: string): string {
  const precision = precisionOf(value);
  return precision ? formatPartialDate({ value, precision }) : value;
}

/** The day an ISO time falls on (UTC), written out: "9 March 2021". */
function dayOf(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? dateOf(iso.slice(0, 10)) : iso;
}

const withStop = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

/** The citation of a source at a page, in parts; `citationText` and `citationHtml` write it out. */
export function citationParts(source: CitedSource, page: number | null): CitationPart[] {
  const parts: CitationPart[] = [];
  const authors = authorList(source.authors);
  if (authors) parts.push({ text: `${withStop(authors)} ` });
  parts.push({ text: withStop(source.title.trim() || 'Untitled document'), as: 'title' });
  const details = [source.siteName?.trim(), source.publishedAt ? dateOf(source.publishedAt) : null, page ? `p. ${page}` : null]
    .filter((detail): detail is string => Boolean(detail));
  if (details.length) parts.push({ text: ` ${details.join(', ')}.` });
  // Recognised text may misread a word: the citation says so, as a transcription would.
  if (source.ocr) parts.push({ text: ` ${describeOcr(source.ocr)}.` });
  if (source.sourceUrl) parts.push({ text: ' ' }, { text: source.sourceUrl, as: 'address' });
  parts.push({ text: ` Accessed ${dayOf(source.importedAt)}.` });
  if (source.deletedSha256) parts.push({ text: ` Document no longer in the case (SHA-256 ${source.deletedSha256}).` });
  return parts;
}

export function citationText(parts: readonly CitationPart[]): string {
  return parts.map((part) => part.text).join('');
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

export function citationHtml(parts: readonly CitationPart[]): string {
  return parts
    .map((part) => {
      const text = escapeHtml(part.text);
      if (part.as === 'title') return `<cite>${text}</cite>`;
      // Only web addresses become links: pasting must not carry a javascript: or file: link anywhere.
      if (part.as === 'address' && /^https?:\/\//i.test(part.text)) return `<a href="${text}">${text}</a>`;
      return text;
    })
    .join('');
}

function detachedSource(detached: DetachedSource): CitedSource {
  return { ...detached, deletedSha256: detached.sha256 };
}

/** What an excerpt cites: its document, or the source saved when its document was deleted; null for neither. */
export function citedSourceOf(excerpt: Pick<Excerpt, 'detachedFrom'>, document: CitedSource | undefined): CitedSource | null {
  if (document) return document;
  return excerpt.detachedFrom ? detachedSource(excerpt.detachedFrom) : null;
}

/** The page an excerpt is on, for its citation. */
export function pageOf(excerpt: Pick<Excerpt, 'anchor' | 'detachedFrom'>): number | null {
  return excerpt.anchor?.page ?? excerpt.detachedFrom?.page ?? null;
}

/** An excerpt's citation in parts, or null when it has no source to cite. */
export function excerptCitation(
  excerpt: Pick<Excerpt, 'anchor' | 'detachedFrom'>,
  document: CitedSource | undefined,
): CitationPart[] | null {
  const source = citedSourceOf(excerpt, document);
  return source ? citationParts(source, pageOf(excerpt)) : null;
}

/** The quote with its citation, as copied: plain text and HTML, for pasting into a word processor or a note. */
export function quotedCitation(quote: string, parts: readonly CitationPart[] | null): { text: string; html: string } {
  const text = `“${quote}”${parts ? `\n${citationText(parts)}` : ''}`;
  const html = `<blockquote>${escapeHtml(quote)}</blockquote>${parts ? `<p>${citationHtml(parts)}</p>` : ''}`;
  return { text, html };
}
