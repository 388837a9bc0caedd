import type { OpenPdf } from '../../renderer/src/report/printedPdf';

/** PDF.js's legacy build, the one that runs in Node, opening bytes as the app's build does in the page. */
export const openPdfInNode: OpenPdf = async (bytes) => {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: bytes.slice(), verbosity: pdfjs.VerbosityLevel.ERRORS }).promise;
  return document as unknown as Awaited<ReturnType<OpenPdf>>;
};
