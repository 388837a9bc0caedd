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

/** `Uint8Array.fromBase64` (Chromium 140 on), not yet in TypeScript's library. */
type WithBase64 = typeof Uint8Array & { fromBase64?: (base64: string) => Uint8Array };

/** Base64 to bytes, natively where the browser can: a report's PDF is megabytes, too many for a byte-by-byte loop. */
function fromBase64(base64: string): Uint8Array {
  const native = (Uint8Array as WithBase64).fromBase64;
  return native ? native(base64) : Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}

function pdfBytes(answer: Uint8Array | ArrayBuffer | string): Uint8Array {
  const bytes =
    typeof answer === 'string'
      ? fromBase64(answer)
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
