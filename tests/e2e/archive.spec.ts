import { writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { LibraryPage } from './models/library.model';
import { CommandPalettePage } from './models/palette.model';

/**
 * The case archive in the browser build. Chromium's save dialog cannot be driven by a test, so the page is given one
 * that answers with a file of the origin's private file system (OPFS): the archive is streamed into a real file, as
 * into the one a researcher would choose, and read back from there.
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { showSaveFilePicker: unknown }).showSaveFilePicker = async ({ suggestedName }: { suggestedName: string }) => {
      const root = await navigator.storage.getDirectory();
      return root.getFileHandle(suggestedName, { create: true });
    };
  });
});

/** The archive the page saved, copied to a file the test can hand to a file chooser. */
async function savedArchive(page: Page, name: string, path: string): Promise<number> {
  const numbers = await page.evaluate(async (file) => {
    const root = await navigator.storage.getDirectory();
    return Array.from(new Uint8Array(await (await (await root.getFileHandle(file)).getFile()).arrayBuffer()));
  }, name);
  const bytes = Buffer.from(numbers);
  await writeFile(path, bytes);
  return bytes.byteLength;
}

async function importArchive(page: Page, path: string) {
  await new CommandPalettePage(page).openWithKeyboard();
  await new CommandPalettePage(page).run('Import case archive');
  const dialog = page.getByRole('dialog', { name: 'Import case archive' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose archive…' }).click();
  await (await chooser).setFiles(path);
  return dialog;
}

test('a case exported as an archive imports again as a new case with everything in it', async ({ page }, testInfo) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.openSample();
  const countsList = page.getByRole('list', { name: 'Record counts' });
  await expect(countsList).not.toContainText('…');
  const counts = await countsList.textContent();

  await new CommandPalettePage(page).openWithKeyboard();
  await new CommandPalettePage(page).run('Export case archive');
  const exported = page.getByRole('dialog', { name: 'Export case archive' });
  const saved = exported.getByRole('status').filter({ hasText: /^Saved “/ });
  await expect(saved).toBeVisible({ timeout: 30_000 });
  const name = (await saved.textContent())!.match(/“(.+?\.casebook)”/)![1]!;
  expect(name).toMatch(/^Sample case - Operation Lantern Quay – \d{4}-\d{2}-\d{2}\.casebook$/);
  await exported.getByRole('button', { name: 'Close' }).click();

  const path = testInfo.outputPath('sample.casebook');
  expect(await savedArchive(page, name, path)).toBeGreaterThan(1_000);

  const dialog = await importArchive(page, path);
  await expect(dialog.getByRole('status')).toContainText('holds the case “Sample case: Operation Lantern Quay”');
  // The sample came from this Casebook: it may be replaced, or imported beside it.
  await expect(dialog.getByRole('button', { name: 'Replace “Sample case: Operation Lantern Quay”…' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Import as a new case' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Sample case: Operation Lantern Quay (2)' })).toBeVisible({ timeout: 30_000 });
  await expect(countsList).toHaveText(counts!);
  // Its excerpts came with their documents, tags and entities: the list's filters offer them all.
  await countsList.getByRole('link', { name: /Excerpts/ }).click();
  const filters = page.getByRole('group', { name: 'Filters' });
  await expect(filters.getByRole('combobox', { name: 'Filter by document' }).getByRole('option')).toHaveCount(3);
  await expect(filters.getByRole('combobox', { name: 'Filter by entity' }).getByRole('option', { name: 'MV Corran Bay' })).toBeAttached();
  await expect(page.getByRole('grid', { name: 'Excerpts' }).getByRole('row')).toHaveCount(1 + 5);

  await library.goto();
  await expect(library.caseLink('Sample case: Operation Lantern Quay')).toBeVisible();
  await expect(library.caseLink('Sample case: Operation Lantern Quay (2)')).toBeVisible();
});

test('a file that is not an archive is refused with its name and the problem, and no case is added', async ({ page }, testInfo) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase('Harbour charter');
  await expect(page.getByRole('heading', { level: 1, name: 'Harbour charter' })).toBeVisible();
  await library.goto();
  // The library as it stands: one case.
  await expect(library.caseLink('Harbour charter')).toBeVisible();
  await expect(library.cases.getByRole('link')).toHaveCount(1);

  const path = testInfo.outputPath('notes.casebook');
  await writeFile(path, 'These are notes, not an archive.');
  const dialog = await importArchive(page, path);
  await expect(dialog.getByRole('alert')).toHaveText(/^notes\.casebook is not a Casebook archive: it is not a zip file, or it is cut short/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(library.cases.getByRole('link')).toHaveCount(1);
  await expect(library.caseLink('Harbour charter')).toBeVisible();
});
