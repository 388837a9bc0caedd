import { expect, test } from '@playwright/test';
import { LibraryPage } from './models/library.model';
import { CommandPalettePage } from './models/palette.model';
import { WorkspacePage } from './models/workspace.model';

test.describe('case library', () => {
  test('a new user sees what to do, creates a case and finds it again after a reload', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible();

    await library.createCase('  Harbour   contracts 2024 ');
    const workspace = new WorkspacePage(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Harbour contracts 2024' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Start your case' })).toBeVisible();
    await expect(workspace.count('entities')).toHaveText('0');

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Harbour contracts 2024' })).toBeVisible();
    await page.getByRole('link', { name: '← All cases' }).click();
    await expect(library.caseLink('Harbour contracts 2024')).toBeVisible();
  });

  test('Ctrl+K opens the command palette as soon as the library shows, though its code loads only then', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await expect(page.getByRole('button', { name: /^(New case|Create a case)$/ }).first()).toBeVisible();

    const palette = new CommandPalettePage(page);
    await palette.openWithKeyboard();
    // In the library, the commands that need no case: bringing one in from its archive, and where the cases live.
    await expect(palette.options).toHaveText([/^Open case archive…/, /^Storage and safety of your cases…/]);
    await page.keyboard.press('Escape');
    await expect(palette.dialog).toBeHidden();
  });

  test('bad names get a message at the field and store nothing', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.createCase('Port inquiry');
    await page.getByRole('link', { name: '← All cases' }).click();

    await page.getByRole('button', { name: 'New case' }).click();
    const dialog = page.getByRole('dialog', { name: 'New case' });
    const name = dialog.getByLabel('Case name');
    await dialog.getByRole('button', { name: 'Create case' }).click();
    await expect(dialog.getByText('Case name cannot be empty.')).toBeVisible();
    await expect(name).toHaveAttribute('aria-invalid', 'true');

    await name.fill('x'.repeat(201));
    await dialog.getByRole('button', { name: 'Create case' }).click();
    await expect(dialog.getByText('Case name is too long: at most 200 characters.')).toBeVisible();

    await name.fill('PORT INQUIRY');
    await dialog.getByRole('button', { name: 'Create case' }).click();
    await expect(dialog.getByText('A case named “PORT INQUIRY” already exists. Choose another name.')).toBeVisible();

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(library.cases.getByRole('listitem')).toHaveCount(1);
  });

  test('rename, search by name and delete with confirmation', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    for (const name of ['Shell companies', 'Vessel tracking']) {
      await library.createCase(name);
      await page.getByRole('link', { name: '← All cases' }).click();
    }
    // Most recently changed first.
    await expect(library.cases.getByRole('link')).toHaveText(['Vessel tracking', 'Shell companies']);

    await page.getByRole('button', { name: 'Rename Shell companies' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename or describe case' });
    await dialog.getByLabel('Case name').fill('Shell companies (Cyprus)');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(library.cases.getByRole('link')).toHaveText(['Shell companies (Cyprus)', 'Vessel tracking']);

    await page.getByLabel('Search cases by name').fill('vessel');
    await expect(library.cases.getByRole('link')).toHaveText(['Vessel tracking']);
    await page.getByLabel('Search cases by name').fill('');

    await page.getByRole('button', { name: 'Delete Vessel tracking' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Vessel tracking”?' });
    await expect(confirm).toContainText('0 documents, 0 excerpts, 0 entities');
    await confirm.getByRole('button', { name: 'Delete case' }).click();
    await expect(library.cases.getByRole('link')).toHaveText(['Shell companies (Cyprus)']);
    await page.reload();
    await expect(library.cases.getByRole('link')).toHaveText(['Shell companies (Cyprus)']);
  });
});
