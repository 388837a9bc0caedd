import { expect, test } from '@playwright/test';
import { DocumentsPage } from './models/documents.model';
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

  test('the import report closes when the researcher moves on, and "Last import" reopens it', async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.openSection('Documents');
    const documents = new DocumentsPage(page);
    await documents.importFiles('report.md', 'empty.txt');
    await expect(documents.report).toContainText('Import finished: 1 imported, 1 failed');

    await documents.report.getByRole('link').first().click();
    await expect(new ReaderPage(page).heading).toBeVisible();
    await expect(documents.report).toHaveCount(0);
    await expect(documents.lastImport).toHaveText('Last import: 1 imported, 1 failed');
    await documents.lastImport.click();
    await expect(documents.reportLine('empty.txt')).toContainText('Failed');

    await workspace.openSection('Entities');
    await workspace.openSection('Documents');
    await expect(documents.report).toHaveCount(0);
    await expect(documents.lastImport).toBeVisible();
  });

  test('the focus lands on what was just created', async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.addEntity('Ines Halvorsen');
    await expect(page.getByRole('heading', { level: 2, name: 'Ines Halvorsen' })).toBeFocused();

    // A note is shown as its form: the focus is on its title, where the writing continues.
    await workspace.addNote('Questions for the harbour master');
    await expect(page).toHaveURL(/\/notes\/[^/]+$/);
    await expect(page.getByRole('form', { name: 'Note Questions for the harbour master' }).getByLabel('Title')).toBeFocused();

    const library = new LibraryPage(page);
    await library.goto();
    await library.createCase('Harbour pilots');
    await expect(page.getByRole('heading', { level: 1, name: 'Harbour pilots' })).toBeFocused();
  });

  test('the formatting toolbar is one tab stop, its buttons reached with the arrow keys', async ({ page }) => {
    const form = await new WorkspacePage(page).newNote();
    const toolbar = form.getByRole('toolbar', { name: 'Formatting for Note text' });
    await expect(toolbar).toBeVisible();
    await form.getByLabel('Title').focus();
    await page.keyboard.press('Tab');
    await expect(toolbar.getByRole('button', { name: 'Bold' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(toolbar.getByRole('button', { name: 'Italic' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(form.getByRole('textbox', { name: 'Note text' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(toolbar.getByRole('button', { name: 'Italic' })).toBeFocused();
  });

  test('section counts read as words, and recent activity opens the record it names', async ({ page }) => {
    const nav = new WorkspacePage(page).nav;
    await expect(nav.getByRole('link', { name: 'Timeline, 4 events', exact: true })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Notes, 1 note', exact: true })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Overview', exact: true })).toBeVisible();

    const activity = page.getByRole('list', { name: 'Recent activity' });
    const line = activity.getByRole('listitem').first().getByRole('link');
    const named = (await line.textContent())!;
    await line.click();
    await expect(page).toHaveURL(/\/case\/[^/]+\/[a-z]+\/[^/]+$/);
    // The record it names is the one open: its row is the current one in its section's list (or the notes' tree).
    expect(named.length).toBeGreaterThan(0);
    await expect(page.locator('.vlist-row[aria-current="true"], [role="treeitem"][aria-current="page"]')).toBeVisible();

    // A line about a record that is gone stays text.
    const workspace = new WorkspacePage(page);
    await workspace.addEntity('Short-lived entity');
    await workspace.deleteOpenRecord('entity');
    await workspace.openSection('Overview');
    await expect(activity.getByRole('listitem').first()).toContainText('Short-lived entity');
    await expect(activity.getByRole('listitem').first().getByRole('link')).toHaveCount(0);
  });
});
