import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import fc from 'fast-check';
import { hostileMarkup } from '../fixtures/xss/hostileMarkup';
import { DocumentsPage, fixture } from './models/documents.model';
import { LibraryPage } from './models/library.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';
import { recordAttackFigure } from '../attackFigures';

/**
 * The XSS corpus (tests/fixtures/xss/payloads.json) and a seeded sample of random hostile markup
 * (tests/fixtures/xss/hostileMarkup.ts, which the unit test draws from too) imported as saved web pages through
 * "Import files", each page then opened in the reader and in its saved-page view, in Chromium: no payload calls the
 * marker, opens a dialog, makes a request to anything but the app's own server, or even tries one that the saved
 * page's policy refuses.
 */

const corpus: { id: string; category: string; html: string }[] = JSON.parse(readFileSync(fixture('xss/payloads.json'), 'utf8'));
/** Random hostile markup, the same 200 pieces on every run. */
const RANDOM = fc.sample(hostileMarkup, { seed: 20_261_201, numRuns: 200 }).map((html, index) => ({ id: `random-${index + 1}`, category: 'random', html }));
const payloads = [...corpus, ...RANDOM];

/** Closes what a payload may leave open (raw text, a foreign namespace, a comment), so the next one parses afresh. */
const CLOSER = '</textarea></title></style></xmp></noembed></noframes></noscript></iframe></select></template></svg></math></table></form>-->';
const BATCH = 40;

interface SavedPage {
  name: string;
  ids: string[];
  html: string;
}

/** The corpus as a handful of saved pages: whole-document payloads alone, the others forty to a page. */
function savedPages(): SavedPage[] {
  const pages: SavedPage[] = [];
  const wholeDocuments = payloads.filter(({ category }) => category === 'document');
  for (const { id, html } of wholeDocuments) pages.push({ name: `${id}.html`, ids: [id], html });
  // Markup that makes the rest of a page text (<plaintext>) goes last.
  const inBody = payloads
    .filter(({ category }) => category !== 'document')
    .sort((a, b) => Number(a.html.includes('<plaintext')) - Number(b.html.includes('<plaintext')));
  for (let start = 0; start < inBody.length; start += BATCH) {
    const batch = inBody.slice(start, start + BATCH);
    const number = start / BATCH + 1;
    const sections = batch.map(
      ({ id, html }) =>
        `<section><h2>Exhibit ${id}</h2><p>The harbour board minutes for exhibit ${id} were filed on time and read in full.</p>${html}${CLOSER}</section>`,
    );
    pages.push({
      name: `xss-batch-${number}.html`,
      ids: batch.map(({ id }) => id),
      html: `<!doctype html><html><head><meta charset="utf-8"><title>Harbour board exhibits, part ${number}</title></head><body><article><h1>Harbour board exhibits, part ${number}</h1><p>The harbour board kept these exhibits with its minutes, one section each, as the clerk filed them.</p>${sections.join('\n')}</article></body></html>`,
    });
  }
  return pages;
}

/** What a payload that fired would leave: a marker call, a dialog, a request off the app's server, a CSP report. */
interface Evidence {
  markers: string[];
  dialogs: string[];
  requests: string[];
  policyViolations: string[];
}

/** Watches every page and frame of `context` for evidence, from before anything loads. */
async function watch(context: BrowserContext, appOrigin: string): Promise<Evidence> {
  const evidence: Evidence = { markers: [], dialogs: [], requests: [], policyViolations: [] };
  await context.exposeFunction('__xss', (id: unknown) => void evidence.markers.push(String(id)));
  await context.exposeFunction('__policyViolation', (report: unknown) => void evidence.policyViolations.push(String(report)));
  // In every frame where a script may run: print() counts as firing, and the page's own policy reports are kept.
  await context.addInitScript(() => {
    const marked = window as unknown as { __xss(id: string): void; __policyViolation(report: string): void };
    window.print = () => marked.__xss('print');
    document.addEventListener('securitypolicyviolation', (event) =>
      marked.__policyViolation(`${event.violatedDirective} ${event.blockedURI} from ${event.sourceFile}`),
    );
  });
  context.on('dialog', (dialog) => {
    evidence.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:', 'about:'].includes(url.protocol) && url.origin !== appOrigin) evidence.requests.push(request.url());
  });
  // A sandboxed frame runs no script, so its refusals reach only Chromium's console: "Refused to load …".
  context.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text()))
      evidence.policyViolations.push(`${message.text()} from ${message.location().url}`);
  });
  return evidence;
}

