import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { LibraryPage } from './models/library.model';
import { PrintEngine } from './models/printEngine';
import { ReportExportPage } from './models/report.model';
import { WorkspacePage } from './models/workspace.model';
import { CASE, CHINESE, EVENTS, NOTE, PEOPLE, POLISH, QUOTES, buildReportCase, sha256Of } from './report/reportCase';
import { differenceFromReference, pageToPng, pdftotext, readPdf } from './report/readPdf';

/** The cover's date: fixed, so the cover drawn today is the one drawn when its reference was made. */
const REPORT_DAY = new Date('2026-03-09T10:00:00Z');
const REFERENCES = `${import.meta.dirname}/report/references`;
/** Share of pixels that may differ from a reference (anti-aliasing aside): a moved line or a lost glyph is more. */
const PIXEL_TOLERANCE = 0.005;

const withoutSpaces = (text: string) => text.replace(/\s+/g, '');
/** Lines joined: a quote wraps where the page is full. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Exports the case's report through the dialog (the options as they are) and gives the saved file's path. */
async function exportReport(page: Page, choose?: (report: ReportExportPage) => Promise<void>): Promise<string> {
  await new WorkspacePage(page).openSection('Overview');
  const report = new ReportExportPage(page);
  await report.open();
  await choose?.(report);
  await report.exportButton.click();
  await expect(report.previewPage(1)).toBeVisible({ timeout: 60_000 });
  const download = await report.save();
  const path = await download.path();
  await report.dialog.getByRole('button', { name: 'Close' }).click();
  return path;
}

