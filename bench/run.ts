/**
 * `npm run bench`: drives the built renderer in Chromium (real IndexedDB) and prints one line per figure.
 * Targets are stated beside the figures; they are goals to watch, not pass/fail tests.
 * `npm run bench -- search import` runs only the areas named (see AREAS); with none, it runs them all.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, MISSING_CHROMIUM_MESSAGE, findChromium } from '../tests/chromium.ts';
import { runHighlightBench } from './highlights.ts';
import { generateImportBatch } from './importBatch.ts';
import { runExcerptsBench } from './excerpts.ts';
import { runOcrBench } from './ocr.ts';
import { runSearchBench } from './search.ts';
import { runExcerptsTableBench } from './excerptsTable.ts';
import { runSuggestionsBench } from './suggestions.ts';
import { runMentionsBench } from './mentions.ts';
import { runChartBench } from './chart.ts';
import { runDatesBench } from './dates.ts';
import { runTimelineBench } from './timeline.ts';
import { runEditorBench } from './editor.ts';
import { runReportBench } from './report.ts';
import { runArchiveBench } from './archive.ts';
import { runFuzzBench } from './fuzz.ts';

const PORT = Number(process.env.CASEBOOK_BENCH_PORT ?? 4193);
const BASE = `http://127.0.0.1:${PORT}/`;
const SEED = { entities: 10_000, links: 20_000, events: 5_000 };
const BULK_ROWS = 10_000;
const BULK_RUNS = 3;
const SCROLL_ROWS = 100_000;
const IMPORT_BATCH = 1_000;
/** `npm run bench -- bundle search` measures only the areas named; with none named, every area. */
const AREAS = ['library', 'case', 'insert', 'scroll', 'import', 'search', 'excerpts', 'suggestions', 'mentions', 'dates', 'chart', 'timeline', 'editor', 'report', 'archive', 'bundle', 'ocr', 'fuzz'] as const;
const named = process.argv.slice(2);
const unknownAreas = named.filter((area) => !(AREAS as readonly string[]).includes(area));
if (unknownAreas.length) {
  console.error(`No benchmark area called ${unknownAreas.join(', ')}. The areas are: ${AREAS.join(', ')}.`);
  process.exit(1);
}
const wanted = (area: (typeof AREAS)[number]) => named.length === 0 || named.includes(area);


const executablePath = findChromium();
if (!executablePath) {
  console.error(MISSING_CHROMIUM_MESSAGE);
  process.exit(1);
}

