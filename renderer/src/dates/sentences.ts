import type { TextSpan } from './types';

/** Words a full stop follows without ending a sentence ("Mr.", "Jan.", "No."). */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr st no nr jan feb mar apr jun jul aug sep sept oct nov dec vs etc inc ltd co jr sr prof gen col lt sgt gov rep sen art abs approx ca cf dept est fig min max mt ave blvd corp bros op vol pp'.split(' '),
);

const BOUNDARY = /([.!?…]+)["'’”)\]]*(?:\s+|$)|\n\s*/g;

/** Where each sentence of a text ends (after its punctuation) and the next begins, in order. */
export function sentenceBoundaries(text: string): { end: number; next: number }[] {
  const boundaries: { end: number; next: number }[] = [];
  for (const match of text.matchAll(BOUNDARY)) {
    const at = match.index;
    if (match[1] === '.') {
      const word = /([\p{L}\d]+)$/u.exec(text.slice(Math.max(0, at - 12), at))?.[1] ?? '';
      // A single letter ("J. Smith"), an abbreviation, or a number ("14. März", "No. 10.") does not end a sentence.
      if (word.length === 1 || ABBREVIATIONS.has(word.toLowerCase()) || /^\d+$/.test(word)) {
        if (!/\n/.test(match[0])) continue;
      }
    }
    const end = match[1] ? at + match[0].trimEnd().length : at;
    boundaries.push({ end, next: at + match[0].length });
  }
  return boundaries;
}

/** The sentence around a span: from the last sentence start at or before it to the first sentence end after it. */
export function sentenceAround(text: string, boundaries: { end: number; next: number }[], span: TextSpan): TextSpan {
  let low = 0;
  let high = boundaries.length;
  // The first boundary that starts a sentence after the span's start.
  while (low < high) {
    const middle = (low + high) >> 1;
    if (boundaries[middle]!.next <= span.start) low = middle + 1;
    else high = middle;
  }
  const start = low > 0 ? boundaries[low - 1]!.next : 0;
  let end = text.length;
  for (let index = low; index < boundaries.length; index++) {
    if (boundaries[index]!.end >= span.end) {
      end = boundaries[index]!.end;
      break;
    }
  }
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
