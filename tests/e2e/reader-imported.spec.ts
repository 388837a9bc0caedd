import { expect, test, type Page } from '@playwright/test';
import { DocumentsPage } from './models/documents.model';
import { LibraryPage } from './models/library.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';

/** Imports fixtures into a new case through "Import files" and opens the reader on the first one. */
async function importAndOpen(page: Page, caseName: string, file: string, ...others: string[]) {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase(caseName);
  await new WorkspacePage(page).openSection('Documents');
  const documents = new DocumentsPage(page);
  await documents.importFiles(file, ...others);
  await expect(documents.report).toContainText(`${1 + others.length} imported`);
  await documents.openFromReport(file);
  const reader = new ReaderPage(page);
  await expect(reader.heading).toBeVisible();
  return reader;
}

/** Every request the page makes to anything but the app's own server. */
function watchRemoteRequests(page: Page): string[] {
  const remote: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:', 'about:'].includes(url.protocol) && url.hostname !== '127.0.0.1') remote.push(request.url());
  });
  return remote;
}

/** A saved page whose every script, if it ran, would tell the app: by message, dialog, title or request. */
const REPORTING_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>Harbour board minutes</title>
<script>parent.postMessage('inline script ran', '*'); top.document.title = 'script ran'; alert('inline script ran');</script>
<script src="https://tracker.example/t.js"></script>
</head>
<body onload="parent.postMessage('onload ran', '*')">
<h1 onclick="parent.postMessage('onclick ran', '*')">Harbour board minutes, 3 May</h1>
<p>The board approved the dredging contract without a tender.</p>
<img src="data:image/png;base64,AAAA" onerror="parent.postMessage('onerror ran', '*')" alt="broken">
<img src="https://tracker.example/pixel.gif" alt="">
<svg onload="parent.postMessage('svg onload ran', '*')"><circle r="2"/></svg>
<iframe srcdoc="<script>parent.parent.postMessage('nested frame ran', '*')</script>"></iframe>
</body></html>`;

test.describe('reading imported documents', () => {
  test('a PDF shows its own pages, drawn as they scroll into view, with selectable text', async ({ page }) => {
    const reader = await importAndOpen(page, 'PDF pages', 'three-page-report.pdf');
    await expect(reader.view('Pages')).toHaveAttribute('aria-pressed', 'true');
    const pages = page.getByRole('group', { name: /^Page \d of 3$/ });
    await expect(pages).toHaveCount(3);
    const first = page.getByRole('group', { name: 'Page 1 of 3' });
    await expect(first.locator('.textLayer')).toContainText('Harbour Dues Audit 2022');
    expect(await first.locator('canvas').evaluate((canvas: HTMLCanvasElement) => canvas.width)).toBeGreaterThan(0);

    await reader.view('Text').click();
    await expect(reader.body).toContainText('the quayside ledger was never recovered');
  });

  test('?page=N opens a PDF at that page, and ?q= finds on and after it', async ({ page }) => {
    const reader = await importAndOpen(page, 'PDF page links', 'three-page-report.pdf');
    await page.goto(`${page.url()}?page=3&q=ledger`);
    const third = page.getByRole('group', { name: 'Page 3 of 3' });
    await expect(third).toBeInViewport();
    await expect(third.locator('.textLayer')).toContainText('quayside ledger');
    await expect(reader.findBox).toHaveValue('ledger');
    await expect.poll(() => reader.currentMatchPage()).toBe(3);
    await expect(reader.findStatus).toHaveText(/^\d of \d$/);
    const [current, total] = ((await reader.findStatus.textContent()) ?? '').split(' of ').map(Number);
    // Going back from the first match on page 3 reaches the ledger on page 1.
    for (let step = current!; step > 1; step--) await reader.findBar.getByRole('button', { name: 'Previous match' }).click();
    await expect(reader.findStatus).toHaveText(`1 of ${total}`);
    await expect.poll(() => reader.currentMatchPage()).toBe(1);
  });

  test('a link to page N with ?q= followed from another section opens the PDF at that page, on its first match', async ({ page }) => {
    await importAndOpen(page, 'PDF links from elsewhere', 'three-page-report.pdf');
    const link = `${page.url()}?page=3&q=ledger`;
    await new WorkspacePage(page).openSection('Entities');
    await page.goto(link);
    const reader = new ReaderPage(page);
    await expect(page.getByRole('group', { name: 'Page 3 of 3' })).toBeInViewport();
    await expect(reader.findBox).toHaveValue('ledger');
    await expect.poll(() => reader.currentMatchPage()).toBe(3);
  });

  test('a scanned PDF says it has no text layer and offers to recognise its text', async ({ page }) => {
    const reader = await importAndOpen(page, 'Scans', 'scanned-pages.pdf');
    await expect(page.getByText('No text layer', { exact: true })).toBeVisible();
    const recognition = page.getByRole('region', { name: 'Text recognition' });
    await expect(recognition).toContainText('until they are recognised (OCR)');
    await expect(recognition.getByRole('button', { name: 'Recognise text' })).toBeEnabled();
    const first = page.getByRole('group', { name: 'Page 1 of 2' });
    await expect(first).toBeVisible();
    await expect.poll(() => first.locator('canvas').evaluate((canvas: HTMLCanvasElement) => canvas.width)).toBeGreaterThan(0);
    await reader.view('Text').click();
    await expect(reader.body).toContainText('No text has been recognised in these pages yet');
  });

  test('a hostile saved page shows in a sandbox where no script runs and nothing is fetched', async ({ page }) => {
    const remote = watchRemoteRequests(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const reader = await importAndOpen(page, 'Hostile page', 'hostile.html');
    await expect(reader.body).toContainText('sea wall repairs ran forty per cent over budget');
    const links = reader.body.locator('a');
    for (const link of await links.all()) {
      await expect(link).not.toHaveAttribute('href', /^javascript:/i);
    }

    await reader.view('Original page').click();
    const frame = page.locator('iframe[title^="Original page"]');
    await expect(frame).toHaveAttribute('sandbox', '');
    const srcdoc = (await frame.getAttribute('srcdoc')) ?? '';
    expect(srcdoc).toMatch(
      /^<!DOCTYPE html><html[^>]*><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:[^"]*">/,
    );
    await expect(page.frameLocator('iframe[title^="Original page"]').getByRole('heading', { name: 'Council minutes show budget overrun' })).toBeVisible();
    await expect(
      page.frameLocator('iframe[title^="Original page"]').getByText('The council will publish the remaining minutes'),
    ).toBeVisible();

    // Give a refresh, a late script or an image error the time they would need.
    await page.waitForTimeout(1_500);
    expect(dialogs).toEqual([]);
    expect(remote).toEqual([]);
    await expect(frame).toBeVisible();
  });

  test('scripts of a saved page that would report back to the app never run', async ({ page, context }) => {
    const remote = watchRemoteRequests(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // The control: the same page in a frame that allows scripts does report back, so silence below means something.
    const control = await context.newPage();
    await control.setContent('<title>control</title>');
    await control.evaluate((html) => {
      const messages: unknown[] = [];
      (window as unknown as { messages: unknown[] }).messages = messages;
      window.addEventListener('message', (event) => messages.push(event.data));
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-scripts');
      frame.srcdoc = html;
      document.body.append(frame);
    }, REPORTING_PAGE);
    await expect
      .poll(() => control.evaluate(() => (window as unknown as { messages: unknown[] }).messages.length))
      .toBeGreaterThan(0);
    control.on('dialog', (dialog) => void dialog.dismiss());
    await control.close();

    const library = new LibraryPage(page);
    await library.goto();
    await library.createCase('Reporting page');
    await new WorkspacePage(page).openSection('Documents');
    await page.evaluate(() => {
      const messages: unknown[] = [];
      (window as unknown as { messages: unknown[] }).messages = messages;
      window.addEventListener('message', (event) => messages.push(event.data));
    });
    const documents = new DocumentsPage(page);
    await documents.importPages({ name: 'reporting-page.html', html: REPORTING_PAGE });
    await expect(documents.report).toContainText('1 imported');
    await documents.openFromReport('reporting-page.html');
    const reader = new ReaderPage(page);
    await reader.view('Original page').click();
    const original = page.frameLocator('iframe[title^="Original page"]');
    await expect(original.getByText('Harbour board minutes, 3 May')).toBeVisible();
    await original.getByText('Harbour board minutes, 3 May').click();

    await page.waitForTimeout(1_500);
    expect(await page.evaluate(() => (window as unknown as { messages: unknown[] }).messages)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(remote).toEqual([]);
    expect(await page.title()).toBe('Casebook');
  });

  test('a saved page in a legacy encoding reads correctly in both views', async ({ page }) => {
    const remote = watchRemoteRequests(page);
    const reader = await importAndOpen(page, 'Legacy encoding', 'news-article.html');
    await expect(reader.body).toContainText('about €2.4 million');
    await reader.view('Original page').click();
    const original = page.frameLocator('iframe[title^="Original page"]');
    await expect(original.getByText('about €2.4 million over four years', { exact: false })).toBeVisible();
    await expect(original.getByText('Señora Inés Calloway', { exact: false })).toBeVisible();
    expect(remote).toEqual([]);
  });
});
