/**
 * Documents with a formatted version (a saved page, a Word file, Markdown) carry in their HTML the number of each
 * line of their text as extracted (`data-lines="12"` on the element it came from, several numbers when it holds
 * several lines): the reader hides the elements whose lines were removed as site text and shows them again when they
 * are put back. Written by the importer (import/text-cleanup.ts).
 */
export const LINES_ATTRIBUTE = 'data-lines';

/** Whether the HTML numbers its lines: documents imported before clean-up at import do not, and cannot be cleaned. */
export function hasLineNumbers(html: string): boolean {
  return html.includes(` ${LINES_ATTRIBUTE}="`);
}
