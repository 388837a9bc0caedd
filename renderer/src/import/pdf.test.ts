import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../tests/fixtures/read-fixture';
import { parseFile } from './parse';
import { cleanPdfTitle, PDF_DAMAGED, PDF_PASSWORD, pageLines, pageText } from './pdf';
import { ImportError } from './types';

const parsePdfFixture = (name: string) => parseFile({ name, bytes: readFixture(name) });

async function refusal(name: string, bytes = readFixture(name)): Promise<ImportError> {
  const error = await parseFile({ name, bytes }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('PDF', () => {
  it('reads three pages with each page’s span in the text', async () => {
    const document = await parsePdfFixture('three-page-report.pdf');
    expect(document).toMatchObject({ kind: 'pdf', pageCount: 3, textLayer: true, html: null, warnings: [] });
    expect(document.pages).toHaveLength(3);
    const pages = document.pages!;
    expect(pages.map((span) => span.page)).toEqual([1, 2, 3]);
    expect(pages[0]!.start).toBe(0);
    expect(pages[2]!.end).toBe(document.text.length);
    for (let i = 1; i < pages.length; i++) expect(pages[i]!.start).toBeGreaterThan(pages[i - 1]!.end);

    const phrase = 'the quayside ledger was never recovered';
    const at = document.text.indexOf(phrase);
    expect(at).toBeGreaterThan(-1);
    expect(at).toBeGreaterThanOrEqual(pages[2]!.start);
    expect(at + phrase.length).toBeLessThanOrEqual(pages[2]!.end);
    expect(document.text.slice(pages[0]!.start, pages[0]!.end)).not.toContain(phrase);
    expect(document.text.slice(pages[1]!.start, pages[1]!.end)).toMatch(/^Findings\n\nEleven of the forty-eight/);
  });

  it('takes title, author and creation date from the metadata, and says the date is the creation date', async () => {
    const document = await parsePdfFixture('three-page-report.pdf');
    expect(document).toMatchObject({
      title: 'Harbour Dues Audit 2022',
      authors: ['Office of the Port Examiner'],
      publishedAt: '2023-03-14',
      publishedAtSource: { from: 'created' },
      language: 'en',
      languageSource: 'detected',
    });
  });

  it('names a court opinion by its caption, dates it by its decision rather than its creation date', async () => {
    const document = await parsePdfFixture('court-opinion.pdf');
    expect(document).toMatchObject({
      title: 'United States v. Doe',
      publishedAt: '2021-03-03',
      publishedAtSource: { from: 'text', quote: 'Decided March 3, 2021' },
      language: 'en',
      languageSource: 'detected',
      pageCount: 2,
      warnings: [],
    });
  });

  it('passes over a metadata title that is a file name, for the largest text on page 1; dates it from its text', async () => {
    const document = await parsePdfFixture('useless-title.pdf');
    expect(document).toMatchObject({
      title: 'Prüfbericht zum Pachtvertrag des Osthafens',
      publishedAt: '2021-03-09',
      publishedAtSource: { from: 'text', quote: 'Veröffentlicht am 9. März 2021' },
      language: 'de',
      languageSource: 'detected',
    });
  });

  it('reads a PDF with stray bytes before its header', async () => {
    const bytes = readFixture('stray-bytes.pdf');
    expect(new TextDecoder('latin1').decode(bytes.subarray(0, 5))).not.toBe('%PDF-');
    const document = await parsePdfFixture('stray-bytes.pdf');
    expect(document.pageCount).toBe(3);
    expect(document.text).toContain('the quayside ledger was never recovered');
  });

  it('keeps a scanned PDF without a text layer, and says that it has none', async () => {
    const document = await parsePdfFixture('scanned-pages.pdf');
    expect(document).toMatchObject({ textLayer: false, text: '', pageCount: 2, title: 'scanned-pages' });
    expect(document.pages).toEqual([
      { page: 1, start: 0, end: 0 },
      { page: 2, start: 0, end: 0 },
    ]);
    expect(document.warnings).toEqual(['This PDF has no text layer: its pages are images. Use Recognise text (OCR) to read them.']);
    // The scanned letter has real words, but only as pixels: they wait for text recognition.
    expect(await parsePdfFixture('scanned-letter.pdf')).toMatchObject({ textLayer: false, text: '', pageCount: 1 });
  });

  it('reads Chinese text that needs pdf.js’s character maps, bundled rather than fetched', async () => {
    const document = await parsePdfFixture('cjk-cmap.pdf');
    expect(document).toMatchObject({ text: '港口账簿调查报告', title: '港口账簿', language: 'zh-CN', languageSource: 'declared', publishedAt: '2023-05-20', textLayer: true });
  });

  it('refuses a password-protected PDF, saying how to remove the password', async () => {
    const error = await refusal('encrypted.pdf');
    expect(error.message).toBe(PDF_PASSWORD);
    expect(error.message).toMatch(/^is protected by a password\. Remove the password \(for example by printing it to a new PDF\) and import it again\./);
  });

  it('reads a PDF whose owner password only restricts printing and copying', async () => {
    const document = await parsePdfFixture('restricted.pdf');
    expect(document.text).toContain('the quayside ledger was never recovered');
  });

  it('refuses a truncated PDF, and a corrupt one', async () => {
    expect((await refusal('truncated.pdf')).message).toBe(PDF_DAMAGED);
    const garbage = new TextEncoder().encode('%PDF-1.7\n' + 'garbage '.repeat(200));
    expect((await refusal('garbage.pdf', garbage)).message).toMatch(/^is damaged or incomplete and could not be read as a PDF/);
  });

  it('tells a web page saved as .pdf from a damaged PDF', async () => {
    const page = new TextEncoder().encode('<!DOCTYPE html><html><head><title>Sign in</title></head><body>Please sign in</body></html>');
    expect((await refusal('report.pdf', page)).message).toMatch(/^is a web page saved under a \.pdf name, not a PDF/);
  });

  it('reads a PDF that lost its end marker but whose pages are all there, with a warning', async () => {
    const whole = readFixture('three-page-report.pdf');
    const cut = whole.subarray(0, whole.length - 7);
    const document = await parseFile({ name: 'cut.pdf', bytes: cut });
    expect(document.text).toContain('the quayside ledger was never recovered');
    expect(document.warnings).toEqual(['This PDF seems to be cut short (it has no end marker), but all its pages could be read.']);
  });

  it('leaves the caller’s bytes intact (pdf.js gets a copy)', async () => {
    const bytes = readFixture('three-page-report.pdf');
    await parseFile({ name: 'report.pdf', bytes });
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
  });

  it('drops placeholder titles', () => {
    expect(cleanPdfTitle('Microsoft Word - Witness statement v3.docx')).toBe('Witness statement v3');
    expect(cleanPdfTitle('Untitled-1')).toBeNull();
    expect(cleanPdfTitle('  ')).toBeNull();
    expect(cleanPdfTitle(42)).toBeNull();
  });

  it('lays out a page’s lines with their size and place on the page, for the title finder', () => {
    const item = (str: string, x: number, y: number, size: number, hasEOL = false) => ({ str, dir: 'ltr', transform: [size, 0, 0, size, x, y], width: str.length * size * 0.5, height: size, fontName: 'F1', hasEOL });
    expect(pageLines([item('Case: 21-3012', 72, 760, 8), item('Filed: 03/03/2021', 200, 760, 8, true), item('UNITED STATES', 176, 715, 15, true), item('1', 302, 40, 10)], [0, 0, 612, 792])).toEqual([
      { text: 'Case: 21-3012 Filed: 03/03/2021', size: 8, top: 32 / 792 },
      { text: 'UNITED STATES', size: 15, top: 77 / 792 },
      { text: '1', size: 10, top: 752 / 792 },
    ]);
  });

  it('joins text items into lines, with a blank line at a wide gap', () => {
    const item = (str: string, y: number, hasEOL: boolean, height = 12) => ({ str, dir: 'ltr', transform: [1, 0, 0, 1, 72, y], width: 100, height, fontName: 'F1', hasEOL });
    expect(pageText([item('Heading', 760, true, 20), item('First line', 720, true), item('second line.', 702, true), item('New paragraph.', 660, false)])).toBe(
      'Heading\n\nFirst line\nsecond line.\n\nNew paragraph.',
    );
  });
});
