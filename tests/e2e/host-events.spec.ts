import { expect, test } from '@playwright/test';
import { ArchivePage } from './models/archive.model';
import { emitHostEvent, withDesktopBridge } from './models/desktopBridge';
import { LibraryPage } from './models/library.model';
import { CommandPalettePage } from './models/palette.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';

/** The renderer as it runs in Electron, with a stand-in for the preload (see `withDesktopBridge`). */
const emit = emitHostEvent;

test.beforeEach(async ({ page }) => {
  await withDesktopBridge(page);
  await ArchivePage.stubSaveFilePicker(page);
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase(`Desktop ${test.info().title.slice(0, 40)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Desktop /);
});

test('a command chosen in the application menu runs through the registry', async ({ page }) => {
  await emit(page, 'menuCommand', { commandId: 'go.entities' });
  await expect(page.getByRole('heading', { level: 1, name: 'Entities' })).toBeVisible();

  // A command that cannot run here says what to do instead of doing nothing.
  await emit(page, 'menuCommand', { commandId: 'document.find' });
  await expect(page.getByRole('status').filter({ hasText: 'Find in document' })).toHaveText(
    '“Find in document” is not available here. Open a document in its Text or Pages view first.Dismiss',
  );

  // One the app does not have is dropped where it crosses into the page; the next is still heard.
  await emit(page, 'menuCommand', { commandId: 'format.disk' });
  await emit(page, 'menuCommand', { commandId: 'new.note' });
  await expect(page.getByRole('form', { name: 'Note Untitled note', exact: true }).getByLabel('Title')).toBeFocused();

  // Chosen while the palette is open: the palette closes first.
  const palette = new CommandPalettePage(page);
  await palette.openWithKeyboard();
  await emit(page, 'menuCommand', { commandId: 'go.timeline' });
  await expect(palette.dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Timeline' })).toBeVisible();
});

test('a case archive opened from the system opens in the archive’s dialog, read through the host, and imports', async ({ page }) => {
  // The archive: this case's own, exported as in the browser and handed to the stand-in main as a token's file.
  const archive = new ArchivePage(page);
  const saved = await archive.exportCase();
  const token = '0b5b1f5e-8c1e-4f51-9a38-2d7c1d2f4a10';
  const size = await page.evaluate(
    async ({ saved, token }) => {
      const file = await (await (await navigator.storage.getDirectory()).getFileHandle(saved)).getFile();
      (window as unknown as { hostFiles: Map<string, Blob> }).hostFiles.set(token, file);
      return file.size;
    },
    { saved, token },
  );
  await emit(page, 'caseFileOpened', { name: 'Desktop.casebook', size, token, error: null });
  const caseName = `Desktop ${test.info().title.slice(0, 40)}`;
  await expect(archive.openDialog.getByRole('status')).toContainText(`Desktop.casebook holds the case “${caseName}”`);
  await archive.openDialog.getByRole('button', { name: 'Import as a new case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${caseName} (2)` })).toBeVisible({ timeout: 30_000 });

  // A file main could not open says why, and nothing changes.
  await emit(page, 'caseFileOpened', { name: 'Moved.casebook', size: null, token: null, error: 'Moved.casebook could not be opened: it no longer exists.' });
  await expect(page.getByRole('alert').filter({ hasText: 'Moved.casebook' })).toHaveText('Moved.casebook could not be opened: it no longer exists.Dismiss');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Desktop /);
});

test('a source link the system cannot open says why and what to do', async ({ page }) => {
  const workspace = new WorkspacePage(page);
  await workspace.openSection('Documents');
  await page.getByRole('link', { name: 'New document' }).first().click();
  const form = page.getByRole('form', { name: 'New document' });
  await form.getByLabel('Title').fill('Ledger notes');
  await form.getByLabel('Source address (optional)').fill('https://example.org/ledger');
  await form.getByLabel('Text').fill('The ledger went missing.');
  await form.getByRole('button', { name: 'Add document' }).click();

  await new ReaderPage(page).showAllDetails();
  await page.getByLabel('About this document').getByRole('link', { name: 'https://example.org/ledger' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'No program on this computer opened https://example.org/ledger (no handler). Copy the address and open it in your web browser or mail program.Dismiss',
  );
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toBeHidden();
});
