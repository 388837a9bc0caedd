import type { Browser } from '@playwright/test';
import { chromium } from '@playwright/test';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, type PDFRef } from 'pdf-lib';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_PDF_OPTIONS } from '../../../shared/contract';
import { playwrightPdfOptions } from '../../../shared/pdfOptions';
import { CHROMIUM_ARGS, findChromium, MISSING_CHROMIUM_MESSAGE } from '../../../tests/chromium';
import { PrintedPartsMerger } from './mergeParts';
import { partLinkHref } from './parts';

/**
 * Three parts of one report, each a self-contained document printed by Chromium with the app's options, as the
 * export prints them. Pages of the joined report: 1 Notes, 2 Second note, 3 Excerpts / Harbour ledger; part 2
 * continues the excerpts of the ledger's section: 4 Customs register, 5 Port log; part 3: 6 Sources, 7 Harbour ledger
 * (source). Every element another part links to is linked from its own part too, so Chromium names it.
 */
const page = (html: string) => `<!doctype html><html lang="en-US"><head><meta charset="utf-8"><title>Operation Lantern Quay</title>
<style>@page { size: A4; margin: 20mm } .new-page { break-before: page } body { font: 12pt serif }</style></head><body>${html}</body></html>`;
const named = (...ids: string[]) => `<div hidden>${ids.map((id) => `<a href="#${id}"></a>`).join('')}</div>`;

const PARTS = [
  page(`<h1 id="notes">Notes</h1>
<p>See <a href="#second-note">the second note</a>, <a href="${partLinkHref('source-ledger')}">the ledger’s source</a> and
<a href="${partLinkHref('deleted-entity')}">Marek Wiśniewski</a>.</p><p>First note: the crates left Gdańsk at night.</p>
<h2 id="second-note" class="new-page">Second note</h2><p>Second note: the pilot’s account.</p>
<h1 id="excerpts" class="new-page">Excerpts</h1><h2 id="excerpts-ledger">Harbour ledger</h2><p>Excerpt from the ledger, entry 14.</p>
${named('notes', 'excerpts', 'excerpts-ledger')}`),
  page(`<p>Excerpt from the ledger, entry 15.</p><h2 id="excerpts-register">Customs register</h2><p>Register: 40 crates declared, as <a href="#excerpts-log">the port log</a> confirms.</p>
<h2 id="excerpts-log" class="new-page">Port log</h2><p>Port log: berth 7 at 02:10.</p>${named('excerpts-register', 'excerpts-log')}`),
  page(`<h1 id="sources">Sources</h1><p>Every document cited, back to <a href="${partLinkHref('notes')}">the notes</a>.</p>
<h2 id="source-ledger" class="new-page">Harbour ledger (source)</h2><p>SHA-256 of the harbour ledger scan.</p>${named('sources', 'source-ledger')}`),
];

let browser: Browser;
let printed: Uint8Array[];

beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(MISSING_CHROMIUM_MESSAGE);
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const tab = await browser.newPage({ javaScriptEnabled: false });
  printed = [];
  for (const html of PARTS) {
    await tab.setContent(html);
    printed.push(new Uint8Array(await tab.pdf(playwrightPdfOptions(REPORT_PDF_OPTIONS))));
  }
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function merge(parts: readonly { bytes: Uint8Array; continuesSection?: boolean }[]) {
  const merger = await PrintedPartsMerger.create();
  for (const part of parts) await merger.add(part.bytes, { continuesSection: part.continuesSection ?? false });
  const pageCount = merger.pageCount;
  const { document, warnings } = merger.finish();
  return { bytes: await document.save(), warnings, pageCount };
}

const REPORT = () => [{ bytes: printed[0]! }, { bytes: printed[1]!, continuesSection: true }, { bytes: printed[2]! }];

async function open(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs.getDocument({ data: bytes.slice(), verbosity: pdfjs.VerbosityLevel.ERRORS }).promise;
}

