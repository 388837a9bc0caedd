/**
 * The link chart's area of `npm run bench` (`npm run bench -- chart`): 5,000 entities and 20,000 relationships drawn
 * by the real component in the page (bench/page/chartBench.ts).
 */
import type { Page } from '@playwright/test';
import type { Print } from './search.ts';

const ENTITIES = 5_000;
const RELATIONSHIPS = 20_000;
const SETTLE_TIMEOUT_MS = 120_000;

export async function runChartBench(page: Page, base: string, print: Print) {
  await page.goto(`${base}bench.html`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  const result = await page.evaluate(
    (options) => window.casebookBench!.chartBenchmark(options),
    { entities: ENTITIES, relationships: RELATIONSHIPS, settleTimeoutMs: SETTLE_TIMEOUT_MS },
  );
  const drawing = { webgl: 'WebGL', 'webgl-software': 'WebGL drawn in software', picture: 'a still SVG picture (no WebGL)' }[result.drawing];
  const size = `${ENTITIES.toLocaleString('en')} entities, ${RELATIONSHIPS.toLocaleString('en')} relationships`;
  print(`link chart (${size}): time to first drawing`, result.firstDrawMs, 'ms', `goal: at most 2,000 ms; code loaded on demand, drawn with ${drawing} (${result.webglRenderer})`);
  print('link chart: p95 frame while panning and zooming', result.frameP95Ms, 'ms', `goal: at most 33 ms; ${result.frames} frames`);
  print('link chart: median frame while panning and zooming', result.frameMedianMs, 'ms');
  print(
    'link chart: layout settled',
    result.layoutMs,
    'ms',
    result.layoutSettled
      ? `informational; ForceAtlas2 in a worker, ${result.layoutIterations.toLocaleString('en')} iterations`
      : `informational; not settled, stopped after ${result.layoutIterations.toLocaleString('en')} iterations`,
  );
}
