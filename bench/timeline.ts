/**
 * The timeline's area of `npm run bench` (`npm run bench -- timeline`): 20,000 events drawn by the real component in
 * the page (bench/page/timelineBench.ts), as the app draws them, then with the settings that trade readability for
 * speed, to show what each costs.
 */
import type { Page } from '@playwright/test';
import type { Print } from './search.ts';
import type { TimelineBenchOptions } from './page/timelineBench.ts';

const EVENTS = 20_000;

const VARIANTS: { name: string; options: Omit<TimelineBenchOptions, 'events'> }[] = [
  { name: 'as the app draws it (crowds of more than 3 in a stretch clustered, stacked, no lanes)', options: { lanes: null, stack: true } },
  { name: 'lanes by participant', options: { lanes: 'participants', stack: true } },
  { name: 'lanes by place', options: { lanes: 'place', stack: true } },
];

export async function runTimelineBench(page: Page, base: string, print: Print) {
  for (const [index, variant] of VARIANTS.entries()) {
    await page.goto(`${base}bench.html`);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    const result = await page.evaluate((options) => window.casebookBench!.timelineBenchmark(options), { events: EVENTS, ...variant.options });
    const label = index === 0 ? `timeline (${EVENTS.toLocaleString('en')} events)` : `timeline, ${variant.name}`;
    const note = index === 0 ? `; ${variant.name}` : '';
    print(`${label}: time to first drawing`, result.firstDrawMs, 'ms', `goal: at most 500 ms; of which ${result.codeMs.toFixed(0)} ms loading the code on demand; ${result.itemsInDomAtStart} items on the page${note}`);
    print(`${label}: p95 frame while zooming and panning`, result.frameP95Ms, 'ms', `goal: at most 33 ms; ${result.frames} frames, median ${result.frameMedianMs.toFixed(1)} ms`);
  }
}
