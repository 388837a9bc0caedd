import { PDFDocument, PDFName } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../../shared/limits';
import { openPdfInNode } from '../../../tests/unit/pdfjs';
import type { CasebookDB } from '../db/schema';
import { DEFAULT_REPORT_OPTIONS } from './options';
import { EmptyReportError, exportReport, MAX_LAYOUTS, PRINTS_AT_ONCE, ReportTooLongError, type ExportProgress } from './print';
import { readStartPages, withPdf } from './printedPdf';

/**
 * The pipeline against a stand-in print engine. The report's rendering is replaced by one that writes what the
 * printer needs to know as JSON (the page numbers shown in the contents); the printer lays it out the way a real one
 * would move things: the contents take one page, or two once a number reaches 10, pushing every section a page on.
 */
const render = vi.hoisted(() => ({ empty: null as string | null, parts: [] as { id: string; title: string; pages: number }[][] }));

vi.mock('./build', () => ({
  collectReport: vi.fn(async (_db: unknown, caseId: string, options: unknown) => ({ caseId, options, empty: render.empty })),
  planReport: vi.fn(() => ({
    parts: render.parts.map((sections) => ({ continuesSection: false, entryIds: sections.map(({ id }) => id) })),
    document: (
      index: number,
      { pageNumbers, fontFaces, layoutOnly, pages }: { pageNumbers: ReadonlyMap<string, number> | null; fontFaces: string; layoutOnly?: boolean; pages?: unknown },
    ) =>
      JSON.stringify({ part: index, shown: pageNumbers ? Object.fromEntries(pageNumbers) : null, fontFaces, layoutOnly: layoutOnly ?? false, pages: pages ?? null, sections: render.parts[index] }),
    text: 'Operation Lantern Quay',
    contents: render.parts.flat().map(({ id, title }) => ({ id, title, level: 1 })),
    metadata: { title: 'Operation Lantern Quay', author: 'Ilse Maren', subject: 'Report on the case Operation Lantern Quay', keywords: ['harbour'] },
    warnings: ['Note “Sources” could not be read: it was left out.'],
  })),
}));
vi.mock('./fonts', () => ({ reportFontFaces: vi.fn(async () => '@font-face { font-family: "Noto Serif" }') }));

interface Layout {
  part: number;
  shown: Record<string, number> | null;
  fontFaces: string;
  layoutOnly: boolean;
  pages: { first: number; total: number } | null;
  sections: { id: string; pages: number }[];
}

/**
 * Lays the "HTML" out: the first part's cover and contents (two pages once a number shown has two digits), then each
 * section of the part.
 */
async function layOut(html: string): Promise<Uint8Array> {
  const { part, shown, sections } = JSON.parse(html) as Layout;
  const contentsPages = shown && Object.values(shown).some((page) => page >= 10) ? 2 : 1;
  const pdf = await PDFDocument.create();
  if (part === 0) for (let page = 0; page < 1 + contentsPages; page++) pdf.addPage();
  const destinations: Record<string, unknown> = {};
  for (const section of sections) {
    const first = pdf.addPage();
    destinations[section.id] = [first.ref, PDFName.of('Fit')];
    for (let page = 1; page < section.pages; page++) pdf.addPage();
  }
  pdf.catalog.set(PDFName.of('Dests'), pdf.context.obj(destinations as never));
  tag(pdf);
  return pdf.save();
}

/** Marks a stand-in PDF tagged as Chromium's print marks it: a structure tree with its Document element. */
function tag(pdf: PDFDocument) {
  const document = pdf.context.register(pdf.context.obj({ Type: 'StructElem', S: 'Document', K: [] }));
  pdf.catalog.set(PDFName.of('StructTreeRoot'), pdf.context.obj({ Type: 'StructTreeRoot', K: document, ParentTree: { Nums: [] }, ParentTreeNextKey: 0 }));
  pdf.catalog.set(PDFName.of('MarkInfo'), pdf.context.obj({ Marked: true }));
}