test('a case built through the UI exports to a PDF a reader can check: contents, citations, hashes, bookmarks, links, Polish and Chinese', async ({ page }, testInfo) => {
  test.slow();
  await PrintEngine.provide(page.context());
  await buildReportCase(page);

  const path = await exportReport(page, async (report) => {
    await report.field('Author').fill('Ilse Maren');
    await page.clock.setFixedTime(REPORT_DAY);
  });
  const pdf = await readPdf(new Uint8Array(readFileSync(path)));
  const text = flat(pdf.pages.join('\n'));

  // Its properties, and accessible: tagged, with selectable text.
  expect(pdf.info).toMatchObject({ Title: CASE, Author: 'Ilse Maren', Subject: expect.stringContaining(CASE) });
  expect(pdf.tagged).toBe(true);

  // Every section, in order, in the outline (bookmarks), each opening the page it starts on.
  const sections = pdf.outline.filter((entry) => entry.depth === 0).map((entry) => entry.title);
  expect(sections).toEqual([CASE, 'Contents', 'Notes', 'Chronology', 'Entity index', 'Excerpts', 'Sources']);
  const startOf = (title: string) => pdf.outline.find((entry) => entry.title === title)!.page!;
  for (const [earlier, later] of sections.slice(1).map((title, index) => [sections[index]!, title] as const))
    expect(startOf(earlier)).toBeLessThanOrEqual(startOf(later));
  for (const entry of pdf.outline)
    expect(withoutSpaces(pdf.pages[entry.page! - 1]!), `“${entry.title}” is on the page it opens`).toContain(withoutSpaces(entry.title).slice(0, 12));
  expect(pdf.outline.map((entry) => entry.title)).toEqual(expect.arrayContaining([NOTE, PEOPLE.chair, PEOPLE.authority, PEOPLE.city, POLISH.title, CHINESE.title]));

  // The contents: each line's page number is the page where its section starts (as poppler lays the page out).
  const contentsPage = startOf('Contents');
  const lines = pdftotext(path)[contentsPage - 1]!.split('\n').map((line) => /^\s*(\S.*?)\s{2,}(\d+)\s*$/.exec(line)).filter((match) => match !== null);
  expect(lines.map((match) => match[1])).toEqual(expect.arrayContaining(['Notes', NOTE, 'Chronology', 'Entity index', 'Excerpts', 'Sources']));
  for (const [, title, number] of lines) expect(Number(number), `the contents' page for “${title}”`).toBe(startOf(title!));

  // Every internal link lands somewhere, and the contents' links where their numbers say.
  expect(pdf.links.length).toBeGreaterThan(20);
  for (const link of pdf.links) expect(link.page, `the link to ${link.dest} on page ${link.onPage}`).not.toBeNull();

  // The chronology: dated at the precision the sources give, with the evidence's numbers.
  const chronology = pdf.pages[startOf('Chronology') - 1]!;
  expect(chronology).toMatch(/October 2022\s+Invoices vanish from the archive/);
  expect(chronology).toContain(EVENTS.hearing);
  expect(chronology).toContain('May 2023');

  // Polish diacritics and Chinese characters come back as text, and the note's mention as the name.
  expect(text).toContain(QUOTES.invoices);
  expect(text).toContain(QUOTES.board);
  expect(text).toContain(QUOTES.ledgers);
  expect(text).toContain(`Przewodnicząca ${PEOPLE.chair} mówi, że faktury zniknęły.`);
  expect(pdftotext(path).join('\n')).toContain('纸质账簿在审计前三周从档案室失踪');

  // Each excerpt is cited in full (title, published date), and each source carries the original's SHA-256.
  const excerpts = flat(pdf.pages.slice(startOf('Excerpts') - 1, startOf('Sources') - 1).join('\n'));
  expect(excerpts).toContain(`${POLISH.title}. 3 October 2022.`);
  expect(excerpts).toContain(`${CHINESE.title}. 海湾日报, 20 May 2023.`);
  const sources = withoutSpaces(pdf.pages.slice(startOf('Sources') - 1).join('\n'));
  expect(sources).toContain(sha256Of(POLISH.file));
  expect(sources).toContain(sha256Of(CHINESE.file));
  expect(sources).toContain(withoutSpaces(POLISH.file));

  // The cover, the contents and the chronology with its figure look as they did when their references were drawn
  // (pages holding today's date, as an import time, cannot be compared).
  for (const [name, number] of [['cover', 1], ['contents', contentsPage], ['chronology', startOf('Chronology')]] as const) {
    const difference = differenceFromReference(pageToPng(path, number), `${REFERENCES}/${name}.png`, testInfo.outputPath(`${name}-difference.png`));
    expect(difference, `share of the ${name}'s pixels that differ from ${name}.png`).toBeLessThan(PIXEL_TOLERANCE);
  }

  // A report of the excerpts tagged Witnesses leaves the others out, and says what it covers.
  const tagged = await exportReport(page, async (report) => {
    await report.dialog.getByText('What goes in').click();
    await report.dialog.getByRole('group', { name: 'Tags' }).getByRole('checkbox', { name: 'Witnesses' }).check();
  });
  const narrowed = flat((await readPdf(new Uint8Array(readFileSync(tagged)))).pages.join('\n'));
  expect(narrowed).toContain(QUOTES.invoices);
  expect(narrowed).not.toContain(QUOTES.board);
  expect(narrowed).not.toContain(QUOTES.ledgers);
  expect(narrowed).toContain('Witnesses');
  expect(withoutSpaces(narrowed)).not.toContain(sha256Of(CHINESE.file));
});

test('an empty case is not exported: the dialog says what is empty, and no PDF is made', async ({ page }) => {
  const engine = await PrintEngine.provide(page.context());
  await new LibraryPage(page).goto();
  await new LibraryPage(page).createCase('Nothing yet');
  const report = new ReportExportPage(page);
  await report.open();
  await report.exportButton.click();
  await expect(report.dialog.getByRole('alert')).toHaveText('This case has no documents, excerpts, entities, events or notes yet: there is nothing to report.');
  await expect(report.preview).toBeHidden();
  expect(engine.printed).toBe(0);
  // The options stay, to try again once the case holds something.
  await expect(report.exportButton).toBeVisible();
});
