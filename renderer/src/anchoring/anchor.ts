import type { TextAnchor } from '../../../shared/domain';

/**
 * Text anchoring, pure: where a quote sits in a text (its offsets, the words either side, its page), how to find it
 * again after the text changed, and whether an anchor still fits its quote. No DOM and no database: the domain calls
 * it inside its transactions, the reader to turn a selection into a position.
 */

/** How much text either side of a quote an anchor keeps, to tell apart two places that quote the same words. */
export const ANCHOR_CONTEXT_LENGTH = 32;

/** Where a quote is, with the text around it, in a document's text. */
export function anchorAt(text: string, start: number, end: number, page: number | null = null): TextAnchor {
  return {
    start,
    end,
    prefix: text.slice(Math.max(0, start - ANCHOR_CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + ANCHOR_CONTEXT_LENGTH),
    page,
  };
}

const MAX_OCCURRENCES = 1_000;

/** Every place `quote` occurs in `text`, exactly or else with any run of white space standing for any other. */
function occurrencesOf(text: string, quote: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let at = text.indexOf(quote); at >= 0 && found.length < MAX_OCCURRENCES; at = text.indexOf(quote, at + 1))
    found.push({ start: at, end: at + quote.length });
  if (found.length || !quote.trim()) return found;
  // Line breaks often differ between a quote and its source (a PDF's lines, a copied paragraph).
  const pattern = quote
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  for (const match of text.matchAll(new RegExp(pattern, 'g'))) {
    found.push({ start: match.index, end: match.index + match[0].length });
    if (found.length >= MAX_OCCURRENCES) break;
  }
  return found;
}

function commonSuffixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[a.length - 1 - length] === b[b.length - 1 - length]) length++;
  return length;
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

/**
 * Finds a quote in a text: the occurrence whose surroundings best match the old anchor's prefix and suffix, then the
 * one nearest the old position. Null when the quote is not in the text at all.
 */
export function locateQuote(
  text: string,
  quote: string,
  previous?: Pick<TextAnchor, 'start' | 'prefix' | 'suffix'> | null,
): { start: number; end: number } | null {
  const candidates = occurrencesOf(text, quote);
  if (!previous) return candidates[0] ?? null;
  let best: { start: number; end: number } | null = null;
  let bestScore = -1;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const before = text.slice(Math.max(0, candidate.start - previous.prefix.length), candidate.start);
    const after = text.slice(candidate.end, candidate.end + previous.suffix.length);
    const score = commonSuffixLength(before, previous.prefix) + commonPrefixLength(after, previous.suffix);
    const distance = Math.abs(candidate.start - previous.start);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = candidate;
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}

/** White space folded to single spaces, for comparing a quote with the text it was selected from. */
const normalised = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Whether the text between an anchor's offsets is the quote (line breaks and runs of spaces aside). */
export function anchorFits(text: string, quote: string, anchor: Pick<TextAnchor, 'start' | 'end'>): boolean {
  const { start, end } = anchor;
  if (start < 0 || end > text.length || start >= end) return false;
  return normalised(text.slice(start, end)) === normalised(quote);
}

/** The page a position falls on, for paged documents; null for the others. */
export function pageAt(pages: readonly { page: number; start: number; end: number }[] | null, offset: number): number | null {
  if (!pages) return null;
  return pages.find((span) => offset >= span.start && offset < span.end)?.page ?? null;
}

/**
 * The anchor of a quote in a text: at the given place when it is given (null when the quote is not there), else at
 * the occurrence that best matches a previous anchor, else the first occurrence; null when the text lacks the quote.
 */
export function anchorQuote(
  text: string,
  quote: string,
  options: {
    at?: Pick<TextAnchor, 'start' | 'end'> | null;
    previous?: Pick<TextAnchor, 'start' | 'prefix' | 'suffix'> | null;
    pages?: readonly { page: number; start: number; end: number }[] | null;
  } = {},
): TextAnchor | null {
  const place = options.at ? (anchorFits(text, quote, options.at) ? options.at : null) : locateQuote(text, quote, options.previous);
  if (!place) return null;
  return anchorAt(text, place.start, place.end, pageAt(options.pages ?? null, place.start));
}
