import type { BrowserContext } from '@playwright/test';
import { REPORT_PDF_OPTIONS } from '../../../shared/contract';
import { playwrightPdfOptions } from '../../../shared/pdfOptions';

/**
 * The print engine a page embedding Casebook may give it (`window.casebookPrintEngine`, see
 * renderer/src/platform/browserHost.ts), provided by the test: each report is laid out in a new page of the same
 * browser with JavaScript off and every request refused, and printed by Chromium's own print engine with the options
 * Electron receives (`playwrightPdfOptions(REPORT_PDF_OPTIONS)`). The PDF goes back in base64, as bindings carry strings.
 */
export class PrintEngine {
  /** How many reports were printed, and whether a print is under way. */
  printed = 0;
  printing = false;
  private gate: Promise<void> | null = null;
  private open: (() => void) | null = null;

  private constructor(readonly context: BrowserContext) {}

  /** Installs the engine in the context's pages; call it before the app loads. */
  static async provide(context: BrowserContext): Promise<PrintEngine> {
    const engine = new PrintEngine(context);
    await context.exposeBinding('casebookPrintEngine', (_source, html: string) => engine.print(html));
    return engine;
  }

  /** Holds every print until `release`: the test sees the export under way, whatever the machine's speed. */
  hold() {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release() {
    this.open?.();
    this.gate = null;
  }

  private async print(html: string): Promise<string> {
    this.printing = true;
    try {
      await this.gate;
      const printer = await this.context.browser()!.newPage({ javaScriptEnabled: false });
      try {
        await printer.route('**/*', (route) => route.abort());
        await printer.setContent(html);
        const pdf = await printer.pdf(playwrightPdfOptions(REPORT_PDF_OPTIONS));
        this.printed++;
        return pdf.toString('base64');
      } finally {
        await printer.close();
      }
    } finally {
      this.printing = false;
    }
  }
}
