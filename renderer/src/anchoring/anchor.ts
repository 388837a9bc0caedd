import type { TextAnchor } from '../../../shared/domain';
import { matchApproximately } from './approximate';

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

/** Which step of locating found a quote: its old place, the quote with its context, or approximate matching. */
export type AnchorStrategy = 'position' | 'quote' | 'approximate';

export interface LocatedQuote {
  start: number;
  end: number;
  strategy: AnchorStrategy;
  /** Characters that differ between the quote and the text found (0 unless approximate). */
  errors: number;
}

/** How far either side of its old place a quote is first looked for, before the whole text. */
const NEARBY_WINDOW = 4_096;

/** Whether the text either side of a place still reads as the anchor's stored context, on at least one side. */
function contextHolds(text: string, place: { start: number; end: number }, anchor: Pick<TextAnchor, 'prefix' | 'suffix'>): boolean {
  const before = text.slice(Math.max(0, place.start - anchor.prefix.length), place.start);
  const after = text.slice(place.end, place.end + anchor.suffix.length);
  return before === anchor.prefix || after === anchor.suffix;
}

/**
 * Finds an excerpt's quote again in a (changed) text, in the order the W3C Web Annotation model suggests: its old
 * place (or `hint`, where an edit is known to have moved it) when the quote is still there with its context; else
 * the occurrence of the quote whose surroundings best match the stored context, the nearest on a tie (so of several
 * identical phrases, the one the researcher selected); else approximately, within a threshold. Null when none holds:
 * the excerpt is orphaned, never attached to look-alike words.
 */
export function locateAnchor(
  text: string,
  quote: string,
  anchor: Pick<TextAnchor, 'start' | 'end' | 'prefix' | 'suffix'>,
  hint: number | null = null,
): LocatedQuote | null {
  const at = hint ?? anchor.start;
  const place = { start: at, end: at + (anchor.end - anchor.start) };
  if (anchorFits(text, quote, place) && contextHolds(text, place, anchor)) return { ...place, strategy: 'position', errors: 0 };
  // Near the old place first: an edit moves most quotes a little, and scanning a long text for each is what costs.
  const window = Math.max(NEARBY_WINDOW, quote.length * 4);
  const from = Math.max(0, at - window);
  const nearby = locateQuote(text.slice(from, at + quote.length + window), quote, { ...anchor, start: at - from });
  if (nearby && contextHolds(text, { start: from + nearby.start, end: from + nearby.end }, anchor))
    return { start: from + nearby.start, end: from + nearby.end, strategy: 'quote', errors: 0 };
  const found = locateQuote(text, quote, { ...anchor, start: at });
  if (found) return { ...found, strategy: 'quote', errors: 0 };
  const approximate = matchApproximately(text, quote.trim(), { prefix: anchor.prefix, suffix: anchor.suffix, near: at });
  return approximate ? { ...approximate, strategy: 'approximate' } : null;
}

/**
 * The anchor an excerpt gets in a changed text, with the step that found it, or null when its quote cannot be found
 * there any more.
 */
export function reanchor(
  text: string,
  quote: string,
  anchor: TextAnchor,
  options: { hint?: number | null; pages?: readonly { page: number; start: number; end: number }[] | null } = {},
): { anchor: TextAnchor; strategy: AnchorStrategy } | null {
  const found = locateAnchor(text, quote, anchor, options.hint ?? null);
  if (!found) return null;
  const page = options.pages === undefined ? anchor.page : pageAt(options.pages, found.start);
  return { anchor: anchorAt(text, found.start, found.end, page), strategy: found.strategy };
}
