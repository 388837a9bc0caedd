import { expect, test } from '@playwright/test';
import { DocumentsPage } from './models/documents.model';
import { LibraryPage } from './models/library.model';
import { WorkspacePage } from './models/workspace.model';

test.describe('searching a case', () => {
  test('a phrase from page 3 of a PDF is found and opens that page', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.openSample();
    const workspace = new WorkspacePage(page);
    await workspace.openSection('Documents');
    const documents = new DocumentsPage(page);
    await documents.importFiles('three-page-report.pdf', 'news-article.html');
    await expect(documents.report).toContainText('2 imported');

    const search = page.getByRole('search');
    await search.getByLabel('Search this case').fill('"quayside ledger was never recovered"');
    const results = search.getByRole('listbox');
    const first = results.getByRole('option').first();
    await expect(first).toContainText('Harbour Dues Audit 2022');
    await expect(first).toContainText(/page 3/i);
    await expect(first.locator('mark').first()).toBeVisible();
    await search.getByLabel('Search this case').press('Enter');

    await expect(page).toHaveURL(/documents\/[^?]+\?page=3/);
    const pageThree = page.getByRole('group', { name: 'Page 3 of 3' });
    await expect(pageThree).toBeInViewport();
    await expect(pageThree).toContainText('the quayside ledger was never recovered');
  });

  test('search folds accents and case, finds entities by alias and words by prefix, and updates as records change', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.openSample();
    const workspace = new WorkspacePage(page);
    const box = page.getByRole('search').getByLabel('Search this case');

    // "Senora Ines" finds "Señora Inés" in the imported article.
    await workspace.openSection('Documents');
    await new DocumentsPage(page).importFiles('news-article.html');
    await box.fill('senora ines');
    await expect(page.getByRole('search').getByRole('option').first()).toContainText('Inquiry hears port ledger went missing');

    // An alias finds its entity, and a prefix finds the whole word.
    await box.fill('lanter');
    await expect(page.getByRole('search').getByRole('option').filter({ hasText: 'Dario Venn' })).toHaveCount(1);
    // Escape closes the results, as a researcher does before going back to work.
    await box.press('Escape');
    await expect(page.getByRole('search').getByRole('listbox')).toBeHidden();

    // A new entity is searchable at once; a deleted one is gone.
    await workspace.addEntity('Ilse Marek', 'person');
    await box.fill('marek');
    await expect(page.getByRole('search').getByRole('option').filter({ hasText: 'Ilse Marek' })).toHaveCount(1);
    await box.press('Escape');
    await workspace.deleteOpenRecord('entity');
    await box.fill('');
    await box.fill('marek');
    await expect(page.getByRole('search')).toContainText('No results for');

    // Opening a result goes to the record.
    await box.fill('corran bay');
    await page.getByRole('search').getByRole('option').filter({ hasText: 'MV Corran Bay' }).first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'MV Corran Bay' })).toBeVisible();
  });

  test('the index is saved, and a reload opens the saved index instead of rebuilding it', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.openSample();
    const box = page.getByRole('search').getByLabel('Search this case');
    await box.fill('halcyontext');
    await expect(page.getByRole('search').getByRole('option').first()).toBeVisible();

    /** When the case's index was last saved, read from the app's real IndexedDB. */
    const savedAt = () =>
      page.evaluate(
        () =>
          new Promise<string | null>((resolve, reject) => {
            const request = indexedDB.open('casebook');
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              const read = request.result.transaction('searchIndexes').objectStore('searchIndexes').getAll();
              read.onsuccess = () => {
                request.result.close();
                resolve((read.result as { savedAt: string }[])[0]?.savedAt ?? null);
              };
            };
          }),
      );
    await expect.poll(savedAt).not.toBeNull();
    const firstSave = await savedAt();

    await page.reload();
    await page.getByRole('search').getByLabel('Search this case').fill('quayline');
    await expect(page.getByRole('search').getByRole('option').filter({ hasText: 'Quayline Logistics' }).first()).toBeVisible();
    // A rebuild saves as soon as it is done; the saved index was used as it was.
    expect(await savedAt()).toBe(firstSave);
  });
});
