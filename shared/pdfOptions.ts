import type { ReportPdfOptions } from './contract';

/**
 * `REPORT_PDF_OPTIONS` as Chromium's `page.pdf()` (Playwright, Puppeteer) names them, for the browser path's print
 * engine. Pure, so both paths print with the one object: a field added to `ReportPdfOptions` without its counterpart
 * here is a compile error, and its test checks that every field is carried over.
 */
export interface PlaywrightPdfOptions {
  format: string;
  printBackground: boolean;
  margin: { top: string; bottom: string; left: string; right: string };
  displayHeaderFooter: boolean;
  preferCSSPageSize: boolean;
  tagged: boolean;
  outline: boolean;
}

/** Each of Electron's option names, with the name `page.pdf()` gives the same setting. */
export const PLAYWRIGHT_OPTION_NAMES = {
  pageSize: 'format',
  printBackground: 'printBackground',
  margins: 'margin',
  displayHeaderFooter: 'displayHeaderFooter',
  preferCSSPageSize: 'preferCSSPageSize',
  generateTaggedPDF: 'tagged',
  generateDocumentOutline: 'outline',
} as const satisfies { [K in keyof ReportPdfOptions]: keyof PlaywrightPdfOptions };

/** Electron's margins are numbers of inches; `page.pdf()` takes CSS lengths. */
const inches = (value: number) => `${value}in`;

export function playwrightPdfOptions(options: Readonly<ReportPdfOptions>): PlaywrightPdfOptions {
  const { top, bottom, left, right } = options.margins;
  return {
    format: options.pageSize,
    printBackground: options.printBackground,
    margin: { top: inches(top), bottom: inches(bottom), left: inches(left), right: inches(right) },
    displayHeaderFooter: options.displayHeaderFooter,
    preferCSSPageSize: options.preferCSSPageSize,
    tagged: options.generateTaggedPDF,
    outline: options.generateDocumentOutline,
  };
}
