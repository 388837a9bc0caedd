/**
 * The excerpts view's part of `npm run bench -- excerpts`: a case of 100,000 excerpts with a nested codebook
 * (bench/page/excerptsTableBench.ts), opened in the real page: time to the table's first rows, and to filter by a
 * top tag that takes in its sub-tags.
 */
import type { Page } from '@playwright/test';
import type { Print } from './search.ts';

const EXCERPTS = 100_000;
const RUNS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runExcerptsTableBench(page: Page, base: string, print: Print): Promise<void> {
  await page.goto(`${base}bench.html`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  const { caseId, tops } = await page.evaluate(
    (excerpts) => window.casebookBench!.seedExcerptsCase({ excerpts, name: 'Excerpts benchmark' }),
    EXCERPTS,
  );
  const total = EXCERPTS.toLocaleString('en');
  const reads: number[] = [];
  for (let run = 0; run < RUNS; run++) reads.push((await page.evaluate((id) => window.casebookBench!.readExcerptTable(id), caseId)).readMs);
  print(`excerpts view with ${total} excerpts: reading the table`, median(reads), 'ms', `median of ${RUNS}; the one query, alone, before the app opens the case`);
  const firstReads: number[] = [];
  for (let run = 0; run < RUNS; run++) firstReads.push((await page.evaluate((id) => window.casebookBench!.readExcerptTable(id, 60), caseId)).readMs);
  print(`excerpts view with ${total} excerpts: reading the newest 60`, median(firstReads), 'ms', `median of ${RUNS}; what shows while the rest loads`);
  await page.goto(`${base}#/case/${caseId}`);
  await page.getByTestId('count-excerpts').waitFor();

  // First rows: from the section's link to the table's first row on screen, the case already open.
  const firstRows: number[] = [];
  const allRows: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.evaluate((id) => (window.location.hash = `#/case/${id}`), caseId);
    await page.getByTestId('count-excerpts').waitFor();
    const started = await page.evaluate((id) => {
      const at = performance.now();
      window.location.hash = `#/case/${id}/excerpts`;
      return at;
    }, caseId);
    const shownAt = await page.waitForFunction(
      () => (document.querySelector('[role="grid"][aria-label="Excerpts"] [role="row"][aria-rowindex="2"]') ? performance.now() : null),
      null,
      { polling: 'raf', timeout: 120_000 },
    );
    firstRows.push((await shownAt.jsonValue())! - started);
    // The whole table read (filters ready) before leaving, so the next visit does not wait behind this one's read.
    const allAt = await page.waitForFunction(
      (text) => ([...document.querySelectorAll('.excerpts-view p[aria-live]')].some((line) => line.textContent?.startsWith(text)) ? performance.now() : null),
      `${total} in all`,
      { polling: 'raf', timeout: 120_000 },
    );
    allRows.push((await allAt.jsonValue())! - started);
  }
  print(`excerpts view with ${total} excerpts: every row read, filters ready`, median(allRows), 'ms', `median of ${RUNS}; the newest rows show meanwhile`);
  print(`excerpts view with ${total} excerpts: first rows`, median(firstRows), 'ms', `median of ${RUNS} (${firstRows.map((ms) => ms.toFixed(0)).join(', ')}); goal: at most 300 ms`);

  // Filter by a top tag (its sub-tags and theirs included): from choosing it to the table showing its count.
  const filtering: number[] = [];
  for (const top of tops.slice(0, RUNS)) {
    const expected = `${top.count.toLocaleString('en')} of ${total}`;
    const started = await page.evaluate((tagId) => {
      const select = document.querySelector<HTMLSelectElement>('select[aria-label="Filter by tag"]')!;
      const at = performance.now();
      select.value = tagId;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return at;
    }, top.id);
    const shownAt = await page.waitForFunction(
      (text) => {
        const counted = [...document.querySelectorAll('.excerpts-view p[aria-live]')].some((line) => line.textContent?.startsWith(text));
        return counted && document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]') ? performance.now() : null;
      },
      expected,
      { polling: 'raf', timeout: 60_000 },
    );
    filtering.push((await shownAt.jsonValue())! - started);
  }
  print('excerpts view: filter by a tag with sub-tags', median(filtering), 'ms', `median of ${RUNS}, each a top tag of 8, with 4 sub-tags of 3; goal: at most 150 ms`);
}
