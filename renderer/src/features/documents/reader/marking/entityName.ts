/** Quotation marks, brackets and sentence punctuation a selection picks up at its ends. */
const EDGE = `\\s"'“”‘’«»„‚()\\[\\]{}<>,.;:!?…–—-`;
const LEADING = new RegExp(`^[${EDGE}]+`, 'u');
const TRAILING = new RegExp(`[${EDGE}]+$`, 'u');

/**
 * The name an entity made from selected words starts with: the words on one line, without the quotation marks,
 * brackets and punctuation a selection picks up at its ends, nor an English possessive ("Dario Venn’s" names Dario
 * Venn). A phone's "+", a handle's "@" and an address's dots inside are kept.
 */
export function nameFromSelection(selected: string): string {
  return selected.replace(/\s+/gu, ' ').replace(LEADING, '').replace(TRAILING, '').replace(/[’']s$/u, '');
}
