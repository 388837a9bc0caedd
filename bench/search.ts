/**
 * The search benchmark's part of `npm run bench`: 10,000 generated documents (about 50 MB of text) indexed, saved,
 * loaded and searched in the page (bench/page/searchBench.ts), against a plain scan of the same text.
 */
import type { Page } from '@playwright/test';
import { heapReader } from './heap.ts';
import type { SearchBenchResult } from './page/searchBench.ts';

export type Print = (name: string, value: number, unit: string, note?: string) => void;

const DOCUMENTS = 10_000;
const SIZE = 5_000;
const ROUNDS = 5;

export async function runSearchBench(page: Page, base: string, print: Print): Promise<SearchBenchResult> {
  const heaps = await heapReader(page);
  await page.exposeFunction('casebookSearchHeap', () => heaps.read('search.worker'));
  await page.goto(`${base}bench.html`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  const result = await page.evaluate(
    (options) => window.casebookBench!.searchBenchmark(options),
    { documents: DOCUMENTS, size: SIZE, rounds: ROUNDS },
  );
  const corpus = `${result.documents.toLocaleString('en')} documents, ${result.textMB.toFixed(1)} MB of text`;
  const samples = `${ROUNDS} rounds of ${result.queries.length} queries`;

  print(`search: seed the case (${corpus})`, result.seedMs, 'ms', 'raw bulkAdd, not part of search');
  print('search: build the index', result.buildMs, 'ms', 'in the search worker; goal: at most 10,000 ms');
  print('search: longest main-thread task while building', result.longestTaskBuildMs, 'ms', 'goal: under 50 ms');
  if (result.heapMB !== null && result.pageHeapMB !== null && result.buffersMB !== null) {
    print('search: JS heap taken by the index', result.heapMB, 'MB', 'in the search worker; used heap after building minus before, each after a full GC');
    print(
      'search: array buffers taken by the index',
      result.buffersMB,
      'MB',
      `in the search worker, outside its JS heap: the phrase filters, and ${result.savedTextMB.toFixed(1)} MB of text in UTF-8 that hits are cut from`,
    );
    print("search: page's JS heap taken by the index", result.pageHeapMB, 'MB', 'the page holds only its state');
  }
  print('search: save the index', result.saveMs, 'ms', `${result.savedMB.toFixed(1)} MB stored, ${result.savedTextMB.toFixed(1)} MB of it the text hits are cut from`);
  print('search: load the saved index after a reload', result.loadMs, 'ms', `opened as ${result.loadOrigin}`);
  print('search: longest main-thread task while loading', result.longestTaskLoadMs, 'ms', 'goal: under 50 ms');
  print('search: build / load time', result.buildMs / result.loadMs, 'ratio', 'goal: loading much faster than building');
  print('search box query (10 results with snippets): median', result.searchBox.median, 'ms', samples);
  print('search box query (10 results with snippets): p95', result.searchBox.p95, 'ms', 'goal: at most 30 ms');
  // The first round is what a researcher's new query costs: each query run for the first time.
  const firstRound = `${result.queries.length} queries`;
  print('search box query, first round (records not read before): median', result.searchBoxFirstRound.median, 'ms', firstRound);
  print('search box query, first round: p95', result.searchBoxFirstRound.p95, 'ms', firstRound);
  print('search box query, first round: finding and ranking the records in the index: median', result.lookupFirstRound.median, 'ms', firstRound);
  print('search box query, first round: reading the records: median', result.readFirstRound.median, 'ms', `${firstRound}; their text as the worker keeps it`);
  print('search box query, first round: cutting the snippets: median', result.snippetsFirstRound.median, 'ms', firstRound);
  print('search box query, first round: round trip to the search worker: median', result.roundTripFirstRound.median, 'ms', firstRound);
  print('search box query: finding and ranking the records in the index: median', result.lookup.median, 'ms', samples);
  print('search box query: reading the records: median', result.read.median, 'ms', samples);
  print('search box query: cutting the snippets: median', result.snippets.median, 'ms', samples);
  print('search box query: round trip to the search worker: median', result.roundTrip.median, 'ms', samples);
  print('results page query (50 results with snippets): median', result.resultsPage.median, 'ms', samples);
  print('results page query (50 results with snippets): p95', result.resultsPage.p95, 'ms');
  // Two baselines. The plain scan reads each document's text and folds it as it goes, which is what finding
  // "Frederic" in "Frédéric" without an index takes. The stronger one scans a folded copy of all the text kept in
  // memory: an index of sorts in itself, held here only to show how much the real index still gains over it.
  print('plain scan of the same text, folding as it goes: median', result.scanFolding.median, 'ms', '1 round');
  print('plain scan / search box query, medians', result.scanFolding.median / result.searchBox.median, 'ratio', 'goal: at least 10');
  print('scan of a folded copy of the text kept in memory: median', result.scan.median, 'ms', samples);
  print('scan of a folded copy of the text kept in memory: p95', result.scan.p95, 'ms');
  print('folded in-memory scan / search box query, medians', result.scan.median / result.searchBox.median, 'ratio', 'the stronger baseline; goal: at least 10');
  print('folded in-memory scan / search box query, all queries', result.scan.total / result.searchBox.total, 'ratio', 'the stronger baseline');
  print(
    'folded in-memory scan / search box query, first round, medians',
    result.scan.median / result.searchBoxFirstRound.median,
    'ratio',
    'each query run for the first time; goal: at least 10',
  );
  for (const query of result.queries)
    console.log(
      `  ${query.query.padEnd(32)} ${String(query.hits).padStart(3)} hits ${query.ms.toFixed(1).padStart(6)} ms` +
        `   scan: ${String(query.scanMatches).padStart(5)} matches ${query.scanMs.toFixed(1).padStart(6)} ms`,
    );
  return result;
}
