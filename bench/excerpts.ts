/**
 * The excerpts area of `npm run bench` (`npm run bench -- excerpts`): the evidence layer's figures, each measured in
 * the page through the harness (bench/page/). Each figure has its function here; `runExcerptsBench` runs them all.
 */
import type { Page } from '@playwright/test';
import type { Print } from './search.ts';

const EXCERPTS = 2_000;
/** 8,000 lines of 8 to 20 words: about 1.1 million characters, a book of some 200 pages. */
const LINES = 8_000;
const ORPHANED = 20;

/** Re-anchoring 2,000 excerpts of a long document after a clean-up removes lines, in the clean-up's transaction. */
export async function measureReanchoring(page: Page, print: Print) {
  const result = await page.evaluate(
    (options) => window.casebookBench!.reanchorBenchmark(options),
    { excerpts: EXCERPTS, lines: LINES, orphaned: ORPHANED },
  );
  const how = Object.entries(result.strategies)
    .map(([strategy, count]) => `${count} by ${strategy}`)
    .join(', ');
  print(
    `excerpts: re-anchor ${EXCERPTS.toLocaleString('en')} excerpts after an edit`,
    result.domainMs,
    'ms',
    `goal: at most 1,000 ms; a clean-up of a ${(result.textChars / 1e6).toFixed(1)}M-character text through the domain, ${result.orphaned} orphaned, all in one transaction`,
  );
  print(
    `excerpts: undo that clean-up, re-anchoring the ${EXCERPTS.toLocaleString('en')} excerpts again`,
    result.undoMs,
    'ms',
    `goal: at most 1,000 ms; the ${ORPHANED} orphaned found again`,
  );
  print(
    'excerpts: the same clean-up without excerpts',
    result.baselineMs,
    'ms',
    'the new text and the version it replaces written, which re-anchoring adds to',
  );
  print(
    `excerpts: locating ${EXCERPTS.toLocaleString('en')} excerpts in the new text alone`,
    result.locateMs,
    'ms',
    `in memory, without the clean-up's hint: ${how}`,
  );
}

export async function runExcerptsBench(page: Page, base: string, print: Print) {
  await page.goto(`${base}bench.html`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  await measureReanchoring(page, print);
}
