import { describe, expect, it } from 'vitest';
import { REPORT_PDF_OPTIONS, type ReportPdfOptions } from './contract';
import { PLAYWRIGHT_OPTION_NAMES, playwrightPdfOptions } from './pdfOptions';

/** What `page.pdf()` must receive for each of Electron's values. */
const expected = (key: keyof ReportPdfOptions, value: unknown): unknown =>
  key === 'margins'
    ? Object.fromEntries(Object.entries(value as Record<string, number>).map(([side, inches]) => [side, `${inches}in`]))
    : value;

describe('the report’s PDF options for Chromium’s page.pdf()', () => {
  it('carry every field of REPORT_PDF_OPTIONS over, under page.pdf()’s name, and nothing else', () => {
    const converted = playwrightPdfOptions(REPORT_PDF_OPTIONS) as unknown as Record<string, unknown>;
    const keys = Object.keys(REPORT_PDF_OPTIONS) as (keyof ReportPdfOptions)[];
    for (const key of keys) expect(converted[PLAYWRIGHT_OPTION_NAMES[key]], key).toEqual(expected(key, REPORT_PDF_OPTIONS[key]));
    expect(Object.keys(converted).sort()).toEqual(keys.map((key) => PLAYWRIGHT_OPTION_NAMES[key]).sort());
  });

  it('carry changed values too, not defaults: Letter, no background, untagged, no outline, other margins', () => {
    const other: ReportPdfOptions = {
      pageSize: 'Letter',
      printBackground: false,
      margins: { top: 1, bottom: 0.5, left: 0.25, right: 2 },
      displayHeaderFooter: true,
      preferCSSPageSize: false,
      generateTaggedPDF: false,
      generateDocumentOutline: false,
    };
    expect(playwrightPdfOptions(other)).toEqual({
      format: 'Letter',
      printBackground: false,
      margin: { top: '1in', bottom: '0.5in', left: '0.25in', right: '2in' },
      displayHeaderFooter: true,
      preferCSSPageSize: false,
      tagged: false,
      outline: false,
    });
  });

  it('ask for a tagged PDF with an outline, as the report needs', () => {
    expect(playwrightPdfOptions(REPORT_PDF_OPTIONS)).toMatchObject({ tagged: true, outline: true, preferCSSPageSize: true });
  });
});
