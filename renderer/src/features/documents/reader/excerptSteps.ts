import type { Excerpt, TextAnchor } from '../../../../../shared/domain';
import { recordTitle } from '../../../../../shared/vocabulary';
import type { PlacedExcerpt } from './excerptMarks';

/**
 * Next and Previous excerpt: which excerpt comes after or before a place in the document, found from the excerpts'
 * stored anchors alone, so a step costs no layout and reaches excerpts on pages not drawn yet. No DOM here.
 */

/** An excerpt with a place in its document's text. */
export type LocatedExcerpt = Excerpt & { anchor: TextAnchor };

export type StepDirection = 'next' | 'previous';

/** Where a step starts: an offset of the document's stored text, and the excerpt shown there, if one is. */
export interface StepFrom {
  offset: number;
  excerptId?: string;
}

/** Where a step arrived: the excerpt, its place in text order (1 for the first) and how many there are. */
export interface Step {
  excerpt: LocatedExcerpt;
  position: number;
  count: number;
}

const located = (excerpt: Excerpt): excerpt is LocatedExcerpt => excerpt.anchor !== null && !excerpt.orphaned;

/** The excerpts that have a place in the text (an orphaned one has none), in the order they appear there. */
export function inTextOrder(excerpts: readonly Excerpt[]): LocatedExcerpt[] {
  return excerpts
    .filter(located)
    .sort((a, b) => a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end || a.id.localeCompare(b.id));
}

/** The index of the first excerpt starting at or after `offset`, or `ordered.length`. */
function firstFrom(ordered: readonly LocatedExcerpt[], offset: number): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ordered[middle]!.anchor.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The excerpt after or before `from` in text order, or null at the end (or the start). From an excerpt shown, its
 * neighbour; from an offset, the first excerpt starting there or later, or the last starting before it; from
 * nowhere, the start of the text.
 */
export function stepExcerpt(ordered: readonly LocatedExcerpt[], from: StepFrom | null, direction: StepDirection): Step | null {
  const shown = from?.excerptId === undefined ? -1 : ordered.findIndex((excerpt) => excerpt.id === from.excerptId);
  let index: number;
  if (shown >= 0) index = direction === 'next' ? shown + 1 : shown - 1;
  else {
    const first = firstFrom(ordered, from?.offset ?? 0);
    index = direction === 'next' ? first : first - 1;
  }
  const excerpt = ordered[index];
  return excerpt ? { excerpt, position: index + 1, count: ordered.length } : null;
}

/**
 * Where a caret at `offset` of the reader's text (a layout's offsets, which in the HTML view and on PDF pages are not
 * the stored text's) is, as a place to step from: in the excerpt drawn around it (the one starting last), else just
 * before the first excerpt drawn after it, else just after the last drawn before it; null when none is drawn.
 */
export function stepFromCaret(placed: readonly PlacedExcerpt[], offset: number): StepFrom | null {
  let around: PlacedExcerpt | null = null;
  let after: PlacedExcerpt | null = null;
  let before: PlacedExcerpt | null = null;
  for (const candidate of placed) {
    const { start, end } = candidate.span;
    if (!candidate.excerpt.anchor) continue;
    if (start <= offset && offset < end) {
      if (!around || start > around.span.start) around = candidate;
    } else if (start >= offset) {
      if (!after || start < after.span.start) after = candidate;
    } else if (!before || start > before.span.start) before = candidate;
  }
  if (around) return { offset: around.excerpt.anchor!.start, excerptId: around.excerpt.id };
  if (after) return { offset: after.excerpt.anchor!.start };
  if (before) return { offset: before.excerpt.anchor!.start + 1 };
  return null;
}

/** What a step says, for the live region: "Excerpt 3 of 12: “quote…”", or that there is none further. */
export function describeStep(step: Step | null, direction: StepDirection, fromExcerpt: boolean): string {
  if (!step) {
    const where = direction === 'next' ? 'after' : 'before';
    return fromExcerpt ? `No more excerpts ${where} this one.` : `No excerpts ${where} this point.`;
  }
  return `Excerpt ${step.position} of ${step.count}: “${recordTitle('excerpt', step.excerpt).replace(/\s+/g, ' ')}”`;
}
