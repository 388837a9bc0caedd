import type { Page } from '@playwright/test';

const EXCERPTS = 2_000;
/** About 420,000 characters: a report of some 200 pages. */
const PARAGRAPHS = 2_000;

type Print = (name: string, value: number, unit: string, note?: string) => void;

/**
 * The reader with a long document and 2,000 excerpts: how long their highlights take to be drawn once the text is
 * on screen, and the frames while scrolling through it (only the highlights on screen are built as it scrolls).
 */
export async function runHighlightBench(page: Page, base: string, print: Print) {
  await page.goto(`${base}bench.html`);
  await page.waitForSelector('body[data-ready="true"]');
  const { caseId, documentId } = await page.evaluate(
    (options) => window.casebookBench!.seedHighlightedDocument(options),
    { paragraphs: PARAGRAPHS, count: EXCERPTS },
  );

  const reader = await page.context().newPage();
  try {
    // Watches from the first frame: when the text is on screen, and when its excerpts' highlights are registered.
    await reader.addInitScript(() => {
      const times: { text?: number; drawn?: number } = {};
      (window as unknown as { highlightTimes: typeof times }).highlightTimes = times;
      new MutationObserver((_, observer) => {
        if (!document.querySelector('.reader-text p')) return;
        times.text = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
      const registry = CSS.highlights;
      const set = registry.set.bind(registry);
      registry.set = (name, highlight) => {
        if (name.startsWith('casebook-excerpt') && times.drawn === undefined) times.drawn = performance.now();
        return set(name, highlight);
      };
    });
    await reader.goto(`${base}#/case/${caseId}/documents/${documentId}`);
    const times = await reader.waitForFunction(
      () => {
        const times = (window as unknown as { highlightTimes: { text?: number; drawn?: number } }).highlightTimes;
        return times.drawn !== undefined ? times : null;
      },
      null,
      { timeout: 120_000, polling: 100 },
    );
    const { text, drawn } = (await times.jsonValue()) as { text: number; drawn: number };
    print(`excerpts: render ${EXCERPTS.toLocaleString('en')} highlights`, drawn - text, 'ms', 'goal: at most 200 ms; from the text in the page to its highlights registered, with the first layout of the text that finding those on screen waits for');
    const scrolled = await scrollThrough(reader);
    print(`excerpts: p95 frame while scrolling ${EXCERPTS.toLocaleString('en')} highlights`, scrolled.p95, 'ms', 'goal: at most 20 ms');
    print('excerpts: most highlight ranges built at once while scrolling', scrolled.most, 'ranges', `of ${EXCERPTS.toLocaleString('en')}; those on screen and a screen either side`);

    // The baseline: the same text without excerpts, scrolled the same way, for what the machine costs alone.
    const plain = await page.evaluate(
      (options) => window.casebookBench!.seedHighlightedDocument(options),
      { paragraphs: PARAGRAPHS, count: 0 },
    );
    await reader.goto(`${base}#/case/${plain.caseId}/documents/${plain.documentId}`);
    await reader.waitForSelector('.reader-text p', { timeout: 120_000 });
    const baseline = await scrollThrough(reader);
    print('excerpts: p95 frame while scrolling the same text without excerpts', baseline.p95, 'ms', 'baseline');
  } finally {
    await reader.close();
  }
}

/** Scrolls the reader down as a fast wheel does, 100 px a frame for 240 frames from the top, and times each frame. */
function scrollThrough(reader: Page) {
    return reader.evaluate(async () => {
      const body = document.querySelector('.reader-body')!;
      let scroller: Element | null = body.parentElement;
      while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
      const target = (scroller ?? document.scrollingElement)!;
      const ranges = () =>
        [...CSS.highlights.keys()]
          .filter((name) => name.startsWith('casebook-excerpt'))
          .reduce((sum, name) => sum + CSS.highlights.get(name)!.size, 0);
      const frames: number[] = [];
      let most = 0;
      const steps = 240;
      let last = performance.now();
      for (let step = 0; step < steps; step++) {
        target.scrollTop = step * 100;
        await new Promise(requestAnimationFrame);
        const now = performance.now();
        frames.push(now - last);
        last = now;
        most = Math.max(most, ranges());
      }
      frames.sort((a, b) => a - b);
      return { p95: frames[Math.floor(frames.length * 0.95)]!, most };
    });
}
