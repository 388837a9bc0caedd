import { HostError } from '../../../shared/contract';

/**
 * A print engine that a page embedding the app may provide, since a browser cannot print a page to PDF bytes by
 * itself: given the report's HTML (static, self-contained), it lays it out with no script running and nothing fetched,
 * prints it with `REPORT_PDF_OPTIONS` (through `playwrightPdfOptions` for Chromium's `page.pdf()`) and answers with the
 * PDF's bytes, or the same bytes in base64 where only strings cross (a Playwright binding).
 */
export type PrintEngine = (html: string) => Promise<Uint8Array | ArrayBuffer | string>;

declare global {
  interface Window {
    casebookPrintEngine?: PrintEngine;
  }
}

export const NO_PRINT_ENGINE =
  'A PDF of the report is made by the Casebook desktop app. In this browser, Print… offers the report to the browser’s print dialog, where you can choose Save as PDF.';

function pdfBytes(answer: Uint8Array | ArrayBuffer | string): Uint8Array {
  const bytes =
    typeof answer === 'string'
      ? Uint8Array.from(atob(answer), (char) => char.charCodeAt(0))
      : ArrayBuffer.isView(answer)
        ? new Uint8Array(answer.buffer, answer.byteOffset, answer.byteLength)
        : new Uint8Array(answer);
  // "%PDF-": anything else is the engine's failure, not a report.
  if (String.fromCharCode(...bytes.subarray(0, 5)) !== '%PDF-')
    throw new HostError('unknown', 'The print engine of this page did not answer with a PDF. Try again, or use Print… instead.');
  return bytes;
}

/** Prints with the page's print engine, or says what to do when it has none. */
export async function printWithEngine(html: string): Promise<Uint8Array> {
  const engine = window.casebookPrintEngine;
  if (typeof engine !== 'function') throw new HostError('not-found', NO_PRINT_ENGINE);
  return pdfBytes(await engine(html));
}