const print = (name: string, value: number, unit: string, note = '') =>
  console.log(`${name}: ${value.toFixed(unit === 'ratio' ? 2 : unit === 'KB' ? 0 : 1)} ${unit}${note ? `  (${note})` : ''}`);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  // Vite's own binary, not `npx`: killing npx would leave the server running and the benchmark would never exit.
  const vite = join(import.meta.dirname, '..', 'node_modules', '.bin', 'vite');
  const server = spawn(vite, ['preview', '--config', 'vite.web.config.ts', '--port', String(PORT), '--strictPort'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Exact heap sizes and a callable gc(), for the search index's memory figure.
  const browser = await chromium.launch({
    executablePath: executablePath!,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  try {
    await waitForServer();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();

    if (wanted('library')) await measureLibraryStart(page);
    if (wanted('case')) await measureOpenCase(page, await seed(page, SEED, 'Benchmark case'));
    if (wanted('insert')) await measureBulkInsert(page);
    if (wanted('scroll')) await measureScroll(page);
    if (wanted('import')) await measureImport(page);
    if (wanted('search')) await runSearchBench(page, BASE, print);
    if (wanted('excerpts')) {
      await runHighlightBench(page, BASE, print);
      await runExcerptsBench(page, BASE, print);
      await runExcerptsTableBench(page, BASE, print);
    }
    if (wanted('suggestions')) await runSuggestionsBench(page, BASE, print);
    if (wanted('chart')) await runChartBench(page, BASE, print);
    if (wanted('timeline')) await runTimelineBench(page, BASE, print);
    if (wanted('editor')) await runEditorBench(page, BASE, print);
    if (wanted('bundle')) await measureBundle(page);
    if (wanted('ocr')) await runOcrBench(page, BASE);
    if (wanted('mentions')) await runMentionsBench(page, BASE, print);
    if (wanted('dates')) await runDatesBench(page, BASE, print);
    if (wanted('report')) await runReportBench(executablePath!, BASE, print);
    if (wanted('archive')) await runArchiveBench(page, BASE, print);
    if (wanted('fuzz')) await runFuzzBench();
  } finally {
    await browser.close();
    server.kill();
  }
}

async function waitForServer() {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The preview server did not start on ${BASE}`);
}

async function seed(page: Page, counts: typeof SEED, name: string): Promise<string> {
  await page.goto(`${BASE}bench.html`);
  await page.waitForSelector('body[data-ready="true"]');
  return page.evaluate((options) => window.casebookBench!.seedCase(options), { ...counts, name });
}

async function measureLibraryStart(page: Page) {
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    await page.goto(BASE);
    // Interactive: the primary action is on screen and the page answers to it.
    await page.getByRole('button', { name: /New case|Create a case/ }).first().waitFor();
    times.push(await page.evaluate(() => performance.now()));
  }
  print('library interactive after navigation', median(times), 'ms', 'median of 3, empty library');
}

async function measureOpenCase(page: Page, caseId: string) {
  await page.goto(BASE);
  await page.evaluate(() => (window.location.hash = '#/'));
  const opened = await page.evaluate(() => performance.now());
  await page.evaluate((id) => (window.location.hash = `#/case/${id}`), caseId);
  const countsAt = await page.waitForFunction(
    (expected) => {
      const shown = document.querySelector('[data-testid="count-entities"]')?.textContent?.replace(/\D/g, '');
      return shown === expected ? performance.now() : null;
    },
    String(SEED.entities),
    { polling: 'raf', timeout: 60_000 },
  );
  print(
    `open case (${SEED.entities.toLocaleString('en')} entities, ${SEED.links.toLocaleString('en')} links, ${SEED.events.toLocaleString('en')} events): overview counts`,
    (await countsAt.jsonValue())! - opened,
    'ms',
  );

  for (const [section, label] of [
    ['entities', 'Entities'],
    ['timeline', 'Timeline'],
    ['documents', 'Documents'],
    ['excerpts', 'Excerpts'],
    ['notes', 'Notes'],
  ] as const) {
    const started = await page.evaluate(
      ({ id, path }) => {
        const at = performance.now();
        window.location.hash = `#/case/${id}/${path}`;
        return at;
      },
      { id: caseId, path: section },
    );
    const shownAt = await page.waitForFunction(
      (name) => {
        const list = document.querySelector(`ul[aria-label="${name}"] li`);
        const empty = document.querySelector('.section .empty');
        return list || empty ? performance.now() : null;
      },
      label,
      { polling: 'raf', timeout: 60_000 },
    );
    print(`open case: first rows of ${label}`, (await shownAt.jsonValue())! - started, 'ms');
  }
}

async function measureBulkInsert(page: Page) {
  await page.goto(`${BASE}bench.html`);
  await page.waitForSelector('body[data-ready="true"]');
  const domain: number[] = [];
  const raw: number[] = [];
  for (let run = 0; run < BULK_RUNS; run++) {
    const result = await page.evaluate((count) => window.casebookBench!.bulkInsert(count), BULK_ROWS);
    domain.push(result.domainMs);
    raw.push(result.rawMs);
  }
  const domainRate = BULK_ROWS / (median(domain) / 1000);
  const rawRate = BULK_ROWS / (median(raw) / 1000);
  print(`bulk insert through the domain layer (${BULK_ROWS.toLocaleString('en')} entities)`, domainRate, 'rows/s', `median of ${BULK_RUNS}`);
  print(`bulk insert raw IndexedDB (same rows)`, rawRate, 'rows/s', `median of ${BULK_RUNS}`);
  print('domain / raw insert rate', domainRate / rawRate, 'ratio', 'goal: at least 0.70');
}

async function measureScroll(page: Page) {
  const caseId = await seed(page, { entities: SCROLL_ROWS, links: 0, events: 0 }, 'Scroll benchmark');
  await page.goto(`${BASE}#/case/${caseId}/entities`);
  await page.waitForSelector('ul[aria-label="Entities"] li', { timeout: 120_000 });
  const result = await page.evaluate(async () => {
    const scroller = document.querySelector<HTMLElement>('.vlist')!;
    const frames: number[] = [];
    let last = performance.now();
    let maxRows = 0;
    const steps = 240;
    for (let step = 0; step < steps; step++) {
      scroller.scrollTop = (scroller.scrollHeight * step) / steps;
      await new Promise(requestAnimationFrame);
      const now = performance.now();
      frames.push(now - last);
      last = now;
      maxRows = Math.max(maxRows, scroller.querySelectorAll('li').length);
    }
    frames.sort((a, b) => a - b);
    return { p95: frames[Math.floor(frames.length * 0.95)]!, median: frames[Math.floor(frames.length / 2)]!, maxRows };
  });
  print(`scroll ${SCROLL_ROWS.toLocaleString('en')} entities: median frame`, result.median, 'ms');
  print(`scroll ${SCROLL_ROWS.toLocaleString('en')} entities: p95 frame`, result.p95, 'ms', 'goal: under 50 ms');
  print(`scroll ${SCROLL_ROWS.toLocaleString('en')} entities: most rows in the DOM`, result.maxRows, 'rows');
}

async function measureImport(page: Page) {
  const files = await generateImportBatch(IMPORT_BATCH);
  await page.goto(`${BASE}bench.html`);
  await page.waitForSelector('body[data-ready="true"]');
  const result = await page.evaluate((batch) => window.casebookBench!.importBatch(batch), files);
  if (result.failed.length) console.log(`import batch: ${result.failed.length} failed, first: ${result.failed[0]}`);
  const seconds = result.elapsedMs / 1000;
  print(`import ${IMPORT_BATCH.toLocaleString('en')} mixed documents (HTML, text, Markdown, PDF, DOCX)`, result.imported / seconds, 'documents/s');
  print('import: files read', result.inputBytes / 1024 / 1024 / seconds, 'MB/s');
  print('import: extracted text', result.textChars / 1024 / 1024 / seconds, 'MB/s');
  print('import: longest main-thread task', result.longestTaskMs, 'ms', 'goal: no task over 200 ms');
  print('import: main-thread tasks over 200 ms', result.tasksOver200Ms, 'tasks');
  // The same files again without the clean-up of site text at import, in a fresh database: the baseline.
  const baseline = await page.evaluate((batch) => window.casebookBench!.importBatch(batch, { cleanUp: false }), files);
  const baselineRate = baseline.imported / (baseline.elapsedMs / 1000);
  print('import without clean-up (baseline, same files)', baselineRate, 'documents/s');
  print('import with clean-up / without', result.imported / seconds / baselineRate, 'ratio', 'goal: at least 0.80');
  const stored = await page.evaluate(() => window.casebookBench!.storeExtractedText(200, 256 * 1024));
  print('extracted text stored through the domain layer', stored.megabytes / (stored.elapsedMs / 1000), 'MB/s', 'goal: at least 10 MB/s');
}

/**
 * What the app loads to start: every script and style the library page fetches until it is interactive and the
 * network is quiet (the entry, its static imports and its CSS, and anything it would load on demand at once),
 * counted by size on disk. A fresh context, so nothing comes from the cache unseen. The rest (the open case, the
 * reader, the editor, PDF.js, the import worker, the character maps for Asian PDFs) loads only when used.
 */
async function measureBundle(page: Page) {
  const root = join(import.meta.dirname, '..', 'out', 'renderer');
  const assets = join(root, 'assets');
  const context = await page.context().browser()!.newContext();
  const start = await context.newPage();
  const fetched = new Set<string>();
  start.on('request', (request) => {
    const path = decodeURIComponent(new URL(request.url()).pathname);
    if (/\.(?:m?js|css)$/.test(path)) fetched.add(path);
  });
  await start.goto(BASE);
  await start.getByRole('button', { name: /New case|Create a case/ }).first().waitFor();
  await start.waitForLoadState('networkidle');
  await context.close();
  const kilobytes = (paths: string[]) => paths.reduce((sum, path) => sum + statSync(path).size, 0) / 1024;
  const atStart = [...fetched].map((path) => join(root, path));
  const all = readdirSync(assets)
    .filter((file) => !file.startsWith('harness') && !file.startsWith('bench'))
    .map((file) => join(assets, file));
  print('renderer bundle: loaded at start (JavaScript and CSS)', kilobytes(atStart), 'KB', 'goal: at most 450 KB');
  print('renderer bundle: everything, including what loads on demand', kilobytes(all), 'KB');
}

await main();