async function read<T>(bytes: Uint8Array, reading: (pdf: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const pdf = await open(bytes);
  try {
    return await reading(pdf);
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/** The page (1-based) a destination lands on: a named one, or one given as an array. */
async function pageOf(pdf: PDFDocumentProxy, destination: unknown): Promise<number | null> {
  const explicit = typeof destination === 'string' ? await pdf.getDestination(destination) : destination;
  const target = Array.isArray(explicit) ? (explicit[0] as { num: number; gen: number } | undefined) : undefined;
  return target ? (await pdf.getPageIndex(target)) + 1 : null;
}

interface Link {
  text: string;
  page: number | null;
  url: string | undefined;
}

/** Each link on a page: the text it covers, the page it lands on, and any address it opens instead. */
async function linksOn(pdf: PDFDocumentProxy, pageNumber: number): Promise<Link[]> {
  const annotations = (await (await pdf.getPage(pageNumber)).getAnnotations()) as {
    subtype: string;
    dest?: unknown;
    url?: string;
    unsafeUrl?: string;
    overlaidText?: string;
  }[];
  const links = annotations.filter((annotation) => annotation.subtype === 'Link');
  return Promise.all(
    links.map(async (link) => ({ text: link.overlaidText ?? '', page: link.dest ? await pageOf(pdf, link.dest) : null, url: link.unsafeUrl ?? link.url })),
  );
}

interface Bookmark {
  title: string;
  page: number | null;
  items: Bookmark[];
}

async function bookmarks(pdf: PDFDocumentProxy): Promise<Bookmark[]> {
  type Item = { title: string; dest: unknown; items: Item[] };
  const walk = (items: Item[]): Promise<Bookmark[]> =>
    Promise.all(items.map(async (item) => ({ title: item.title, page: await pageOf(pdf, item.dest), items: await walk(item.items) })));
  return walk(((await pdf.getOutline()) ?? []) as Item[]);
}

async function pageText(pdf: PDFDocumentProxy, pageNumber: number): Promise<string> {
  const content = await (await pdf.getPage(pageNumber)).getTextContent();
  return content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ');
}

interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/**
 * The page's tagged structure with the text each element marks, as a screen reader reads it: `H1: Sources`. An element's
 * text is found through the marked content its structure points to on that page, so a page given another part's
 * structure (a ParentTree key not shifted) reads wrong or empty.
 */
async function taggedText(page: PDFPageProxy): Promise<string[]> {
  const tree = (await page.getStructTree()) as StructNode | null;
  if (!tree) return [];
  const content = await page.getTextContent({ includeMarkedContent: true });
  const textOf = new Map<string, string>();
  let current: string | null = null;
  for (const item of content.items as { type?: string; id?: string; str?: string }[]) {
    if (item.type === 'beginMarkedContentProps' && item.id) current = item.id;
    else if (item.type === 'endMarkedContent') current = null;
    else if (current && item.str) textOf.set(current, (textOf.get(current) ?? '') + item.str);
  }
  const textUnder = (node: StructNode): string =>
    node.type === 'content' && node.id ? (textOf.get(node.id) ?? '') : (node.children ?? []).map(textUnder).join('');
  const lines: string[] = [];
  const pending: StructNode[] = [tree];
  while (pending.length) {
    const node = pending.shift()!;
    if (node.role && /^(H\d|P|Link|Span)$/.test(node.role)) lines.push(`${node.role}: ${textUnder(node).replace(/\s+/g, ' ').trim()}`);
    pending.push(...(node.children ?? []));
  }
  return lines;
}

/**
 * Each link annotation's structure element, found as an assistive technology finds it: through the annotation's
 * StructParent key in the ParentTree. True for each annotation whose element holds it (an OBJR naming it).
 */
async function annotationsFindTheirElements(bytes: Uint8Array): Promise<boolean[]> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const { context } = document;
  const root = document.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const nums = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray);
  const parents = new Map<number, unknown>();
  for (let index = 0; index < nums.size(); index += 2) parents.set((nums.get(index) as PDFNumber).asNumber(), nums.get(index + 1));
  return document.getPages().flatMap((page) =>
    (page.node.Annots()?.asArray() ?? []).map((ref) => {
      const key = context.lookup(ref, PDFDict).lookup(PDFName.of('StructParent'), PDFNumber).asNumber();
      const element = context.lookupMaybe(parents.get(key) as PDFRef, PDFDict);
      const kids = element?.lookupMaybe(PDFName.of('K'), PDFArray)?.asArray() ?? [];
      return kids.some((kid) => context.lookupMaybe(kid, PDFDict)?.get(PDFName.of('Obj')) === ref);
    }),
  );
}

// Each test joins and reads back real printed parts: given time for a loaded machine, as the unit suite runs in parallel.
describe('joining a report printed in parts', { timeout: 20_000 }, () => {
  it('keeps every page of every part, in order, with its text', async () => {
    const { bytes, pageCount } = await merge(REPORT());
    expect(pageCount).toBe(7);
    const texts = await read(bytes, async (pdf) => Promise.all(Array.from({ length: pdf.numPages }, (_, index) => pageText(pdf, index + 1))));
    expect(texts).toHaveLength(7);
    const expected = ['First note: the crates left Gdańsk', 'Second note', 'entry 14', 'entry 15', 'Port log: berth 7', 'Every document cited', 'SHA-256 of the harbour ledger'];
    expected.forEach((text, index) => expect(texts[index]).toContain(text));
  });

  it('makes a link to another part an internal link to the page its target is printed on, forward and back', async () => {
    const { bytes } = await merge(REPORT());
    const links = await read(bytes, async (pdf) => ({ notes: await linksOn(pdf, 1), sources: await linksOn(pdf, 6) }));
    expect(links.notes).toEqual([
      { text: 'the second note', page: 2, url: undefined },
      { text: 'the ledger’s source', page: 7, url: undefined },
    ]);
    expect(links.sources).toEqual([{ text: 'the notes', page: 1, url: undefined }]);
  });

  it('removes a link to an element no part prints, saying so, and keeps its text', async () => {
    const { bytes, warnings } = await merge(REPORT());
    expect(warnings).toEqual([expect.stringMatching(/page 1 \(part 1\).*“deleted-entity”.*removed/)]);
    const read1 = await read(bytes, async (pdf) => ({
      links: await Promise.all(Array.from({ length: pdf.numPages }, (_, index) => linksOn(pdf, index + 1))),
      text: await pageText(pdf, 1),
      tagged: await taggedText(await pdf.getPage(1)),
    }));
    expect(read1.links.flat().filter((link) => link.url !== undefined || link.page === null)).toEqual([]);
    expect(read1.text).toContain('Marek Wiśniewski');
    // Still in the tagged structure, read as plain text: no Link element without its link.
    expect(read1.tagged).toContain('Span: Marek Wiśniewski');
    expect(read1.tagged).not.toContain('Link: Marek Wiśniewski');
  });

  it('lists every part’s headings in one outline, a continuing part’s under the section it continues', async () => {
    const { bytes } = await merge(REPORT());
    expect(await read(bytes, bookmarks)).toEqual([
      { title: 'Notes', page: 1, items: [{ title: 'Second note', page: 2, items: [] }] },
      {
        title: 'Excerpts',
        page: 3,
        items: [
          { title: 'Harbour ledger', page: 3, items: [] },
          { title: 'Customs register', page: 4, items: [] },
          { title: 'Port log', page: 5, items: [] },
        ],
      },
      { title: 'Sources', page: 6, items: [{ title: 'Harbour ledger (source)', page: 7, items: [] }] },
    ]);
  });

  it('lists a part that does not continue a section beside the previous part’s sections', async () => {
    const { bytes } = await merge([{ bytes: printed[0]! }, { bytes: printed[1]! }]);
    const titles = (await read(bytes, bookmarks)).map((bookmark) => bookmark.title);
    expect(titles).toEqual(['Notes', 'Excerpts', 'Customs register', 'Port log']);
  });

  it('keeps the tagged structure of every part, each page with its own elements and text', async () => {
    const { bytes } = await merge(REPORT());
    const tagged = await read(bytes, async (pdf) => ({
      marked: ((await pdf.getMarkInfo()) as Map<string, unknown> | { Marked?: unknown } | null) ?? null,
      pages: await Promise.all([1, 4, 6, 7].map(async (number) => taggedText(await pdf.getPage(number)))),
    }));
    const marked = tagged.marked instanceof Map ? tagged.marked.get('Marked') : tagged.marked?.Marked;
    expect(marked).toBe(true);
    const [notes, register, sources, source] = tagged.pages;
    expect(notes).toEqual(expect.arrayContaining(['H1: Notes', 'Link: the second note', 'Link: the ledger’s source']));
    expect(register).toEqual(expect.arrayContaining(['P: Excerpt from the ledger, entry 15.', 'H2: Customs register', 'Link: the port log']));
    expect(sources).toEqual(expect.arrayContaining(['H1: Sources', 'Link: the notes']));
    expect(source).toEqual(expect.arrayContaining(['H2: Harbour ledger (source)', 'P: SHA-256 of the harbour ledger scan.']));
    expect(register).not.toContain('H1: Notes');
    expect(await annotationsFindTheirElements(bytes)).toEqual([true, true, true, true]);
  });

  it('gives back one part alone as it was printed', async () => {
    const alone = printed[1]!;
    const { bytes, warnings } = await merge([{ bytes: alone }]);
    const readBack = (pdf: PDFDocumentProxy) =>
      Promise.all([
        bookmarks(pdf),
        Promise.all(Array.from({ length: pdf.numPages }, (_, index) => pageText(pdf, index + 1))),
        Promise.all(['excerpts-register', 'excerpts-log'].map((id) => pageOf(pdf, id))),
        Promise.all(Array.from({ length: pdf.numPages }, (_, index) => linksOn(pdf, index + 1))),
        Promise.all(Array.from({ length: pdf.numPages }, async (_, index) => taggedText(await pdf.getPage(index + 1)))),
        pdf.getMarkInfo(),
      ]);
    const [original, joined] = await Promise.all([read(alone, readBack), read(bytes, readBack)]);
    expect(joined).toEqual(original);
    expect(joined[3].flat()).toEqual([{ text: 'the port log', page: 2, url: undefined }]);
    expect(warnings).toEqual([]);
  });

  it('joins a part printed without tags, saying the report is no longer tagged', async () => {
    const untagged = await PDFDocument.create();
    untagged.addPage();
    const { bytes, warnings } = await merge([{ bytes: printed[1]! }, { bytes: await untagged.save() }]);
    expect(warnings).toEqual([expect.stringMatching(/Part 2 of the report carries no tagged structure/)]);
    const readBack = await read(bytes, async (pdf) => ({ pages: pdf.numPages, markInfo: await pdf.getMarkInfo(), tagged: await taggedText(await pdf.getPage(1)) }));
    expect(readBack.pages).toBe(3);
    expect(readBack.markInfo).toBeNull();
    expect(readBack.tagged).toContain('H2: Customs register');
  });

  it('says which part is not a PDF, and takes no part once finished', async () => {
    const merger = await PrintedPartsMerger.create();
    await merger.add(printed[0]!, { continuesSection: false });
    await expect(merger.add(new TextEncoder().encode('<html>not a PDF</html>'), { continuesSection: false })).rejects.toThrow(
      /Part 2 of the report could not be read as a PDF/,
    );
    merger.finish();
    await expect(merger.add(printed[1]!, { continuesSection: false })).rejects.toThrow(/already joined/);
  });
});
