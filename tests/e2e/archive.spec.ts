import { writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { ArchivePage } from './models/archive.model';
import { LibraryPage } from './models/library.model';
import { CommandPalettePage } from './models/palette.model';

/** The case archive in the browser build, saved through a stand-in for the save dialog (see `ArchivePage`). */
test.beforeEach(async ({ page }) => ArchivePage.stubSaveFilePicker(page));

/** The archive the page saved, copied to a file the test can hand to a file chooser. */
async function savedArchive(page: Page, name: string, path: string): Promise<number> {
  const bytes = await new ArchivePage(page).savedBytes(name);
  await writeFile(path, bytes);
  return bytes.byteLength;
}

async function importArchive(page: Page, path: string) {
  await new CommandPalettePage(page).openWithKeyboard();
  await new CommandPalettePage(page).run('Open case archive');
  const dialog = page.getByRole('dialog', { name: 'Open case archive' });
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

  const name = await new ArchivePage(page).exportCase();
  expect(name).toMatch(/^Sample case - Operation Lantern Quay – \d{4}-\d{2}-\d{2}\.casebook$/);

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

/** Drops the archive the page saved onto what `target` finds, as a file dragged from the desktop would arrive. */
async function dropSavedArchive(page: Page, saved: string, target: string) {
  await page.evaluate(
    async ({ saved, target }) => {
      const root = await navigator.storage.getDirectory();
      const file = await (await root.getFileHandle(saved)).getFile();
      const transfer = new DataTransfer();
      transfer.items.add(new File([file], 'dropped.casebook'));
      const element = document.querySelector(target)!;
      for (const type of ['dragenter', 'dragover', 'drop'])
        element.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { saved, target },
  );
}

test('an archive dropped on the window opens: on the library as a new case, on its own case to put it back', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.openSample();
  const saved = await new ArchivePage(page).exportCase();

  // On the open case: the archive is not imported as a document, it opens as what it is, and may put the case back.
  await dropSavedArchive(page, saved, 'h1');
  const dialog = page.getByRole('dialog', { name: 'Open case archive' });
  await expect(dialog.getByRole('status')).toContainText('dropped.casebook holds the case “Sample case: Operation Lantern Quay”');
  await dialog.getByRole('button', { name: 'Replace “Sample case: Operation Lantern Quay”…' }).click();
  await expect(dialog).toContainText('Every change made to it since is lost');
  await dialog.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Restored “Sample case: Operation Lantern Quay” from dropped.casebook.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Sample case: Operation Lantern Quay' })).toBeVisible();

  // On the library: imported beside it.
  await library.goto();
  await expect(library.cases.getByRole('link')).toHaveCount(1);
  await dropSavedArchive(page, saved, 'main');
  await expect(dialog.getByRole('status')).toContainText('holds the case “Sample case: Operation Lantern Quay”');
  await dialog.getByRole('button', { name: 'Import as a new case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sample case: Operation Lantern Quay (2)' })).toBeVisible({ timeout: 30_000 });
  await library.goto();
  await expect(library.cases.getByRole('link')).toHaveCount(2);
});
