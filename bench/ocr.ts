/**
 * The `ocr` area of `npm run bench`: text recognition of one dense A4 page scanned at 200 dpi, through the app's
 * own UI (import, Recognise text, the stored result), timed from the click to the text stored, with the renderer
 * process's peak memory while it runs (page and OCR worker share that process) and the longest main-thread task.
 */
import type { Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { rendererMemory } from './heap.ts';

/** One stable line per figure, whole numbers: `ocr: <what>: <N> <unit>  (<note>)`. */
const print = (name: string, value: number, unit: string, note = '') =>
  console.log(`ocr: ${name}: ${Math.round(value)} ${unit}${note ? `  (${note})` : ''}`);

const DPI = 200;
const A4_POINTS: [number, number] = [595, 842];
const A4_PIXELS = { width: Math.round((210 / 25.4) * DPI), height: Math.round((297 / 25.4) * DPI) };
const GOAL_MS = 15_000;

const PARAGRAPH =
  'The harbour master recorded every vessel that entered the port between March and September, with its flag, ' +
  'its tonnage, the name of its agent and the berth it was given. Several entries were later corrected by hand, and ' +
  'the corrections do not always match the customs declarations filed on the same day. ';

/** A full A4 page of body text, as Chromium draws it at 200 dpi: what a scanner makes of a typed report. */
async function denseScan(page: Page): Promise<Uint8Array> {
  await page.setViewportSize(A4_PIXELS);
  const text = Array.from({ length: 9 }, (_, index) => `<p>${index + 1}. ${PARAGRAPH}</p>`).join('');
  await page.setContent(
    `<body style="margin:0;background:#fff"><div style="box-sizing:border-box;width:${A4_PIXELS.width}px;height:${A4_PIXELS.height}px;` +
      `padding:180px 160px;font:32px/1.45 'DejaVu Serif',serif;color:#111;text-align:justify">${text}</div></body>`,
  );
  const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...A4_PIXELS } });
  const pdf = await PDFDocument.create();
  const image = await pdf.embedPng(png);
  pdf.addPage(A4_POINTS).drawImage(image, { x: 0, y: 0, width: A4_POINTS[0], height: A4_POINTS[1] });
  return pdf.save();
}

export async function runOcrBench(page: Page, base: string): Promise<void> {
  const scan = await denseScan(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(base);
  await page.getByRole('button', { name: /^(New case|Create a case)$/ }).first().click();
  await page.getByRole('dialog', { name: 'New case' }).getByLabel('Case name').fill('OCR benchmark');
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.getByRole('navigation', { name: 'Case sections' }).getByRole('link', { name: /^Documents/ }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (await chooser).setFiles({ name: 'dense-scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(scan) });
  await page.getByRole('region', { name: 'Import report' }).getByRole('link', { name: 'dense-scan' }).click();
  const panel = page.getByRole('region', { name: 'Text recognition' });
  await panel.getByRole('button', { name: 'Recognise text' }).waitFor();

  await page.evaluate(() => {
    const longest = { ms: 0 };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest.ms = Math.max(longest.ms, entry.duration);
    }).observe({ type: 'longtask' });
    (window as unknown as { longestTask: typeof longest }).longestTask = longest;
  });
  const before = rendererMemory();
  let peak = before ?? 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rendererMemory() ?? 0)), 100);
  try {
    const started = await page.evaluate(() => performance.now());
    await panel.getByRole('button', { name: 'Recognise text' }).click();
    const done = await page.waitForFunction(
      () => {
        const status = document.querySelector('[aria-label="Text recognition"] [role="status"]')?.textContent ?? '';
        return status.startsWith('Recognised the text') ? performance.now() : null;
      },
      undefined,
      { polling: 'raf', timeout: 180_000 },
    );
    print(`one A4 page at ${DPI} dpi: time`, (await done.jsonValue())! - started, 'ms', `goal: at most ${GOAL_MS} ms`);
  } finally {
    clearInterval(sampler);
  }
  // The recognised words are drawn over the page once the reader has read them back from the database.
  await page.locator('.ocr-layer span').first().waitFor({ timeout: 30_000 }).catch(() => {});
  const words = await page.locator('.ocr-layer span').count();
  if (before === null) console.log(`ocr: one A4 page at ${DPI} dpi: peak memory: not measured (needs Linux's /proc)`);
  else
    print(`one A4 page at ${DPI} dpi: peak memory`, peak / 1024 / 1024, 'MB', `renderer process, page and OCR worker; ${Math.round((peak - before) / 1024 / 1024)} MB more than before`);
  print('words recognised on the page', words, 'words');
  const longest = await page.evaluate(() => (window as unknown as { longestTask: { ms: number } }).longestTask.ms);
  print('longest main-thread task while recognising', longest, 'ms', 'goal: no task over 200 ms');
}
