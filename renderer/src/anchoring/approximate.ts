import search from 'approx-string-match';

/**
 * Approximate matching of a quote whose words changed a little (a recognised word read differently, a typo fixed,
 * punctuation changed), for the last step of locating an excerpt. Pure: no DOM, no database.
 */

/**
 * How many differences (characters inserted, deleted or replaced) a quote may have from the text and still be found:
 * 10% of its length, 15% when the words on both sides of it are still there. Ten percent lets a 60-character quote
 * survive a corrected word or two; more than that starts to accept other sentences that share a shape ("paid 2,000 to
 * the harbour master" is not "paid 9,000 to the harbour mistress"). Quotes under 10 characters get no tolerance at all:
 * a short phrase with one letter changed is as likely another word as the same one misread.
 */
export const APPROXIMATE_ERROR_SHARE = 0.1;
export const APPROXIMATE_ERROR_SHARE_IN_CONTEXT = 0.15;

/** How much of each side's stored context must still be beside a match for it to count as agreeing. */
const CONTEXT_PROBE = 8;
/** How far an approximate match's ends may be from where the context says (its boundaries are not exact). */
const CONTEXT_SLACK = 4;

/** How far either side of the old place the first search looks, before the whole text (if it is short enough). */
const WINDOW_MIN = 2_000;
/** Texts up to this length are searched whole when the quote is not near its old place; longer ones are not. */
const WHOLE_TEXT_LIMIT = 200_000;

export interface ApproximateMatch {
  start: number;
  end: number;
  errors: number;
}

/** Whether the stored context on one side is still beside a match (tolerant of the match's fuzzy ends). */
function sideAgrees(text: string, stored: string, at: number, side: 'before' | 'after'): boolean {
  // A quote that began or ended the text had nothing on that side: it agrees only at the same edge.
  if (!stored) return side === 'before' ? at <= CONTEXT_SLACK : at >= text.length - CONTEXT_SLACK;
  if (side === 'before') {
    const probe = stored.slice(-CONTEXT_PROBE);
    return text.slice(Math.max(0, at - probe.length - CONTEXT_SLACK), at + CONTEXT_SLACK).includes(probe);
  }
  const probe = stored.slice(0, CONTEXT_PROBE);
  return text.slice(Math.max(0, at - CONTEXT_SLACK), at + probe.length + CONTEXT_SLACK).includes(probe);
}

/** The most differences a quote may have here: none for short quotes, else a share of its length by the context. */
export function allowedErrors(quoteLength: number, contextSides: 0 | 1 | 2): number {
  if (quoteLength < 10 || contextSides === 0) return 0;
  return Math.floor(quoteLength * (contextSides === 2 ? APPROXIMATE_ERROR_SHARE_IN_CONTEXT : APPROXIMATE_ERROR_SHARE));
}

/**
 * The place in `text` that differs least from `quote`, within the threshold its context allows, searched near `near`
 * first. Null when nothing is close enough: the caller reports the excerpt orphaned rather than guess.
 */
export function matchApproximately(
  text: string,
  quote: string,
  context: { prefix: string; suffix: string; near: number },
): ApproximateMatch | null {
  const most = allowedErrors(quote.length, 2);
  if (most === 0) return null;
  const window = Math.max(WINDOW_MIN, quote.length * 4);
  const from = Math.max(0, context.near - window);
  const to = Math.min(text.length, context.near + quote.length + window);
  const nearby = best(text, quote, context, from, to, most);
  if (nearby || (from === 0 && to === text.length) || text.length > WHOLE_TEXT_LIMIT) return nearby;
  return best(text, quote, context, 0, text.length, most);
}

function best(
  text: string,
  quote: string,
  context: { prefix: string; suffix: string; near: number },
  from: number,
  to: number,
  most: number,
): ApproximateMatch | null {
  let chosen: ApproximateMatch | null = null;
  let chosenDistance = Infinity;
  for (const match of search(text.slice(from, to), quote, most)) {
    const start = from + match.start;
    const end = from + match.end;
    const sides = ((sideAgrees(text, context.prefix, start, 'before') ? 1 : 0) +
      (sideAgrees(text, context.suffix, end, 'after') ? 1 : 0)) as 0 | 1 | 2;
    if (match.errors > allowedErrors(quote.length, sides)) continue;
    const distance = Math.abs(start - context.near);
    if (!chosen || match.errors < chosen.errors || (match.errors === chosen.errors && distance < chosenDistance)) {
      chosen = { start, end, errors: match.errors };
      chosenDistance = distance;
    }
  }
  return chosen;
}
