/**
 * The editor's area of `npm run bench` (`npm run bench -- editor`): a note of 100,000 words, and one of 2,000
 * mentions, each typed into with the real keyboard: first in the real editor alone (bench/page/editorBench.ts), then
 * in the app, opened from a seeded case as the researcher opens it, where the note's autosave, its live queries and the
 * rest of the page take their share. For each, the time to open the note and from each key pressed to the frame that
 * shows it.
 */
import type { Page } from '@playwright/test';
import type { Print } from './search.ts';

const WORDS = 100_000;
/** Mentions of the case's entities in the second note, five to a paragraph. */
const MENTIONS = 2_000;
const TYPED = 'the pilot signed the log at dawn and left the quay before the customs launch came ';
/** Between keys, as a quick typist types (about 100 words a minute). */
const KEY_DELAY_MS = 40;
const NOTES = [
  { options: { words: WORDS }, name: `a note of ${WORDS.toLocaleString('en')} words` },
  { options: { mentions: MENTIONS }, name: `a note of ${MENTIONS.toLocaleString('en')} mentions` },
];

export async function runEditorBench(page: Page, base: string, print: Print): Promise<void> {
  for (const note of NOTES) {
    await page.goto(`${base}bench.html`);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    const opened = await page.evaluate((options) => window.casebookBench!.editorBenchmark.open(options), note.options);
    const size = `${opened.blocks.toLocaleString('en')} blocks, ${opened.words.toLocaleString('en')} words`;
    print(`editor, ${note.name}: open`, opened.openMs, 'ms', `goal: at most 500 ms; of which ${opened.codeMs.toFixed(0)} ms loading the editor's code; ${size}`);
    await typeAndPrint(page, print, `editor, ${note.name}`);
    await page.evaluate(() => window.casebookBench!.editorBenchmark.close());
  }

  for (const note of NOTES) {
    await page.goto(`${base}bench.html`);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    const { caseId, noteId } = await page.evaluate((options) => window.casebookBench!.seedNoteCase(options), note.options);
    // The case's notes first, so that opening the note is the note's cost, not the case's; the section fetches the
    // editor's code meanwhile, as it does while the researcher looks over the tree.
    await page.goto(`${base}#/case/${caseId}/notes`);
    await page.getByRole('tree', { name: 'Notes' }).waitFor();
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => /\/TipTapEditor-[^/]*\.js$/.test(entry.name)));
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    const openMs = await page.evaluate(async (path) => {
      const asked = performance.now();
      window.location.hash = path;
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      while (!document.querySelector('.note-writer .tiptap p')) await frame();
      return (await frame()) - asked;
    }, `#/case/${caseId}/notes/${noteId}`);
    const label = `editor in the app, ${note.name}`;
    print(`${label}: open`, openMs, 'ms', 'goal: at most 500 ms; from choosing the note in its case to the frame that shows its text, the editor\'s code fetched while the tree was shown');
    await typeAndPrint(page, print, label);
    // Its last save done, so the next note's case starts on a quiet database.
    await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 60_000 });
  }
}

/** Types into the middle of the page's one editor with the real keyboard and prints the time from each key to its frame. */
async function typeAndPrint(page: Page, print: Print, label: string): Promise<void> {
  await page.evaluate(startTiming);
  await page.keyboard.type(TYPED, { delay: KEY_DELAY_MS });
  const typed = await page.evaluate(stopTiming);
  const keys = `${typed.keys} keys, ${KEY_DELAY_MS} ms apart, in the middle of the note`;
  print(`${label}: typing, key press to frame, median`, typed.medianMs, 'ms', `goal: at most 16 ms; ${keys}`);
  print(`${label}: typing, key press to frame, p95`, typed.p95Ms, 'ms', `goal: at most 33 ms; slowest ${typed.maxMs.toFixed(1)} ms, longest main-thread task ${typed.longestTaskMs.toFixed(0)} ms`);
}

interface Timing {
  samples: number[];
  longest: number;
  stop: () => void;
}
declare global {
  interface Window {
    editorTiming?: Timing;
  }
}

/**
 * In the page: puts the caret in the middle of the editor's text and times each key from its keydown to the frame
 * after the text changed, and the main thread's longest task meanwhile. Runs in the page, so it imports nothing.
 */
function startTiming(): void {
  const editable = document.querySelector<HTMLElement>('.tiptap')!;
  editable.focus();
  const middle = editable.children[Math.floor(editable.children.length / 2)]!;
  getSelection()!.collapse(middle.firstChild?.firstChild ?? middle, 0);
  const timing: Timing = { samples: [], longest: 0, stop: () => undefined };
  let pressedAt: number | null = null;
  const onKeyDown = (event: KeyboardEvent) => void (pressedAt = event.timeStamp);
  const changed = new MutationObserver(() => {
    if (pressedAt === null) return;
    const at = pressedAt;
    pressedAt = null;
    requestAnimationFrame(() => timing.samples.push(performance.now() - at));
  });
  const tasks = new PerformanceObserver((list) => list.getEntries().forEach((entry) => (timing.longest = Math.max(timing.longest, entry.duration))));
  editable.addEventListener('keydown', onKeyDown, true);
  changed.observe(editable, { childList: true, subtree: true, characterData: true });
  tasks.observe({ type: 'longtask', buffered: false });
  timing.stop = () => {
    editable.removeEventListener('keydown', onKeyDown, true);
    changed.disconnect();
    tasks.takeRecords().forEach((entry) => (timing.longest = Math.max(timing.longest, entry.duration)));
    tasks.disconnect();
  };
  window.editorTiming = timing;
}

/** In the page: stops the timing after the last key's frame and sums it up. */
async function stopTiming() {
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const timing = window.editorTiming!;
  timing.stop();
  delete window.editorTiming;
  const sorted = [...timing.samples].sort((a, b) => a - b);
  return {
    keys: sorted.length,
    medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
    p95Ms: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0,
    maxMs: sorted.at(-1) ?? 0,
    longestTaskMs: timing.longest,
  };
}
