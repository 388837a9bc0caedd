/** Longest title proposed from a quote, in characters. */
const LONGEST = 80;

/**
 * A title proposed for an event made from an excerpt: its quote's first sentence, without its full stop, cut at a
 * word (with "…") when longer than 80 characters. The researcher rewrites it as a fact; it is a start.
 */
export function proposedTitle(quote: string): string {
  const sentence = (quote.trim().replace(/\s+/g, ' ').split(/(?<=[.!?])\s/)[0] ?? '').replace(/[.!?]+$/, '');
  if (sentence.length <= LONGEST) return sentence;
  const cut = sentence.slice(0, LONGEST);
  const space = cut.lastIndexOf(' ');
  return `${space > LONGEST / 2 ? cut.slice(0, space) : cut}…`;
}
