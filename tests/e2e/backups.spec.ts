import { expect, test, type Page } from '@playwright/test';
import { withDesktopBridge } from './models/desktopBridge';
import { LibraryPage } from './models/library.model';
import { CommandPalettePage } from './models/palette.model';

/**
 * The desktop app's backups, as its renderer makes and restores them, against a stand-in main process
 * (`withDesktopBridge`) whose backups folder outlives reloads, and the real IndexedDB. Main's own part (the folder, the
 * names, what is kept) is tested in electron/main/services.
 */
test.beforeEach(async ({ page }) => withDesktopBridge(page));

/** What the stand-in main holds: its backups' list and the library's marker. */
const standIn = (page: Page) =>
  page.evaluate(() => ({
    backups: JSON.parse(localStorage.getItem('standin.backups') ?? '[]') as { caseName: string; reason: string }[],
    library: JSON.parse(localStorage.getItem('standin.library') ?? 'null') as { caseCount: number } | null,
  }));

async function openBackups(page: Page) {
  const palette = new CommandPalettePage(page);
  await palette.openWithKeyboard();
  await palette.run('Restore from backup');
  return page.getByRole('dialog', { name: 'Restore from backup' });
}

test('a case is backed up in the background after it changes, listed with its time and size, and restored from there', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase('Harbour charter');
  await expect(page.getByRole('heading', { level: 1, name: 'Harbour charter' })).toBeVisible();
  // Nothing to do for the researcher: the backup arrives by itself.
  await expect.poll(async () => (await standIn(page)).backups.map(({ caseName, reason }) => `${caseName}: ${reason}`), { timeout: 60_000 }).toEqual([
    'Harbour charter: changes',
  ]);
  await expect.poll(async () => (await standIn(page)).library).toEqual({ caseCount: 1, notedAt: expect.any(String) });

  const dialog = await openBackups(page);
  const list = dialog.getByRole('table', { name: 'Harbour charter' });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list.getByRole('row').nth(1)).toContainText(/\d+ KB/);
  await expect(dialog).toContainText('Backups are kept in /home/researcher/.config/Casebook/Backups.');

  // The settings: kept by the host.
  const settings = dialog.getByRole('form', { name: 'Backup settings' });
  await settings.getByLabel('Keep the last').fill('5');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Backup settings saved.');
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('standin.settings')!))).toMatchObject({ keepLast: 5, minutesBetween: 60 });

  // Restoring: the archive's own dialog, read through the host, puts the case back as the backup has it.
  await list.getByRole('button', { name: /^Restore “Harbour charter” as of / }).click();
  const restore = page.getByRole('dialog', { name: 'Restore from backup' });
  await expect(restore.getByRole('status')).toContainText('holds the case “Harbour charter”');
  await restore.getByRole('button', { name: 'Replace “Harbour charter”…' }).click();
  await restore.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Restored “Harbour charter” from Harbour charter .+\.casebook\./ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Harbour charter' })).toBeVisible();
});

test('a library emptied behind Casebook’s back, while backups exist, is offered their restore instead of starting fresh', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase('Quay roster');
  await expect(page.getByRole('heading', { level: 1, name: 'Quay roster' })).toBeVisible();
  await expect.poll(async () => (await standIn(page)).backups.length, { timeout: 60_000 }).toBe(1);
  await expect.poll(async () => (await standIn(page)).library?.caseCount).toBe(1);

  // The browser's storage cleared (a profile reset, a clean-up tool): the database is gone, the backups are not.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('casebook');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );
  await page.reload();

  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  await expect(dialog.getByRole('alert')).toContainText('Your library is empty, but it held 1 case when Casebook last saw it');
  await dialog.getByRole('button', { name: 'Restore the newest backup of every case' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Restored 1 of 1 case.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(library.caseLink('Quay roster')).toBeVisible();
  await expect.poll(async () => (await standIn(page)).library?.caseCount).toBe(1);

  // Emptied again, and this time the researcher chooses to start afresh: not asked again.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        indexedDB.deleteDatabase('casebook').onsuccess = () => resolve();
      }),
  );
  await page.reload();
  await dialog.getByRole('button', { name: 'Start with an empty library' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await standIn(page)).library?.caseCount).toBe(0);
  await page.reload();
  await expect(page.getByRole('button', { name: /New case|Create a case/ }).first()).toBeVisible();
  await expect(dialog).toBeHidden();
});
