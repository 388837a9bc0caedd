import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { ArchivePage } from './models/archive.model';
import { DocumentsPage } from './models/documents.model';
import { LibraryPage } from './models/library.model';
import { NetworkLog } from './models/networkLog';
import { PrintEngine } from './models/printEngine';
import { ReaderPage } from './models/reader.model';
import { ReportExportPage } from './models/report.model';
import { WorkspacePage } from './models/workspace.model';

const ORIGINAL = 'iframe[title^="Original page"]';

test('a session of real use sends nothing anywhere but the app’s own origin', async ({ page, context, baseURL }) => {
  // Four imports, three readers, an excerpt, an entity, a search, a note, a printed report and an archive: each step
  // waits for what the researcher would see, and together they take minutes on a busy machine.
  test.slow();
  const origin = new URL(baseURL!).origin;
  const network = await NetworkLog.record(context, page, origin);
  const engine = await PrintEngine.provide(context);
  await ArchivePage.stubSaveFilePicker(page);

  const library = new LibraryPage(page);
  await library.goto();

  // The log sees what a frame and a dedicated worker ask for, not only the page: the probes prove it, on the origin.
  // Under the app's policy a worker comes only from a script of the app's origin (served here by the test), and a
  // frame loads no address: the probe frame is a blank one whose picture asks the origin.
  await page.route(`${origin}/probe-worker.js`, (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: `fetch(${JSON.stringify(`${origin}/?probe=worker`)}).then(() => postMessage('fetched'), (error) => postMessage(String(error)))`,
    }),
  );
  await page.evaluate(async (probe) => {
    const worker = new Worker(`${probe}probe-worker.js`);
    const answer = await new Promise((resolve) => worker.addEventListener('message', (event) => resolve(event.data), { once: true }));
    worker.terminate();
    if (answer !== 'fetched') throw new Error(`The probe worker could not fetch: ${String(answer)}`);
    const frame = Object.assign(document.createElement('iframe'), { hidden: true });
    document.body.append(frame);
    const picture = frame.contentDocument!.createElement('img');
    await new Promise((resolve) => {
      picture.addEventListener('load', resolve, { once: true });
      picture.addEventListener('error', resolve, { once: true });
      picture.src = `${probe}?probe=frame`;
      frame.contentDocument!.body.append(picture);
    });
    frame.remove();
  }, `${origin}/`);
  expect(network.seen.filter(({ url }) => url.endsWith('?probe=worker')).map(({ seenBy }) => seenBy)).toContain('page');
  expect(network.seen.filter(({ url }) => url.endsWith('?probe=frame')).map(({ seenBy }) => seenBy)).toEqual(expect.arrayContaining(['page', 'cdp']));

  await library.createCase('Offline ferry tender');
  const workspace = new WorkspacePage(page);
  await workspace.openSection('Documents');
  const documents = new DocumentsPage(page);
  await documents.importFiles('remote-resources.html', 'three-page-report.pdf', 'court-filing.docx', 'harbour-log.txt');
  await expect(documents.report).toContainText('Import finished: 4 imported');

  // The saved page: its text, then the page as it was saved, with its remote images, fonts, frames and scripts.
  await documents.openFromReport('remote-resources.html');
  const reader = new ReaderPage(page);
  await expect(reader.body).toContainText('a company registered seven days before bids closed');
  await reader.view('Original page').click();
  await expect(page.frameLocator(ORIGINAL).getByRole('heading', { name: 'Ferry tender went to a company registered a week earlier' })).toBeVisible();
  await expect(page.frameLocator(ORIGINAL).getByText('The contract is worth 4.2 million over six years.')).toBeVisible();
  await reader.view('Text').click();
  await reader.quoteSelection('registered seven days before bids closed');

  // The PDF and the Word document, read.
  await documents.openFromReport('three-page-report.pdf');
  await expect(page.getByRole('article')).toContainText('This report sets out the findings of the audit of harbour dues');
  await documents.openFromReport('court-filing.docx');
  await expect(reader.heading).toBeVisible();

  await workspace.addEntity('Aurel Fenn');
  await expect(page.getByRole('heading', { level: 2, name: 'Aurel Fenn' })).toBeVisible();

  const search = page.getByRole('search');
  await search.getByLabel('Search this case').fill('Brightwater');
  await expect(search.getByRole('listbox').getByRole('option').first()).toContainText('Ferry tender went to a company registered a week earlier');
  await search.getByLabel('Search this case').press('Escape');

  const note = await workspace.newNote();
  await note.getByLabel('Title').fill('Who registered Brightwater?');
  await note.getByRole('textbox', { name: 'Note text' }).click();
  await page.keyboard.type('Ask the registry for the filing of Brightwater Sound Lines.');
  const saved = page.getByRole('form', { name: 'Note Who registered Brightwater?', exact: true });
  await expect(saved.getByRole('status')).toHaveText('Saved');

  await workspace.openSection('Overview');
  const report = new ReportExportPage(page);
  await report.open();
  await report.exportButton.click();
  await expect(report.previewPage(1)).toBeVisible({ timeout: 20_000 });
  const pdf = await report.save();
  expect((await readFile(await pdf.path())).subarray(0, 5).toString()).toBe('%PDF-');
  expect(engine.printed).toBeGreaterThan(0);
  await report.dialog.getByRole('button', { name: 'Close' }).click();

  const archive = new ArchivePage(page);
  const archiveName = await archive.exportCase();
  expect((await archive.savedBytes(archiveName)).subarray(0, 2).toString()).toBe('PK');

  const requests = network.distinct.filter(({ seenBy }) => seenBy === 'context' || seenBy === 'cdp');
  const off = network.offOrigin();
  console.log(`network: ${new Set(network.seen.map(({ url }) => url)).size} requests during the session, ${off.length} off the app's origin`);
  expect(off).toEqual([]);
  expect(requests.length).toBeGreaterThan(0);
});

test('the network log sees and refuses a request that leaves the app’s origin', async ({ page, context, baseURL }) => {
  const network = await NetworkLog.record(context, page, new URL(baseURL!).origin);
  await page.goto('/');
  // A page opened in the same browser that asks another site: what a leak from any of the app's frames looks like.
  const other = await context.newPage();
  await expect(other.goto('https://images.coastwatch.example/ferry.jpg')).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
  expect(network.offOrigin()).toEqual([{ url: 'https://images.coastwatch.example/ferry.jpg', seenBy: expect.arrayContaining(['context', 'route']) }]);
});
