/**
 * The mentions area of `npm run bench`: 10,000 entities with a name and three aliases each, found in 10,000
 * generated documents (about 50 MB of text) by the mentions worker, in the page (bench/page/mentionsBench.ts); one
 * document scanned again, an alias added and removed, and the naive way (a regular expression per name) beside it.
 */
import type { Page } from '@playwright/test';
import { heapReader, rendererCpuSeconds, rendererMemory } from './heap.ts';
import type { Print } from './search.ts';

const ENTITIES = 10_000;
const DOCUMENTS = 10_000;
const SIZE = 5_000;
const RESCANS = 20;
/** The naive scan's time for every name is extrapolated from what it does in this time. */
const NAIVE_BUDGET_MS = 20_000;
const MB = 1024 * 1024;

export async function runMentionsBench(page: Page, base: string, print: Print): Promise<void> {
  const heaps = await heapReader(page);
  await page.goto(`${base}bench.html`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  const figures = await page.evaluate(
    (options) => window.casebookBench!.mentionsBenchmark.prepare(options),
    { entities: ENTITIES, documents: DOCUMENTS, size: SIZE },
  );
  const corpus =
    `${figures.entities.toLocaleString('en')} entities, ${figures.names.toLocaleString('en')} names, ` +
    `${figures.documents.toLocaleString('en')} documents, ${figures.textMB.toFixed(1)} MB of text`;

  const heapBefore = await heaps.read('mentions.worker');
  const residentBefore = rendererMemory();
  const cpuBefore = rendererCpuSeconds();
  let peak = residentBefore ?? 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rendererMemory() ?? 0)), 100);
  const build = await page
    .evaluate(() => window.casebookBench!.mentionsBenchmark.build())
    .finally(() => clearInterval(sampler));
  const cpuAfter = rendererCpuSeconds();
  const heapAfter = await heaps.read('mentions.worker');

  print(`mentions: build and scan the case (${corpus})`, build.buildMs, 'ms', 'in the mentions worker; goal: at most 10,000 ms');
  print('mentions: of it, the worker building the automaton and scanning', build.workerMs, 'ms', 'the rest is the documents copied to it');
  if (cpuBefore !== null && cpuAfter !== null)
    print(
      'mentions: processor time used while building and scanning',
      (cpuAfter - cpuBefore) * 1000,
      'ms',
      "renderer process, page and worker: what the build takes on an idle core, whatever the machine's load",
    );
  print('mentions: longest main-thread task while scanning', build.longestTaskMs, 'ms', 'goal: under 50 ms');
  print('mentions: found', build.mentions, 'mentions', `of ${build.entitiesMentioned.toLocaleString('en')} entities`);
  if (residentBefore === null) console.log('mentions: peak memory while scanning: not measured (needs Linux\'s /proc)');
  else
    print(
      'mentions: peak memory while scanning',
      peak / MB,
      'MB',
      `renderer process, page and mentions worker; ${Math.round((peak - residentBefore) / MB)} MB more than before, with the generated text already in the page`,
    );
  print(
    'mentions: JS heap kept by the mentions worker',
    (heapAfter.workerBytes - heapBefore.workerBytes) / MB,
    'MB',
    'after the scan minus before, each after a full GC: the folded texts, the automaton, the names',
  );
  print(
    'mentions: array buffers kept by the mentions worker',
    (heapAfter.workerBufferBytes - heapBefore.workerBufferBytes) / MB,
    'MB',
    "each document's mentions and the places names stand, and the offsets of texts folding changed in length",
  );

  const rescan = await page.evaluate((rounds) => window.casebookBench!.mentionsBenchmark.rescan(rounds), RESCANS);
  const rescanNote = `${RESCANS} rounds, ${rescan.documentChars.toLocaleString('en')} characters, from the page and back`;
  print('mentions: rescan one 10 KB document: median', rescan.roundTrip.median, 'ms', `${rescanNote}; ${rescan.worker.median.toFixed(1)} ms of it in the worker`);
  print('mentions: rescan one 10 KB document: p95', rescan.roundTrip.p95, 'ms', 'goal: at most 50 ms');
  print('mentions: longest main-thread task while rescanning', rescan.longestTaskMs, 'ms', 'goal: under 50 ms');

  const alias = await page.evaluate(() => window.casebookBench!.mentionsBenchmark.alias());
  print('mentions: add an alias, looked for alone in every document', alias.addMs, 'ms', `in the worker; found in ${alias.foundInDocuments.toLocaleString('en')} documents`);
  print('mentions: remove that alias', alias.removeMs, 'ms', 'in the worker; the names it covered take its place');

  const wired = await page.evaluate(() => window.casebookBench!.mentionsBenchmark.wired());
  print(
    'mentions: the app\'s path, case opened to every entity\'s counts in the page',
    wired.countsMs,
    'ms',
    `the worker reading the same case from IndexedDB itself (written in ${Math.round(wired.writeMs).toLocaleString('en')} ms before); ${wired.entitiesMentioned.toLocaleString('en')} entities counted`,
  );
  print('mentions: longest main-thread task on that path', wired.longestTaskMs, 'ms', 'goal: under 50 ms');

  const naive = await page.evaluate((budget) => window.casebookBench!.mentionsBenchmark.naive(budget), NAIVE_BUDGET_MS);
  const sample = `${(naive.sampleChars / 1e6).toFixed(1)} MB sample`;
  print(
    `mentions: automaton over a ${sample}`,
    naive.automatonScanMs,
    'ms',
    `median of 3, in the page, folding included; building it for ${figures.names.toLocaleString('en')} names took ${Math.round(naive.automatonBuildMs)} ms`,
  );
  print(
    `mentions: naive scan of the same sample, one case-insensitive regular expression per name`,
    naive.naiveMs,
    'ms',
    naive.namesTimed < figures.names
      ? `${naive.namesTimed.toLocaleString('en')} of ${figures.names.toLocaleString('en')} names timed in ${NAIVE_BUDGET_MS / 1000} s, the rest extrapolated`
      : 'every name',
  );
  print('mentions: naive scan / automaton over the sample', naive.naiveMs / naive.automatonScanMs, 'ratio', 'goal: well over 10');
  await page.evaluate(() => window.casebookBench!.mentionsBenchmark.close());
}
