/**
 * The `dates` area of `npm run bench`: the dates found in 1,000 generated news-like documents of about 5 KB each, in
 * six languages, by the dates worker (bench/page/datesBench.ts), with the longest task the page's own thread ran
 * meanwhile.
 */
import type { Page } from '@playwright/test';
import type { Print } from './search.ts';

const DOCUMENTS = 1_000;
const SIZE = 5_000;
const BATCH = 10;

export async function runDatesBench(page: Page, base: string, print: Print) {
  await page.goto(`${base}bench.html`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  const result = await page.evaluate((options) => window.casebookBench!.datesBenchmark(options), { documents: DOCUMENTS, size: SIZE, batch: BATCH });
  const corpus = `${result.documents.toLocaleString('en')} documents, ${result.textMB.toFixed(1)} MB, ${result.languages} languages`;
  print(`dates: ${corpus}, from the page’s first request to the last answer`, result.totalMs / 1000, 's', `batches of ${BATCH}; goal: at most 10 s, off the main thread`);
  print('dates: the same, in the worker', result.workerMs / 1000, 's');
  print('dates: per document, in the worker', result.workerMs / result.documents, 'ms');
  print('dates: getting the worker ready (prepare)', result.prepareMs, 'ms', `started, ${result.languages} languages’ parsers built`);
  print('dates: longest main-thread task meanwhile', result.longestTaskMs, 'ms', 'goal: under 50 ms (0: none over 50 ms)');
  print('dates: dates found', result.dates, 'dates', `${result.relative.toLocaleString('en')} relative, ${result.unresolved.toLocaleString('en')} of them unresolved (documents without a published date)`);
}
