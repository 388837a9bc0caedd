/**
 * Token-level precision and recall of an extracted text against the text a reader would keep, as article extraction
 * benchmarks measure them: both texts are cut into words (Intl.Segmenter, so Chinese is cut into words too, not
 * characters), case folded, punctuation dropped; the words both share, counted with repetition, are the hits.
 */

export interface TokenCounts {
  /** Words in the extracted text. */
  extracted: number;
  /** Words in the expected text. */
  expected: number;
  /** Words in both, each counted as often as it appears in both. */
  shared: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

export function tokensOf(text: string, language = 'en'): string[] {
  let segmenter = segmenters.get(language);
  if (!segmenter) segmenters.set(language, (segmenter = new Intl.Segmenter(language, { granularity: 'word' })));
  const tokens: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text.normalize('NFC'))) if (isWordLike) tokens.push(segment.toLocaleLowerCase(language));
  return tokens;
}

export function countTokens(extracted: string, expected: string, language = 'en'): TokenCounts {
  const expectedTokens = tokensOf(expected, language);
  const extractedTokens = tokensOf(extracted, language);
  const remaining = new Map<string, number>();
  for (const token of expectedTokens) remaining.set(token, (remaining.get(token) ?? 0) + 1);
  let shared = 0;
  for (const token of extractedTokens) {
    const left = remaining.get(token) ?? 0;
    if (left > 0) {
      shared++;
      remaining.set(token, left - 1);
    }
  }
  return { extracted: extractedTokens.length, expected: expectedTokens.length, shared };
}

export function precisionRecall(counts: readonly TokenCounts[]): { precision: number; recall: number } {
  const total = counts.reduce((sum, count) => ({ extracted: sum.extracted + count.extracted, expected: sum.expected + count.expected, shared: sum.shared + count.shared }), {
    extracted: 0,
    expected: 0,
    shared: 0,
  });
  return { precision: total.extracted ? total.shared / total.extracted : 1, recall: total.expected ? total.shared / total.expected : 1 };
}