/** The evidence a page that does fire leaves, to show the watching sees it: the silence below then means something. */
async function control(context: BrowserContext, evidence: Evidence) {
  const page = await context.newPage();
  await page.setContent(`<title>control</title><img src="data:," onerror="window.__xss('control'); alert('control')">`);
  await page.evaluate(() => {
    const refused = document.createElement('iframe');
    refused.setAttribute('sandbox', '');
    refused.srcdoc = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'"><img src="http://leak.invalid/control-refused">`;
    const image = document.createElement('img');
    image.src = 'http://leak.invalid/control-request';
    document.body.append(refused, image);
  });
  await expect.poll(() => evidence.markers).toContain('control');
  await expect.poll(() => evidence.dialogs).toContain('alert: control');
  await expect.poll(() => evidence.requests).toContain('http://leak.invalid/control-request');
  await expect.poll(() => evidence.policyViolations.join('\n')).toContain('leak.invalid/control-refused');
  await page.close();
  for (const list of Object.values(evidence) as string[][]) list.length = 0;
}

/** Opens an imported page in the reader, then in its saved-page view, and waits for the frame to finish loading. */
async function readBothViews(page: Page, name: string) {
  const documents = new DocumentsPage(page);
  await documents.openFromReport(name);
  const reader = new ReaderPage(page);
  await expect(reader.heading).toBeVisible();
  await reader.view('Original page').click();
  const frame = page.locator('iframe[title^="Original page"]');
  await expect(frame).toHaveAttribute('sandbox', '');
  const content = await (await frame.elementHandle())!.contentFrame();
  await content!.waitForLoadState('load');
  await expect(page.frameLocator('iframe[title^="Original page"]').locator('head meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
}

test('no payload of the XSS corpus or random hostile markup fires on import, in the reader or in the saved-page view', async ({ page, context, baseURL }) => {
  test.setTimeout(600_000);
  const appOrigin = new URL(baseURL!).origin;
  const evidence = await watch(context, appOrigin);
  await control(context, evidence);

  const pages = savedPages();
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase('Hostile exhibits');
  await new WorkspacePage(page).openSection('Documents');
  const documents = new DocumentsPage(page);
  await documents.importPages(...pages);
  await expect(documents.report).toBeVisible({ timeout: 60_000 });
  await expect(documents.report).toContainText(`${pages.length} imported`, { timeout: 120_000 });

  for (const { name } of pages) await readBothViews(page, name);

  // Two kinds of report are not a payload firing. The app's own script probing whether it may compile code (its policy
  // has no 'unsafe-eval'). And a <base> in the page: DOMPurify parses into an inert document that keeps the app's
  // policy, whose base-uri 'none' refuses to take the base address: no request is made, the element is then dropped.
  const ownProbe = new RegExp(`^script-src eval from ${appOrigin}/|'unsafe-eval'.* from ${appOrigin}/`);
  evidence.policyViolations = evidence.policyViolations.filter(
    (report) => !ownProbe.test(report) && !/^base-uri |base URI .*"base-uri 'none'"/.test(report),
  );
  const tried = pages.reduce((count, { ids }) => count + ids.length, 0);
  const fired = [...evidence.markers, ...evidence.dialogs, ...evidence.requests, ...evidence.policyViolations];
  console.log(`payloads tried: ${tried} (${corpus.length} known, ${RANDOM.length} random) in ${pages.length} saved pages, fired: ${fired.length}`);
  expect(tried).toBe(payloads.length);
  expect(evidence).toEqual({ markers: [], dialogs: [], requests: [], policyViolations: [] });
  recordAttackFigure('payloads tried', tried, 'xss corpus and random markup in Chromium');
});
