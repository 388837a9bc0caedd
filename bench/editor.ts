/**
 * The editor's area of `npm run bench` (`npm run bench -- editor`): a note of 100,000 words opened in the real
 * editor and typed into with the real keyboard, in the page (bench/page/editorBench.ts): the time to open it, and
 * the time from each key pressed to the frame that shows it.
 */
import type { Page } from '@playwright/test';
import type { Print } from './search.ts';

const WORDS = 100_000;
const TYPED = 'the pilot signed the log at dawn and left the quay before the customs launch came ';
/** Between keys, as a quick typist types (about 100 words a minute). */
const KEY_DELAY_MS = 40;

export async function runEditorBench(page: Page, base: string, print: Print): Promise<void> {
  await page.goto(`${base}bench.html`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  const opened = await page.evaluate((words) => window.casebookBench!.editorBenchmark.open({ words }), WORDS);
  const label = `editor, a note of ${Math.round(opened.words / 1000).toLocaleString('en')},000 words`;
  print(`${label}: open`, opened.openMs, 'ms', `goal: at most 500 ms; of which ${opened.codeMs.toFixed(0)} ms loading the editor's code; ${opened.blocks.toLocaleString('en')} blocks`);

  await page.evaluate(() => window.casebookBench!.editorBenchmark.startTyping());
  await page.keyboard.type(TYPED, { delay: KEY_DELAY_MS });
  const typed = await page.evaluate(() => window.casebookBench!.editorBenchmark.stopTyping());
  const note = `${typed.keys} keys, ${KEY_DELAY_MS} ms apart, in the middle of the note`;
  print(`${label}: typing, key press to frame, median`, typed.medianMs, 'ms', `goal: at most 16 ms; ${note}`);
  print(`${label}: typing, key press to frame, p95`, typed.p95Ms, 'ms', `goal: at most 33 ms; slowest ${typed.maxMs.toFixed(1)} ms, longest main-thread task ${typed.longestTaskMs.toFixed(0)} ms`);
  await page.evaluate(() => window.casebookBench!.editorBenchmark.close());
}
