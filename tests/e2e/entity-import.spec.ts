import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { LibraryPage } from './models/library.model';
import { WorkspacePage } from './models/workspace.model';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', name);

test('a list of names becomes entities in one step: pasted, or from a CSV, with every row reported', async ({ page }) => {
  await new LibraryPage(page).goto();
  await new LibraryPage(page).createCase('Saltmere people');
  const workspace = new WorkspacePage(page);
  await workspace.openSection('Entities');

  // Pasted names, one a line, aliases after semicolons: all of the type chosen.
  await page.getByRole('button', { name: 'Import list…' }).click();
  let dialog = page.getByRole('dialog', { name: 'Import a list of entities' });
  await dialog.getByLabel('Names, one a line').fill('Dario Venn; D. Venn\nMarta Kowal');
  await dialog.getByLabel('Type of all of them').selectOption('person');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('status', { name: 'Import report' })).toHaveText('Imported 2 entities from a pasted list.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('link', { name: /^Dario Venn/ })).toBeVisible();

  // A CSV with an unknown type and a row without a name: nothing is added, and each row says why.
  await page.getByRole('button', { name: 'Import list…' }).click();
  dialog = page.getByRole('dialog', { name: 'Import a list of entities' });
  await dialog.getByLabel('A CSV file').check();
  await dialog.getByLabel('CSV file', { exact: true }).setInputFiles(fixture('entities-list-bad.csv'));
  await dialog.getByRole('button', { name: 'Import' }).click();
  const report = dialog.getByRole('status', { name: 'Import report' });
  await expect(report).toContainText('entities-list-bad.csv: Nothing was imported: 2 rows cannot be.');
  await expect(report.getByRole('listitem')).toHaveCount(2);
  await expect(report.getByRole('listitem').first()).toContainText('Row 3: unknown type “wharf”');
  await expect(report.getByRole('listitem').nth(1)).toContainText('Row 4:');

  // A good CSV: its new names are added with their aliases; the one already in the case is skipped, with a link to it.
  await dialog.getByLabel('CSV file', { exact: true }).setInputFiles(fixture('entities-list.csv'));
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(report).toContainText('entities-list.csv: Imported 3 entities from a CSV file; 1 entity already in the case was skipped.');
  await expect(report.getByRole('listitem')).toHaveText(['Row 5: This case already has a person named “Dario Venn”. Skipped. Open it']);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('link', { name: /^Ilse Maren/ }).click();
  await expect(page.getByRole('list', { name: 'Aliases' }).getByRole('listitem')).toHaveText([/^I\. Maren Split off/, /^Ilse M\. Split off/]);
  await workspace.openSection('Overview');
  await expect(workspace.count('entities')).toHaveText('5');
  await expect(page.getByRole('list', { name: 'Recent activity' })).toContainText('Imported 3 entities from a CSV file');
});
