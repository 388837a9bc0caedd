/**
 * The report's area of `npm run bench` (`npm run bench -- report`): a case of 1,000 excerpts, 500 events, 300
 * entities and 20 notes (bench/page/reportBench.ts), then twice and four times that, each exported through the app's
 * own dialog in a fresh browser, as a researcher exports it: pages per second from Export to the PDF ready to save,
 * the time to the preview's first page, and the renderer processes' peak memory while it runs. Beside it, in the
 * same run, Chromium printing the report's final parts once each (no measuring pass, no joining), and the ratio: the
 * cost of the contents' page numbers. At 1× also the report printed as one document, as it was before it was printed
 * in parts. CASEBOOK_BENCH_REPORT_SCALES=1,2,4,10 adds ten times the case: 10,000 excerpts.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../tests/chromium.ts';
import { rendererMemory } from './heap.ts';
import type { Print } from './search.ts';

/** The sizes exported, as multiples of the case above; CASEBOOK_BENCH_REPORT_SCALES=1 measures 1× alone. */
const SCALES = (process.env.CASEBOOK_BENCH_REPORT_SCALES ?? '1,2,4').split(',').map(Number);
const EXPORT_TIMEOUT_MS = 10 * 60_000;
const MEGABYTE = 1024 * 1024;
/** What a measuring layout's stylesheet holds (renderer/src/report/sections/styles.ts): one print of it a part. */
const LAYOUT_ONLY = 'visibility: hidden !important';

/** Chromium's print engine as a page embedding Casebook provides it (see tests/e2e/models/printEngine.ts), timed. */
class TimedPrintEngine {
  prints: { ms: number; html: string }[] = [];
  /** How many prints only measured (one a part). */
  measuring = 0;
  /** `playwrightPdfOptions(REPORT_PDF_OPTIONS)`, as the app's build has it (read from the bench page). */
  options: Parameters<Page['pdf']>[0] = {};
  private readonly context: BrowserContext;

  constructor(context: BrowserContext) {
    this.context = context;
  }

  async install() {
    await this.context.exposeBinding('casebookPrintEngine', async (_source, html: string) => (await this.print(html)).toString('base64'));
  }

  async print(html: string): Promise<Buffer> {
    const printer = await this.context.browser()!.newPage({ javaScriptEnabled: false });
    this.measuring += html.includes(LAYOUT_ONLY) ? 1 : 0;
    try {
      await printer.route('**/*', (route) => route.abort());
      const started = performance.now();
      await printer.setContent(html);
      const pdf = await printer.pdf(this.options);
      this.prints.push({ ms: performance.now() - started, html });
      return pdf;
    } finally {
      await printer.close();
    }
  }
}

/** Samples the renderer processes' resident memory every 50 ms until stopped; the peak. */
function sampleMemory() {
  let peak = rendererMemory() ?? 0;
  const timer = setInterval(() => (peak = Math.max(peak, rendererMemory() ?? 0)), 50);
  return { stop: () => (clearInterval(timer), peak) };
}

async function exportOnce(page: Page, base: string, caseId: string) {
  await page.goto(`${base}#/case/${caseId}`);
  const dialog = page.getByRole('dialog', { name: 'Export report' });
  await page.getByRole('button', { name: 'Export report…' }).click();
  await dialog.getByRole('form', { name: 'Report options' }).waitFor();
  const before = rendererMemory() ?? 0;
  const memory = sampleMemory();
  const started = performance.now();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const preview = dialog.getByRole('region', { name: 'Preview of the report' });
  await preview.locator('canvas[data-drawn]').first().waitFor({ timeout: EXPORT_TIMEOUT_MS });
  const firstPageMs = performance.now() - started;
  const ready = dialog.getByRole('status').filter({ hasText: /ready to save/ });
  await ready.waitFor({ timeout: EXPORT_TIMEOUT_MS });
  const readyMs = performance.now() - started;
  const peak = memory.stop();
  const pages = Number((await ready.textContent())?.match(/([\d,]+) pages?/)?.[1]?.replace(',', ''));
  // Where the time went, as the export measured its steps (renderer/src/report/print.ts, `timed`).
  const steps = await page.evaluate(() =>
    performance
      .getEntriesByType('measure')
      .filter((entry) => entry.name.startsWith('casebook report: '))
      .map((entry) => [entry.name.slice('casebook report: '.length), entry.duration] as const),
  );
  const byStep = new Map<string, number>();
  for (const [step, ms] of steps) byStep.set(step, (byStep.get(step) ?? 0) + ms);
  return { firstPageMs, readyMs, pages, before, peak, byStep };
}

