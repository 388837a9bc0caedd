import { emptyDocument } from './document';
import { imageFormatOf } from './detect';
import { ImportError, type ParsedDocument } from './types';

/** Most pages read from a multi-page TIFF, as for PDFs. */
const MAX_TIFF_PAGES = 5_000;

/** How many pages an image holds: one, or a TIFF's pages (its image directories). */
async function pagesIn(bytes: Uint8Array): Promise<number> {
  if (imageFormatOf(bytes) !== 'tiff') return 1;
  const { decode } = await import('tiff');
  let pages;
  try {
    pages = decode(bytes, { ignoreImageData: true });
  } catch {
    throw new ImportError('is damaged or incomplete and could not be read as a TIFF image.');
  }
  if (!pages.length) throw new ImportError('is a TIFF file with no image in it.');
  return Math.min(pages.length, MAX_TIFF_PAGES);
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
