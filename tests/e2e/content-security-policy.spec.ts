import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../shared/contentSecurityPolicy';
import { DocumentsPage } from './models/documents.model';
import { EditorModel } from './models/editor.model';
import { LibraryPage } from './models/library.model';
import { LinkChartPage } from './models/chart.model';
import { NotesModel } from './models/notes.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';

// Tall enough for the timeline and the link chart with the record opened beside them.
test.use({ viewport: { width: 1280, height: 1200 } });

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures', name), 'utf8');

/**
 * Every CSP violation the page (and each frame in it) meets, as the browser reports it: a `securitypolicyviolation`
 * event, and the console message the browser writes for a blocked action (which also covers what a worker meets).
 */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`securitypolicyviolation: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
    );
  });
  page.on('console', (message) => {
    if (/securitypolicyviolation|Content Security Policy|Trusted ?Type/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test('the served page carries the app’s CSP as a header, and the same policy in its meta tag', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', CONTENT_SECURITY_POLICY_META);
  // Workers obey their own script's header: the app's scripts carry it too.
  const script = await page.request.get(await page.locator('script[type="module"]').getAttribute('src').then((src) => new URL(src!, response!.url()).href));
  expect(script.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
});

test('no eval, no injected inline script, and no plain string into an HTML sink', async ({ page }) => {
  await new LibraryPage(page).goto();
  const outcome = await page.evaluate(async () => {
    const tried = (run: () => unknown) => {
      try {
        run();
        return 'ran';
      } catch (error) {
        return error instanceof Error ? error.name : String(error);
      }
    };
    // Run from a task of the page's own: code the test runner evaluates is let past the CSP's eval rule.
    const inPageTask = <T,>(run: () => T) => new Promise<T>((done) => setTimeout(() => done(run())));
    const results = {
      eval: await inPageTask(() => tried(() => eval('1'))),
      newFunction: await inPageTask(() => tried(() => new Function('return 1')())),
      innerHTML: tried(() => {
        document.createElement('div').innerHTML = '<img src=x onerror="window.__ranHandler = true">';
      }),
      insertAdjacentHTML: tried(() => document.body.insertAdjacentHTML('beforeend', '<b>bold</b>')),
      domParser: tried(() => new DOMParser().parseFromString('<p>text</p>', 'text/html')),
      srcdoc: tried(() => {
        document.createElement('iframe').srcdoc = '<p>framed</p>';
      }),
      policy: tried(() => window.trustedTypes!.createPolicy('anything', { createHTML: (html: string) => html })),
      worker: tried(() => new Worker('data:text/javascript,postMessage(1)')),
      scriptText: tried(() => {
        document.createElement('script').textContent = 'window.__ranInline = true';
      }),
      inlineScript: '',
    };
    // A script element given its text as a node, not through a property Trusted Types guard: the CSP stops it.
    const script = document.createElement('script');
    script.append('window.__ranInline = true');
    document.body.append(script);
    await new Promise((done) => requestAnimationFrame(done));
    const ran = window as unknown as { __ranInline?: boolean; __ranHandler?: boolean };
    results.inlineScript = ran.__ranInline ? 'ran' : 'blocked';
    return { ...results, handler: ran.__ranHandler ? 'ran' : 'not run' };
  });
  expect(outcome).toEqual({
    eval: 'EvalError',
    newFunction: 'EvalError',
    innerHTML: 'TypeError',
    insertAdjacentHTML: 'TypeError',
    domParser: 'TypeError',
    srcdoc: 'TypeError',
    policy: 'TypeError',
    worker: 'TypeError',
    scriptText: 'TypeError',
    inlineScript: 'blocked',
    handler: 'not run',
  });
});

test('a whole session (notes with a paste, imported documents in each view, the timeline and the link chart) meets no CSP violation', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const violations = await watchViolations(page);
  const library = new LibraryPage(page);
  const workspace = new WorkspacePage(page);
  await library.goto();
  await library.openSample();

  // A note: typed, formatted, a word processor's and a web page's HTML pasted, then shown read-only.
  const notes = new NotesModel(page);
  await workspace.openSection('Notes');
  await notes.addNote('Pasted findings');
  const form = notes.form('Pasted findings');
  const editor = new EditorModel(page, form);
  await editor.text.click();
  await editor.paste(fixture('word-paste.html'), 'Inspection of the Kestrel Moor');
  await expect(editor.text.getByRole('heading', { name: 'Inspection of the Kestrel Moor' })).toBeVisible();
  await expect(editor.text.locator('table td').first()).toHaveText('Container');
  await editor.paste(fixture('web-paste.html'), 'Trawler seized off the north quay');
  await expect(editor.text).toContainText('Trawler seized off the north quay');
  await editor.type(' Seen at the quay.');
  await expect(notes.status(form)).toContainText(/Saved/);

  // Documents: a web page (its text and the page as saved) and a PDF (its pages and its text).
  const documents = new DocumentsPage(page);
  const reader = new ReaderPage(page);
  await workspace.openSection('Documents');
  await documents.importFiles('marking-article.html', 'three-page-report.pdf');
  await expect(documents.report).toContainText('2 imported');
  await reader.open('Night shift at the Saltmere grain terminal');
  await expect(reader.body).toContainText('gate log is rarely checked after midnight');
  await reader.view('Original page').click();
  await expect(page.frameLocator('iframe[title^="Original page"]').getByText('gate log is rarely checked after midnight')).toBeVisible();
  await workspace.openSection('Documents');
  await reader.open('Harbour Dues Audit 2022');
  await reader.view('Pages').click();
  await expect(page.locator('.pdf-page canvas').first()).toBeVisible();
  await reader.view('Text').click();
  await expect(reader.body).toContainText('two and a half million euros');

  // The timeline, then the link chart.
  await workspace.openSection('Timeline');
  const timeline = page.getByRole('region', { name: 'Timeline chart' });
  await expect(timeline.getByRole('status')).toContainText(/\d+ events? in view/);
  await expect(timeline.locator('.vis-item').first()).toBeVisible();
  await expect(timeline.locator('.vis-time-axis .vis-text:not(.vis-measure)').first()).toBeVisible();
  await workspace.openSection('Entities');
  await page.getByRole('link', { name: 'Link chart', exact: true }).click();
  const chart = new LinkChartPage(page);
  await expect(chart.status).toContainText('8 of 8 entities, 3 of 3 relationships shown');
  await chart.settled();

  expect(violations).toEqual([]);
});
