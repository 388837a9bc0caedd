import { emptyDocument } from './document';
import { imageFormatOf } from './detect';
import { tiffPageCount } from './tiffPages';
import { ImportError, type ParsedDocument } from './types';

/** Most pages read from a multi-page TIFF, as for PDFs. */
const MAX_TIFF_PAGES = 5_000;

const TIFF_DAMAGED = 'is damaged or incomplete and could not be read as a TIFF image.';

/** How many pages an image holds: one, or a TIFF's pages (its image directories), each of which must read. */
async function pagesIn(bytes: Uint8Array): Promise<number> {
  if (imageFormatOf(bytes) !== 'tiff') return 1;
  const count = tiffPageCount(bytes, MAX_TIFF_PAGES);
  if (count === null) throw new ImportError(TIFF_DAMAGED);
  if (count === 0) throw new ImportError('is a TIFF file with no image in it.');
  const { decode } = await import('tiff');
  try {
    // The chain holds no loop (tiffPageCount): the package reads each directory's entries up to the last page counted.
    decode(bytes, { ignoreImageData: true, pages: [count - 1] });
  } catch {
    throw new ImportError(TIFF_DAMAGED);
  }
  return count;
}

/**
 * A scanned page or photograph (PNG, JPEG, TIFF): kept as pages to view, with no text until it is recognised (OCR)
 * in the reader. Each page has an empty span in the text, as a scanned PDF's pages do.
 */
export async function parseImage(bytes: Uint8Array): Promise<ParsedDocument> {
  if (!imageFormatOf(bytes)) throw new ImportError('is not an image Casebook can read (PNG, JPEG or TIFF).');
  const pageCount = await pagesIn(bytes);
  return {
    ...emptyDocument('image'),
    pages: Array.from({ length: pageCount }, (_, index) => ({ page: index + 1, start: 0, end: 0 })),
    pageCount,
    textLayer: false,
  };
}