const printed: Layout[] = [];
const host = {
  printToPdf: vi.fn(async ({ html }: { html: string }) => {
    printed.push(JSON.parse(html) as Layout);
    return layOut(html);
  }),
};

const request = (extra: Partial<Parameters<typeof exportReport>[0]> = {}) => ({
  db: {} as CasebookDB,
  caseId: 'case-1',
  options: DEFAULT_REPORT_OPTIONS,
  host,
  appVersion: '0.1.0',
  openPdf: openPdfInNode,
  ...extra,
});

afterEach(() => {
  printed.length = 0;
  vi.clearAllMocks();
  render.empty = null;
});

describe('exporting a report', () => {
  it('lays out, reads where each entry starts, lays out again with those numbers, and sets the properties', async () => {
    render.parts = [[
      { id: 'notes', title: 'Notes', pages: 2 },
      { id: 'sources', title: 'Sources', pages: 1 },
    ]];
    const stages: ExportProgress[] = [];
    const report = await exportReport(request({ onProgress: (progress) => stages.push(progress) }));

    expect(printed.map((layout) => layout.shown)).toEqual([null, { notes: 3, sources: 5 }]);
    // The first pass only measures (nothing drawn); the PDF given back is the one drawn in full.
    expect(printed.map((layout) => layout.layoutOnly)).toEqual([true, false]);
    // Every pass prints with the fonts the text needs.
    expect(printed.every((layout) => layout.fontFaces.includes('Noto Serif'))).toBe(true);
    expect(report).toMatchObject({
      pageCount: 5,
      title: 'Operation Lantern Quay',
      layouts: 2,
      contents: [
        { id: 'notes', title: 'Notes', level: 1, page: 3 },
        { id: 'sources', title: 'Sources', level: 1, page: 5 },
      ],
      warnings: ['Note “Sources” could not be read: it was left out.'],
    });

    expect([...new Set(stages.map((progress) => progress.label))]).toEqual([
      'Reading the case',
      'Laying out pages',
      'Numbering the contents',
      'Laying out again with page numbers',
      'Finishing the PDF',
    ]);
    const fractions = stages.map((progress) => progress.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);

    const info = await withPdf(openPdfInNode, report.bytes, async (pdf) => {
      const { info } = await (pdf as unknown as { getMetadata(): Promise<{ info: Record<string, unknown> }> }).getMetadata();
      return info;
    });
    expect(info).toMatchObject({
      Title: 'Operation Lantern Quay',
      Author: 'Ilse Maren',
      Subject: 'Report on the case Operation Lantern Quay',
      Keywords: 'harbour',
      Creator: 'Casebook 0.1.0',
      Producer: expect.stringMatching(/^Casebook 0\.1\.0 with pdf-lib/),
    });
  });

  it('lays out once more when a page number moved the layout, and the numbers shown are then right', async () => {
    // Without numbers, Sources starts on page 10; showing "10" takes a second contents page and moves it to 11.
    render.parts = [[
      { id: 'notes', title: 'Notes', pages: 7 },
      { id: 'sources', title: 'Sources', pages: 1 },
    ]];
    const report = await exportReport(request());
    expect(printed.map((layout) => layout.shown)).toEqual([null, { notes: 3, sources: 10 }, { notes: 4, sources: 11 }]);
    expect(report.layouts).toBe(3);
    expect(report.contents.map((entry) => entry.page)).toEqual([4, 11]);
    const { pages } = await withPdf(openPdfInNode, report.bytes, (pdf) => readStartPages(pdf, ['notes', 'sources']));
    expect(Object.fromEntries(pages)).toEqual({ notes: 4, sources: 11 });
    expect(report.warnings).toEqual(['Note “Sources” could not be read: it was left out.']);
  });

  it('prints a long report in parts, each numbered from where it begins, and joins them in order', async () => {
    // Cover and contents (2 pages) and Notes (3), then Excerpts (5), then Sources (2): Sources on page 11, whose "11"
    // takes a second contents page and moves everything a page on, so a third layout is needed, of every part.
    render.parts = [[{ id: 'notes', title: 'Notes', pages: 3 }], [{ id: 'excerpts', title: 'Excerpts', pages: 5 }], [{ id: 'sources', title: 'Sources', pages: 2 }]];
    const stages: ExportProgress[] = [];
    const report = await exportReport(request({ onProgress: (progress) => stages.push(progress) }));

    expect(printed.map(({ part, layoutOnly, pages }) => ({ part, layoutOnly, pages }))).toEqual([
      { part: 0, layoutOnly: true, pages: null },
      { part: 1, layoutOnly: true, pages: null },
      { part: 2, layoutOnly: true, pages: null },
      { part: 0, layoutOnly: false, pages: { first: 1, total: 12 } },
      { part: 1, layoutOnly: false, pages: { first: 6, total: 12 } },
      { part: 2, layoutOnly: false, pages: { first: 11, total: 12 } },
      { part: 0, layoutOnly: false, pages: { first: 1, total: 13 } },
      { part: 1, layoutOnly: false, pages: { first: 7, total: 13 } },
      { part: 2, layoutOnly: false, pages: { first: 12, total: 13 } },
    ]);
    expect(printed.filter((layout) => layout.part === 0).map((layout) => layout.shown)).toEqual([null, { notes: 3, excerpts: 6, sources: 11 }, { notes: 4, excerpts: 7, sources: 12 }]);
    expect(report).toMatchObject({ pageCount: 13, layouts: 3, parts: 3 });
    expect(report.contents.map((entry) => entry.page)).toEqual([4, 7, 12]);
    const { pages } = await withPdf(openPdfInNode, report.bytes, (pdf) => readStartPages(pdf, ['notes', 'excerpts', 'sources']));
    expect(Object.fromEntries(pages)).toEqual({ notes: 4, excerpts: 7, sources: 12 });
    const fractions = stages.map((progress) => progress.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it(`prints at most ${PRINTS_AT_ONCE} parts at once, joining them in order whichever finishes first`, async () => {
    render.parts = [1, 2, 3, 4, 5].map((number) => [{ id: `part-${number}`, title: `Part ${number}`, pages: number }]);
    let printing = 0;
    let most = 0;
    host.printToPdf.mockImplementation(async ({ html }) => {
      printing++;
      most = Math.max(most, printing);
      const layout = JSON.parse(html) as Layout;
      printed.push(layout);
      // The shorter parts finish first: part 2 before part 1.
      await new Promise((resolve) => setTimeout(resolve, 5 * (5 - layout.part)));
      printing--;
      return layOut(html);
    });
    const report = await exportReport(request());
    expect(most).toBe(PRINTS_AT_ONCE);
    // Cover and contents (2 pages, then "10" and more take a second), then parts of 1 to 5 pages, joined in order.
    const { pages } = await withPdf(openPdfInNode, report.bytes, (pdf) => readStartPages(pdf, render.parts.flat().map(({ id }) => id)));
    expect(report.contents.map((entry) => entry.page)).toEqual([...pages.values()]);
    expect([...pages.values()]).toEqual([4, 5, 7, 10, 14]);
    host.printToPdf.mockImplementation(async ({ html }) => (printed.push(JSON.parse(html) as Layout), layOut(html)));
  });

  it(`stops after ${MAX_LAYOUTS} layouts and says which numbers may be off when they keep moving`, async () => {
    render.parts = [[{ id: 'notes', title: 'Notes', pages: 1 }]];
    let pass = 0;
    // A layout that never settles: each pass puts Notes a page further on.
    host.printToPdf.mockImplementation(async ({ html }) => {
      const layout = JSON.parse(html) as Layout;
      printed.push(layout);
      pass++;
      const pdf = await PDFDocument.create();
      for (let page = 0; page < 2 + pass; page++) pdf.addPage();
      const start = pdf.addPage();
      pdf.catalog.set(PDFName.of('Dests'), pdf.context.obj({ notes: [start.ref, PDFName.of('Fit')] } as never));
      return pdf.save();
    });
    const report = await exportReport(request());
    expect(printed).toHaveLength(MAX_LAYOUTS);
    expect(report.warnings).toContain(`After ${MAX_LAYOUTS} layouts the page numbers still moved: the contents may be a page off for “Notes”.`);
    host.printToPdf.mockImplementation(async ({ html }) => (printed.push(JSON.parse(html) as Layout), layOut(html)));
  });

  it('says which entries the printed PDF does not place', async () => {
    render.parts = [[{ id: 'notes', title: 'Notes', pages: 1 }]];
    // Pages, but no destinations: as if the contents page had lost its links.
    const undestined = async () => {
      const pdf = await PDFDocument.create();
      pdf.addPage();
      return pdf.save();
    };
    host.printToPdf.mockImplementationOnce(undestined).mockImplementationOnce(undestined);
    const report = await exportReport(request());
    expect(report.contents).toEqual([{ id: 'notes', title: 'Notes', level: 1, page: null }]);
    expect(report.warnings).toContain('The printed report does not say where “Notes” starts: the contents give no page number for it.');
  });

  it('stops with the message saying what is empty when there is nothing to report, before printing', async () => {
    render.empty = 'This case has no notes, events, entities, excerpts or documents yet: there is nothing to report.';
    const failure = exportReport(request());
    await expect(failure).rejects.toBeInstanceOf(EmptyReportError);
    await expect(failure).rejects.toThrow(render.empty);
    expect(host.printToPdf).not.toHaveBeenCalled();
  });

  it(`stops after measuring a report longer than ${LIMITS.reportPages.toLocaleString('en')} pages, saying how long and what to do`, async () => {
    // Cover and contents, then a section that takes the report one page past the limit.
    render.parts = [[{ id: 'excerpts', title: 'Excerpts', pages: LIMITS.reportPages - 1 }]];
    const failure = exportReport(request());
    await expect(failure).rejects.toBeInstanceOf(ReportTooLongError);
    const count = (value: number) => value.toLocaleString('en');
    await expect(failure).rejects.toThrow(
      `This report would be ${count(LIMITS.reportPages + 1)} pages, more than the ${count(LIMITS.reportPages)} Casebook prints in one PDF. Choose a part of the case under “What goes in”`,
    );
    // Only the measuring layout was made, nothing drawn.
    expect(printed.map((layout) => layout.layoutOnly)).toEqual([true]);
  });
});

describe('cancelling an export', () => {
  it('stops between stages with an AbortError, printing nothing more', async () => {
    render.parts = [[{ id: 'notes', title: 'Notes', pages: 1 }]];
    const controller = new AbortController();
    const failure = exportReport(
      request({
        signal: controller.signal,
        onProgress: ({ stage }) => {
          if (stage === 'numbering') controller.abort();
        },
      }),
    );
    await expect(failure).rejects.toMatchObject({ name: 'AbortError' });
    expect(host.printToPdf).toHaveBeenCalledTimes(1);
  });

  it('does not wait for a print under way: it is let finish and its PDF dropped', async () => {
    render.parts = [[{ id: 'notes', title: 'Notes', pages: 1 }]];
    let finish: (() => void) | undefined;
    host.printToPdf.mockImplementationOnce(
      ({ html }) => new Promise<Uint8Array>((resolve) => (finish = () => void layOut(html).then(resolve))),
    );
    const controller = new AbortController();
    const stages: string[] = [];
    const failure = exportReport(request({ signal: controller.signal, onProgress: ({ stage }) => stages.push(stage) }));
    await vi.waitFor(() => expect(host.printToPdf).toHaveBeenCalledTimes(1));
    controller.abort();
    await expect(failure).rejects.toMatchObject({ name: 'AbortError' });
    finish?.();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(host.printToPdf).toHaveBeenCalledTimes(1);
    expect(stages).toEqual(['collect', 'layout']);
  });

  it('never starts when the signal is already aborted', async () => {
    const failure = exportReport(request({ signal: AbortSignal.abort() }));
    await expect(failure).rejects.toMatchObject({ name: 'AbortError' });
    expect(host.printToPdf).not.toHaveBeenCalled();
  });
});
