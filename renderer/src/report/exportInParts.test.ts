import { chromium, type Browser } from '@playwright/test';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPORT_PDF_OPTIONS } from '../../../shared/contract';
import { playwrightPdfOptions } from '../../../shared/pdfOptions';
import { CHROMIUM_ARGS, findChromium, MISSING_CHROMIUM_MESSAGE } from '../../../tests/chromium';
import { seedRepresentativeCase, withDatabase } from '../../../tests/unit/database';
import { openPdfInNode } from '../../../tests/unit/pdfjs';
import type { CasebookDB } from '../db/schema';
import type * as Fonts from './fonts';
import { readReportOptions } from './options';
import { exportReport, type ExportedReport } from './print';

// The shipped fonts are read by the app's build; here Chromium sets the report in its own, which changes no link.
vi.mock('./fonts', async (original) => ({ ...(await original<typeof Fonts>()), reportFontFaces: vi.fn(async () => '') }));

/**
 * The whole export, from a case in the database to the joined PDF, printed in parts by real Chromium with the app's
 * print options, joined by pdf-lib and read back with PDF.js: the report as one reader sees it, whatever its parts.
 */
let db: CasebookDB;
withDatabase((fresh) => (db = fresh));

let browser: Browser;
beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(MISSING_CHROMIUM_MESSAGE);
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** The print engine the browser host is given (tests/e2e/models/printEngine.ts), in Node. */
const host = {
  printToPdf: async ({ html }: { html: string }) => {
    const printer = await browser.newPage({ javaScriptEnabled: false });
    try {
      await printer.route('**/*', (route) => route.abort());
      await printer.setContent(html);
      return new Uint8Array(await printer.pdf(playwrightPdfOptions(REPORT_PDF_OPTIONS)));
    } finally {
      await printer.close();
    }
  },
};

async function exported(caseId: string, partSize: number): Promise<ExportedReport> {
  return exportReport({ db, caseId, options: readReportOptions({ sections: { history: true } }), host, appVersion: '0.1.0', openPdf: openPdfInNode, partSize });
}

async function read<T>(bytes: Uint8Array, reading: (pdf: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const pdf = (await openPdfInNode(bytes)) as unknown as PDFDocumentProxy;
  try {
    return await reading(pdf);
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/** Each page's text, as a reader copies it. */
const pageTexts = (pdf: PDFDocumentProxy) =>
  Promise.all(
    Array.from({ length: pdf.numPages }, async (_, index) => {
      const content = await (await pdf.getPage(index + 1)).getTextContent();
      return content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
    }),
  );

/** The page (1-based) a destination lands on, named or explicit. */
async function pageOf(pdf: PDFDocumentProxy, destination: unknown): Promise<number | null> {
  const explicit = typeof destination === 'string' ? await pdf.getDestination(destination) : (destination as unknown[] | null);
  const target = explicit?.[0];
  return target && typeof target === 'object' ? (await pdf.getPageIndex(target as never)) + 1 : null;
}

describe('a report printed in parts', () => {
  it('reads as one PDF: pages numbered through, contents right, every link landing, one outline, tagged; the same words as in one part', { timeout: 120_000 }, async () => {
    // A part of one character: every note, row, entity, excerpt and source is printed alone and joined.
    const { caseFile } = await seedRepresentativeCase(db, 'Operation Lantern Quay');
    const report = await exported(caseFile.id, 1);
    expect(report.parts).toBeGreaterThan(8);
    expect(report.warnings).toEqual([]);

    await read(report.bytes, async (pdf) => {
      expect(pdf.numPages).toBe(report.pageCount);
      const texts = await pageTexts(pdf);
      // "Page X of Y" at the foot of every page but the cover, counting through the parts.
      texts.slice(1).forEach((text, index) => expect(text, `page ${index + 2}`).toContain(`Page ${index + 2} of ${report.pageCount}`));

      // Each contents entry starts on the page the contents give, and its heading is there.
      for (const entry of report.contents) {
        expect(entry.page, entry.title).not.toBeNull();
        expect(await pageOf(pdf, entry.id), entry.title).toBe(entry.page);
        expect(texts[entry.page! - 1], entry.title).toContain(entry.title);
      }

      // Every link inside the report lands on a page; none is left as an address.
      let inside = 0;
      for (let number = 1; number <= pdf.numPages; number++) {
        for (const annotation of (await (await pdf.getPage(number)).getAnnotations()) as { subtype: string; dest?: unknown; url?: string }[]) {
          if (annotation.subtype !== 'Link') continue;
          expect(annotation.url ?? '', `a link on page ${number}`).not.toMatch(/^casebook-report:/);
          if (annotation.dest === undefined) continue;
          inside++;
          expect(await pageOf(pdf, annotation.dest), `a link on page ${number}`).not.toBeNull();
        }
      }
      expect(inside).toBeGreaterThan(report.contents.length);

      // One outline: the cover's title and the sections in order at the top, what a part went on with under its section.
      const outline = (await pdf.getOutline()) ?? [];
      expect(outline.map((item) => item.title)).toEqual([
        'Operation Lantern Quay',
        'Contents',
        'Notes',
        'Chronology',
        'Entity index',
        'Excerpts',
        'Sources',
        'Appendix: change history',
      ]);
      // Each entity type is in a part of its own, the second going on with the index: both are under it.
      expect(outline.find((item) => item.title === 'Entity index')!.items.map((item) => item.title)).toEqual(['People', 'Organisations', 'Link chart']);

      expect(((await pdf.getMarkInfo()) as unknown as Map<string, unknown>).get('Marked')).toBe(true);
      expect(await (await pdf.getPage(pdf.numPages)).getStructTree()).not.toBeNull();
    });

    // And it says what the report printed as one part says.
    const whole = await exported(caseFile.id, Infinity);
    expect(whole.parts).toBe(1);
    const texts = await Promise.all([report, whole].map((printed) => read(printed.bytes, async (pdf) => (await pageTexts(pdf)).join('\n'))));
    // The same words, but for the repeated headings of what a part goes on with and the page numbers (each part
    // begins a page, so there are more pages).
    const words = (text: string) =>
      text
        .replace(/\S+ \(continued\)/g, '')
        .split(/\s+/)
        .filter((word) => word && !/^\d+$/.test(word));
    expect(new Set(words(texts[0]!))).toEqual(new Set(words(texts[1]!)));
  });
});
