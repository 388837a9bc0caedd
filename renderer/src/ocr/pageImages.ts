import type { CaseDocument } from '../../../shared/domain';
// pdf.js as the reader loads it: one copy of the library, its worker served from the app.
import { openPdf } from '../features/documents/reader/pdf';
import type { PageImage } from './engine';
import { decodeImagePage, imagePageCount, isTiff } from './images';

/** Resolution PDF pages are drawn at for recognition: enough for body text, small enough to read in seconds. */
export const OCR_DPI = 200;

/** A document's pages as images to read, one at a time; `close()` frees what was opened. */
export interface PageImages {
  count: number;
  page(number: number): Promise<PageImage>;
  close(): Promise<void>;
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the page could not be drawn.'))), 'image/png'),
  );
}

/** A PDF's pages drawn at `dpi` on a white ground, as PNG images. */
async function pdfPageImages(bytes: Uint8Array, dpi: number): Promise<PageImages> {
  const task = await openPdf(bytes);
  const pdf = await task.promise;
  return {
    count: pdf.numPages,
    async page(number) {
      const page = await pdf.getPage(number);
      const viewport = page.getViewport({ scale: dpi / 72 });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      try {
        await page.render({ canvas, viewport, background: '#ffffff' }).promise;
        return { image: await canvasBlob(canvas), width: canvas.width, height: canvas.height, dpi };
      } finally {
        page.cleanup();
        canvas.width = 0;
        canvas.height = 0;
      }
    },
    close: () => task.destroy(),
  };
}

/** An image's pages: a PNG or JPEG read as it is; a TIFF's pages decoded and handed over as PNG. */
async function imagePageImages(bytes: Uint8Array, mimeType: string): Promise<PageImages> {
  const count = await imagePageCount(bytes);
  return {
    count,
    async page(number) {
      const bitmap = await decodeImagePage(bytes, number);
      try {
        const { width, height } = bitmap;
        if (!isTiff(bytes)) return { image: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }), width, height, dpi: null };
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
        const image = await canvasBlob(canvas);
        canvas.width = 0;
        return { image, width, height, dpi: null };
      } finally {
        bitmap.close();
      }
    },
    close: async () => {},
  };
}

/** The pages of a scanned PDF or an image, as images text recognition reads. */
export function pageImagesOf(document: Pick<CaseDocument, 'kind' | 'mimeType'>, bytes: Uint8Array, dpi = OCR_DPI): Promise<PageImages> {
  return document.kind === 'pdf' ? pdfPageImages(bytes, dpi) : imagePageImages(bytes, document.mimeType);
}
