import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentLoadingTask } from 'pdfjs-dist';

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
  });
}