export async function runReportBench(executablePath: string, base: string, print: Print) {
  const rows: { scale: number; pages: number; growthBytes: number }[] = [];
  for (const scale of SCALES) {
    // A fresh browser for each size: its memory is the export's alone.
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const engine = new TimedPrintEngine(context);
      await engine.install();
      const page = await context.newPage();
      await page.goto(`${base}bench.html`);
      await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
      engine.options = await page.evaluate(() => window.casebookBench!.reportPdfOptions());
      const caseId = await page.evaluate((times) => window.casebookBench!.seedReportCase({ scale: times, name: `Report ${times}×` }), scale);
      const result = await exportOnce(page, base, caseId);
      const parts = engine.measuring;
      const layouts = engine.prints.length / parts;
      const size = `${(1_000 * scale).toLocaleString('en')} excerpts, ${500 * scale} events, ${300 * scale} entities, ${20 * scale} notes`;
      const label = `report ${scale}× (${size}; ${result.pages} pages)`;
      const pagesPerSecond = result.pages / (result.readyMs / 1000);
      const growth = result.peak - result.before;
      rows.push({ scale, pages: result.pages, growthBytes: growth });
      const how = `${(result.readyMs / 1000).toFixed(1)} s, ${layouts} layouts of ${parts} ${parts === 1 ? 'part' : 'parts'}`;
      const steps = [...result.byStep].map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`).join(', ');
      if (scale === 1) {
        const finalParts = engine.prints.slice(-parts).map((printed) => printed.html);
        engine.prints = [];
        // The baseline: the same report's final parts printed once each, as if there were no contents to number.
        for (const html of finalParts) await engine.print(html);
        const onceMs = engine.prints.reduce((sum, printed) => sum + printed.ms, 0);
        // And as it was printed before parts: the whole report as one document, once.
        engine.prints = [];
        await page.goto(`${base}bench.html`);
        await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
        await engine.print(await page.evaluate((id) => window.casebookBench!.reportAsOneDocument(id), caseId));
        const wholeMs = engine.prints[0]!.ms;
        print(`${label}: export, Export to PDF ready to save`, pagesPerSecond, 'pages/s', `goal: at least 20 pages/s; ${how}`);
        print(`${label}: time to the preview's first page`, result.firstPageMs, 'ms', 'informational');
        print(`${label}: the export's steps, summed`, [...result.byStep.values()].reduce((sum, ms) => sum + ms, 0), 'ms', `informational; steps overlap, two parts printing at once: ${steps}`);
        print(`${label}: Chromium printing the final HTML once, no contents pass`, result.pages / (onceMs / 1000), 'pages/s', `baseline, same run; ${(onceMs / 1000).toFixed(1)} s, its ${parts} ${parts === 1 ? 'part' : 'parts'} printed once each`);
        print(`${label}: export / print once`, result.readyMs / onceMs, 'ratio', 'the cost of the contents pass and the rest');
        print(`${label}: Chromium printing the whole report as one document`, result.pages / (wholeMs / 1000), 'pages/s', `informational: as before parts; ${(wholeMs / 1000).toFixed(1)} s`);
      } else {
        print(`${label}: export`, pagesPerSecond, 'pages/s', how);
        print(`${label}: time to the preview's first page`, result.firstPageMs, 'ms', 'informational');
      }
      print(`${label}: peak renderer memory while exporting`, result.peak / MEGABYTE, 'MB', `${(growth / MEGABYTE).toFixed(0)} MB above the ${(result.before / MEGABYTE).toFixed(0)} MB before`);
    } finally {
      await browser.close();
    }
  }
  const [one, ...more] = rows;
  for (const row of more)
    print(
      `report ${row.scale}× / 1×: memory growth against page growth`,
      row.growthBytes / one!.growthBytes / (row.pages / one!.pages),
      'ratio',
      `goal: at most 1.00 (memory growing no faster than the pages); pages ×${(row.pages / one!.pages).toFixed(2)}, memory growth ×${(row.growthBytes / one!.growthBytes).toFixed(2)}`,
    );
}
