/**
 * The case archive's area of `npm run bench` (`npm run bench -- archive`): a case of 10,000 documents (50 MB of text,
 * and their originals) and 100,000 excerpts (bench/page/archiveBench.ts), exported to a `.casebook` archive (a file
 * of the page's private file system, streamed to disk) and imported from it as a new case, in the bench page: the time, the throughput, and the renderer's peak memory above
 * what it held before (after a full garbage collection), against the goal (below twice the largest entry plus the records). Beside it, in the same run,
 * fflate (the export's zip library) zipping the archive's own entries alone (no reading of the case, no JSON, no checks), and the ratio.
 */
import type { Page } from '@playwright/test';
import { rendererMemory } from './heap.ts';
import type { Print } from './search.ts';

const MEGABYTE = 1024 * 1024;
const LONG = 15 * 60_000;

/** Samples the renderer processes' resident memory every 50 ms until stopped; the peak. */
function sampleMemory() {
  let peak = rendererMemory() ?? 0;
  const timer = setInterval(() => (peak = Math.max(peak, rendererMemory() ?? 0)), 50);
  return { stop: () => (clearInterval(timer), peak) };
}

/**
 * A full garbage collection in the page (the bench's Chromium exposes `gc()`), so that what a step is measured from is
 * what the page holds, not what the step before left to collect.
 */
const collectGarbage = (page: Page) => page.evaluate(() => (globalThis as { gc?: () => void }).gc?.());

async function measured<T>(page: Page, work: () => Promise<T>): Promise<{ result: T; growth: number }> {
  await collectGarbage(page);
  const before = rendererMemory() ?? 0;
  const memory = sampleMemory();
  const result = await work();
  return { result, growth: memory.stop() - before };
}

export async function runArchiveBench(page: Page, base: string, print: Print) {
  page.setDefaultTimeout(LONG);
  await page.goto(`${base}bench.html`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  const caseId = await page.evaluate(() => window.casebookBench!.seedArchiveCase('Archive bench'));

  const exported = await measured(page, () => page.evaluate((id) => window.casebookBench!.exportArchiveBenchmark(id), caseId));
  const { ms, archiveBytes, contentBytes, largestEntryBytes, recordsBytes, rows } = exported.result;
  const goal = 2 * largestEntryBytes + recordsBytes;
  const label = `archive (10,000 documents, 100,000 excerpts; ${rows.toLocaleString('en')} records, ${(contentBytes / MEGABYTE).toFixed(0)} MB of entries, ${(archiveBytes / MEGABYTE).toFixed(0)} MB zipped)`;
  print(`${label}: export`, ms / 1000, 's', `${(contentBytes / MEGABYTE / (ms / 1000)).toFixed(1)} MB/s of entries`);
  print(`${label}: export, renderer memory above before`, exported.growth / MEGABYTE, 'MB', `goal: below ${(goal / MEGABYTE).toFixed(0)} MB (twice the largest entry, ${(largestEntryBytes / MEGABYTE).toFixed(1)} MB, plus the records, ${(recordsBytes / MEGABYTE).toFixed(0)} MB)`);

  // The import in its two halves, each one's peak measured from before the first: read and checked whole (what it
  // then holds until written), and written in its one transaction.
  await collectGarbage(page);
  const before = rendererMemory() ?? 0;
  const checking = sampleMemory();
  const checked = await page.evaluate(() => window.casebookBench!.checkArchiveBenchmark());
  const checkedPeak = checking.stop() - before;
  const writing = sampleMemory();
  const written = await page.evaluate(() => window.casebookBench!.writeCheckedArchiveBenchmark());
  const writtenPeak = writing.stop() - before;
  const importMs = checked.ms + written.ms;
  print(`${label}: import as a new case`, importMs / 1000, 's', `${(contentBytes / MEGABYTE / (importMs / 1000)).toFixed(1)} MB/s; read and checked in ${(checked.ms / 1000).toFixed(1)} s`);
  print(`${label}: import, renderer memory above before`, Math.max(checkedPeak, writtenPeak) / MEGABYTE, 'MB', `goal: below ${(goal / MEGABYTE).toFixed(0)} MB`);
  print(`${label}: import, reading and checking, renderer memory above before`, checkedPeak / MEGABYTE, 'MB');
  print(`${label}: import, writing, renderer memory above before`, writtenPeak / MEGABYTE, 'MB');

  const baseline = await page.evaluate(() => window.casebookBench!.zipBaselineBenchmark());
  print(`${label}: fflate zipping the same entries alone`, baseline.ms / 1000, 's', 'baseline, same run');
  print(`${label}: export / zipping alone`, ms / baseline.ms, 'ratio', 'the cost of reading the case, JSON and hashing');
}
