/**
 * The `suggestions` area of `npm run bench`: the names of a 10,000-word English news text suggested by the
 * suggestions worker for a case of 1,000 entities (bench/page/suggestionsBench.ts), timed in the worker and from the
 * page, with the longest task the page's own thread ran meanwhile.
 */
import type { Page } from '@playwright/test';
import type { Print } from './search.ts';

const WORDS = 10_000;
const ROUNDS = 5;
const KNOWN_ENTITIES = 1_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runSuggestionsBench(page: Page, base: string, print: Print) {
  await page.goto(`${base}bench.html`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  const result = await page.evaluate((options) => window.casebookBench!.suggestionsBenchmark(options), { words: WORDS, rounds: ROUNDS, knownEntities: KNOWN_ENTITIES });
  const document = `${result.words.toLocaleString('en')} words, ${KNOWN_ENTITIES.toLocaleString('en')} case entities`;
  print(`suggestions: ${document}, in the worker: median`, median(result.workerMs), 'ms', `${ROUNDS} rounds; goal: at most 1,000 ms`);
  print('suggestions: the same, in the worker: slowest', Math.max(...result.workerMs), 'ms', `${ROUNDS} rounds`);
  print('suggestions: the same, from the page’s request to its answer: median', median(result.roundTripMs), 'ms', 'the worker’s time and the copy of the text and of the answer');
  print('suggestions: getting the worker ready (prepare)', result.prepareMs, 'ms', 'started, compromise loaded, a few sentences read; done ahead, when a document opens');
  print('suggestions: first document after that, from the page', result.firstRoundTripMs, 'ms', `${result.firstWorkerMs.toFixed(0)} ms of it in the worker, whose code is not yet optimised`);
  print('suggestions: longest main-thread task meanwhile', result.longestTaskMs, 'ms', 'goal: under 50 ms (0: none over 50 ms)');
  print('suggestions: names suggested', result.suggestions, 'names', `named ${result.mentions.toLocaleString('en')} times, ${((result.mentions / result.words) * 100).toFixed(1)} per 100 words`);
}
