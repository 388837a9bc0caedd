import { expect, test } from '@playwright/test';
import { LibraryPage } from './models/library.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';

test('a full disk is explained in words, nothing half-written is kept, and what was there is intact', async ({ page, baseURL }) => {
  test.slow();
  // Give this origin a small storage quota before it first stores anything, as a nearly full disk would:
  // room for a case and a short document, not for a 1 MB transcript.
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(baseURL!).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 500_000 });

  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase('Quota case');
  const workspace = new WorkspacePage(page);
  const reader = new ReaderPage(page);
  await reader.addTextDocument('Harbour log', 'The pilot boat left berth 4 at 06:10 with two crew.');

  await workspace.openSection('Documents');
  await page.getByRole('link', { name: 'New document' }).first().click();
  const form = page.getByRole('form', { name: 'New document' });
  await form.getByLabel('Title').fill('Large transcript');
  await form.getByLabel('Text').fill('word '.repeat(200_000));
  await form.getByRole('button', { name: 'Add document' }).click();
  await expect(form.getByRole('alert')).toContainText('The disk is full, or the storage this app may use is used up');
  // Leaving a form with unsaved changes would ask first; the researcher gives this one up.
  await form.getByRole('button', { name: 'Cancel' }).click();

  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await workspace.openSection('Overview');
  await expect(workspace.count('documents')).toHaveText('1');
  await expect(page.getByRole('list', { name: 'Recent activity' })).not.toContainText('Large transcript');
  // The document stored before the disk filled up reads as it was written, after a reload too.
  await page.reload();
  await reader.open('Harbour log');
  await expect(page.getByRole('article')).toContainText('The pilot boat left berth 4 at 06:10 with two crew.');
});

test('an upgrade in another tab is explained instead of failing silently', async ({ page, context }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase('Two windows');

  // A second tab opens the library with a newer schema version, as a newer Casebook would.
  const other = await context.newPage();
  await other.goto('/');
  await other.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('casebook', 1000);
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
  );
  await expect(page.getByRole('alert')).toContainText('Casebook was updated in another window. Reload this window');
});
