import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../tests/fixtures/read-fixture';
import { openPdfInNode } from '../../../tests/unit/pdfjs';
import { setPdfProperties } from './pdfProperties';
import { readStartPages, readStructure, withPdf } from './printedPdf';

/** Printed by Chromium with the app's options (tests/fixtures/report/make-report-pdf.ts): see the page plan there. */
const printed = () => readFixture('report/contents.pdf');

describe('reading a printed report back', () => {
  it('finds the page each contents entry starts on from its named destination', async () => {
    const { pages, missing } = await withPdf(openPdfInNode, printed(), (pdf) =>
      readStartPages(pdf, ['notes', 'chronology', 'chronology-2021-03', 'sources']),
    );
    expect(Object.fromEntries(pages)).toEqual({ notes: 3, chronology: 4, 'chronology-2021-03': 5, sources: 6 });
    expect(missing).toEqual([]);
  });

  it('lists an entry the PDF has no destination for as missing, not at a guessed page', async () => {
    const { pages, missing } = await withPdf(openPdfInNode, printed(), (pdf) => readStartPages(pdf, ['notes', 'cover', 'no-such-section']));
    expect(Object.fromEntries(pages)).toEqual({ notes: 3 });
    // The cover is an element id no link points to: Chromium makes no destination of it.
    expect(missing).toEqual(['cover', 'no-such-section']);
  });

  it('reads the pages, the outline made from the headings, and the tagged structure', async () => {
    const structure = await withPdf(openPdfInNode, printed(), readStructure);
    expect(structure.pageCount).toBe(6);
    expect(structure.outline).toEqual(expect.arrayContaining(['Operation Lantern Quay', 'Notes', 'Chronology', '1 March 2021', 'Sources']));
    expect(structure.tagged).toBe(true);
  });
});

describe('the report’s document properties', () => {
  it('are set, and the outline, destinations and tags survive pdf-lib’s save', async () => {
    const at = new Date('2026-03-14T09:30:00Z');
    const bytes = await setPdfProperties(
      printed(),
      { title: 'Lantern Quay: report', author: 'Ilse Maren', subject: 'Operation Lantern Quay', keywords: ['smuggling', 'Gdańsk'], creator: 'Casebook 0.1.0' },
      at,
    );
    const read = await withPdf(openPdfInNode, bytes, async (pdf) => ({
      info: ((await (pdf as unknown as { getMetadata(): Promise<{ info: Record<string, unknown> }> }).getMetadata()).info),
      structure: await readStructure(pdf),
      pages: (await readStartPages(pdf, ['sources'])).pages,
    }));
    expect(read.info).toMatchObject({
      Title: 'Lantern Quay: report',
      Author: 'Ilse Maren',
      Subject: 'Operation Lantern Quay',
      Keywords: 'smuggling Gdańsk',
      Creator: 'Casebook 0.1.0',
      Producer: 'Casebook 0.1.0 with Skia/PDF m156',
    });
    expect(read.structure).toEqual({ pageCount: 6, outline: expect.arrayContaining(['Notes', 'Sources']), tagged: true });
    expect(read.pages.get('sources')).toBe(6);
  });
});
