import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentLoadingTask, PDFPageProxy, PageViewport } from 'pdfjs-dist';

type PdfJs = typeof PdfJsModule;

let pdfjs: Promise<PdfJs> | undefined;

/**
 * PDF.js, loaded on first use so that documents without a PDF never download it, with its parsing worker served
 * from the app itself (the CSP allows workers from 'self' only).
 */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(
    ([library, worker]) => {
      library.GlobalWorkerOptions.workerSrc = worker.default;
      return library;
    },
  );
  return pdfjs;
}

/**
 * Most pixels one page's canvas holds: 4096 × 4096, 64 MB of colour. A page that would need more at the screen's
 * resolution (a poster, a page whose MediaBox is metres wide) is drawn at less, and shown at its size, a little soft.
 */
export const MAX_CANVAS_PIXELS = 4096 * 4096;
/**
 * Most pixels of one image in a PDF that PDF.js decodes (an A3 page scanned at 600 dpi is 70 million): a larger one,
 * which may be a few bytes that unpack to gigabytes, is left out of the page.
 */
export const MAX_IMAGE_PIXELS = 100_000_000;
/** Longest one page may take to draw before it is stopped. */
export const PAGE_DRAW_MS = 20_000;

export const pageDrawTimedOut = (milliseconds: number = PAGE_DRAW_MS) =>
  `This page took longer than ${(milliseconds / 1000).toLocaleString('en')} s to draw and was stopped.`;

/**
 * How many canvas pixels a page is drawn at for each CSS pixel: the screen's own, unless a `width` × `height` page
 * would then need more than `maxPixels`, when it is as many as fit.
 */
export function canvasResolution(width: number, height: number, devicePixelRatio: number, maxPixels = MAX_CANVAS_PIXELS): number {
  const area = width * height;
  return area * devicePixelRatio ** 2 <= maxPixels ? devicePixelRatio : Math.sqrt(maxPixels / area);
}

/**
 * Draws a page on `canvas` at `viewport`, the canvas sized within `MAX_CANVAS_PIXELS`. Ends 'drawn'; 'timed out' when
 * `deadline` comes first (the drawing is then cancelled, and the canvas keeps what was drawn); 'cancelled' when
 * `signal` stops it. Any other failure is thrown.
 */
export async function drawPage(
  page: PDFPageProxy,
  canvas: HTMLCanvasElement,
  viewport: PageViewport,
  options: { devicePixelRatio: number; deadline: Promise<void>; signal?: AbortSignal },
): Promise<'drawn' | 'timed out' | 'cancelled'> {
  const resolution = canvasResolution(viewport.width, viewport.height, options.devicePixelRatio);
  canvas.width = Math.max(1, Math.floor(viewport.width * resolution));
  canvas.height = Math.max(1, Math.floor(viewport.height * resolution));
  const task = page.render({ canvas, viewport, transform: resolution === 1 ? undefined : [resolution, 0, 0, resolution, 0, 0] });
  const cancel = () => task.cancel();
  options.signal?.addEventListener('abort', cancel);
  try {
    const outcome = await Promise.race([task.promise.then(() => 'drawn' as const), options.deadline.then(() => 'timed out' as const)]);
    if (outcome === 'timed out') {
      task.cancel();
      await task.promise.catch(() => undefined);
    }
    return outcome;
  } catch (error) {
    if ((error as Error | undefined)?.name === 'RenderingCancelledException') return 'cancelled';
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', cancel);
  }
}

/**
 * Opens a PDF from its bytes for viewing. XFA forms stay off; PDF.js runs a document's JavaScript only through its
 * scripting sandbox (pdf.sandbox.mjs), which the app never loads; and PDF.js 6 has no `isEvalSupported` option left
 * to turn off, since it no longer compiles fonts with eval (the CSP forbids eval anyway).
 */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentLoadingTask> {
  const library = await loadPdfJs();
  return library.getDocument({
    // PDF.js takes ownership of the array it is given: a copy leaves the caller's intact.
    data: bytes.slice(),
    enableXfa: false,
    // Page rendering stays on this thread: a second worker would need its own script and CSP allowance.
    disableWorkerRendering: true,
    // Nothing is fetched to open a document: no range requests, no streaming from a URL.
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    verbosity: library.VerbosityLevel.ERRORS,
    // What one drawing may take: images past MAX_IMAGE_PIXELS are left out, and the canvases PDF.js draws them on stay
    // within a page's.
    maxImageSize: MAX_IMAGE_PIXELS,
    canvasMaxAreaInBytes: MAX_CANVAS_PIXELS * 4,
  });
}
