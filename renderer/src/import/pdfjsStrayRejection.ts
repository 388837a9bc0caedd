/**
 * pdf.js, walking a damaged file's page tree, fetches the tree's branches ahead into a cache (`Catalog.getPageDict` in
 * its worker code, pdf.js 6.5) and never awaits the ones its walk does not reach: when such a branch is damaged (a bad
 * cross-reference entry, a broken object), that fetch's rejection has no handler. The page that needed the branch is
 * reported unreadable through pdf.js's API, as it should be (see parsePdf); the copy left in the cache is noise, which
 * the import worker silences. Found by the importers' fuzz (tests/fuzz/: PDF seeds 1365, 2139, 5372 and more, each a
 * rejection of `XRef.fetchAsync` called from `Catalog.getPageDict`).
 */

/** What pdf.js's reading of an object throws on a damaged file: its own exceptions, named as pdf.js names them. */
const STRAY_EXCEPTIONS = new Set([
  'XRefEntryException',
  'XRefParseException',
  'FormatError',
  'ParserEOFException',
  'MissingDataException',
]);

/** Whether an unhandled rejection is one of pdf.js's page-tree fetches left behind, rather than a fault of ours. */
export function isPdfjsStrayRejection(reason: unknown): boolean {
  return reason instanceof Error && STRAY_EXCEPTIONS.has(reason.name);
}
