import { expect, test } from '@playwright/test';
import { LibraryPage } from './models/library.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';

test.describe('the reader and the first minutes', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    const library = new LibraryPage(page);
    await library.goto();
    await library.openSample();
  });

  test('at 1024 by 768 the first paragraph of a document is in view without scrolling', async ({ page }) => {
    const reader = new ReaderPage(page);
    await new WorkspacePage(page).openSection('Documents');
    await page.getByRole('list', { name: 'Documents' }).getByRole('link').first().click();
    await expect(reader.heading).toBeVisible();
    const firstParagraph = reader.body.locator('p').first();
    await expect(firstParagraph).toHaveText(/\S/);
    await expect(firstParagraph).toBeInViewport({ ratio: 1 });

    // The details are one line, opened on demand; the list folds away and stays folded.
    await expect(reader.detailsSummary).toContainText('Plain text');
    await reader.showAllDetails();
    await expect(reader.detail('Type')).toHaveText('Plain text');
    const toggle = page.getByRole('button', { name: 'Documents list' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('list', { name: 'Documents' })).toHaveCount(0);
    await page.reload();
    await expect(reader.heading).toBeVisible();
    await expect(page.getByRole('button', { name: 'Documents list' })).toHaveAttribute('aria-expanded', 'false');
    await page.getByRole('button', { name: 'Documents list' }).click();
    await expect(page.getByRole('list', { name: 'Documents' })).toBeVisible();
  });

  test('the case search lists its results over the page, in full view', async ({ page }) => {
    const search = page.getByRole('search', { name: 'Search this case' });
    await search.getByLabel('Search this case').fill('Vellport');
    const results = search.getByRole('listbox', { name: 'Search results' });
    await expect(results.getByRole('option').first()).toBeVisible();
    await expect(results).toBeInViewport({ ratio: 1 });
    const box = (await results.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    const corners = [
      [box.x + 2, box.y + 2],
      [box.x + box.width - 2, box.y + 2],
      [box.x + 2, box.y + box.height - 2],
      [box.x + box.width - 2, box.y + box.height - 2],
    ];
    for (const [x, y] of corners) {
      const hitsList = await results.evaluate((list, [px, py]) => list.contains(document.elementFromPoint(px!, py!)), [x, y]);
      expect(hitsList, `the point ${x}, ${y} of the list is covered`).toBe(true);
    }
  });
});
