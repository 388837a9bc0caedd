import { expect, test, type Page } from '@playwright/test';
import { DocumentsPage } from './models/documents.model';
import { LibraryPage } from './models/library.model';
import { OcrPanel, asTheDesktopAppServesIt } from './models/ocr.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';

// Recognition reads whole pages on two shared cores: seconds each, not milliseconds.
// One recognition at a time: two at once on a 2-core machine would each take twice as long.
test.describe.configure({ mode: 'default', timeout: 360_000 });

async function importIntoNewCase(page: Page, caseName: string, ...files: string[]) {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase(caseName);
  await new WorkspacePage(page).openSection('Documents');
  const documents = new DocumentsPage(page);
  await documents.importFiles(...files);
  await expect(documents.report).toContainText(`${files.length} imported`);
  return documents;
}

test.describe('text recognition (OCR)', () => {
  test('a scanned PDF is recognised offline, then its words are searched, found on their page, selected and quoted', async ({ page, baseURL }) => {
    const network = await asTheDesktopAppServesIt(page, new URL(baseURL!).origin);
    const documents = await importIntoNewCase(page, 'Scanned letter', 'scanned-letter.pdf');
    await documents.openFromReport('scanned-letter.pdf');
    const reader = new ReaderPage(page);
    const ocr = new OcrPanel(page);
    await expect(page.getByText('No text layer', { exact: true })).toBeVisible();
    // Nothing in the case says otherwise, so English is proposed.
    await expect(ocr.language).toHaveValue('eng');

    await ocr.start();
    await expect(ocr.panel).toContainText(/Recognising page 1 of 1/);
    await expect(ocr.progress).toBeVisible();
    await expect(ocr.panel.getByRole('status')).toContainText('Recognised the text of 1 page in English.', { timeout: 120_000 });
    await expect(ocr.badge('English')).toBeVisible();
    await expect(page.getByText('No text layer', { exact: true })).toBeHidden();

    // Every request during all this went to the app itself: the worker, its WebAssembly core and the language data.
    expect(network.remote).toEqual([]);
    expect(network.requests).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\/ocr\/worker\.min\.js$/),
        expect.stringMatching(/\/ocr\/core\/tesseract-core-[a-z-]*lstm\.wasm\.js$/),
        expect.stringMatching(/\/ocr\/lang\/eng\.traineddata\.gz$/),
      ]),
    );

    // The recognised words lie over the page image, selectable.
    const pageOne = page.getByRole('group', { name: 'Page 1 of 1' });
    const layer = pageOne.locator('.ocr-layer');
    await expect(layer).toContainText('Kestrel');
    await expect(layer).toContainText('copper');

    // The case search finds a word of it and opens its page with the word highlighted.
    const search = page.getByRole('search');
    await search.getByLabel('Search this case').fill('Kestrel');
    const hit = search.getByRole('listbox').getByRole('option').first();
    await expect(hit).toContainText('scanned-letter');
    await expect(hit.locator('mark').first()).toHaveText(/Kestrel/i);
    await search.getByLabel('Search this case').press('Enter');
    await expect(page).toHaveURL(/documents\/[^?]+\?.*page=1/);
    await expect.poll(() => reader.highlighted('casebook-find-current')).toEqual(['Kestrel']);
    expect(await reader.currentMatchPage()).toBe(1);

    // Find in the document works on the recognised text too.
    await reader.find('copper wire');
    await expect(reader.findStatus).toHaveText(/1 of 1/);

    // A selection of recognised words becomes an excerpt, whose source says the text was recognised.
    const word = layer.getByText('undeclared', { exact: false });
    await word.selectText();
    await page.getByRole('button', { name: 'Quote selection' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Marked excerpt/ })).toBeVisible();
    await page.getByRole('link', { name: 'Open the excerpt' }).click();
    const excerpt = page.getByRole('article', { name: 'Excerpt' });
    await expect(excerpt).toContainText(/From scanned-letter, page 1 \(OCR, English, \d+% confidence\)/);
    expect(network.remote).toEqual([]);
  });

  test('an image is recognised in the language the case proposes or the one chosen, a new run replaces the text, and a run can be cancelled', async ({ page }) => {
    // A Spanish article in the case makes Spanish the proposal for the scans.
    const documents = await importIntoNewCase(page, 'Scanned note', 'article-es.html', 'scanned-note.png', 'scanned-note.tif');
    await documents.openFromReport('scanned-note.png');
    const reader = new ReaderPage(page);
    const ocr = new OcrPanel(page);
    await expect(reader.view('Pages')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('group', { name: 'Page 1 of 1' }).locator('canvas')).toBeVisible();
    await expect(ocr.language).toHaveValue('spa');

    await ocr.recognise('English');
    await expect(ocr.badge('English')).toBeVisible();
    await expect(page.locator('.ocr-layer')).toContainText('cargo manifest');

    // Recognised again in French: the text, the mark and the history follow the new run.
    await ocr.recognise('French');
    await expect(ocr.badge('French')).toBeVisible();
    await expect(ocr.badge('English')).toHaveCount(0);
    await reader.view('Text').click();
    await expect(reader.body).toContainText('Meeting with the pilot');

    // A TIFF has two pages; cancelling leaves it as it was.
    await new WorkspacePage(page).openSection('Documents');
    await documents.openFromReport('scanned-note.tif');
    await expect(page.getByRole('group', { name: 'Page 2 of 2' })).toBeVisible();
    await ocr.start('English');
    await expect(ocr.progress).toBeVisible();
    await ocr.panel.getByRole('button', { name: 'Cancel recognition' }).click();
    await expect(ocr.panel.getByRole('button', { name: 'Recognise text' })).toBeVisible();
    await expect(page.getByText('No text layer', { exact: true })).toBeVisible();
    await expect(page.locator('.ocr-layer')).toHaveCount(0);
  });
});
