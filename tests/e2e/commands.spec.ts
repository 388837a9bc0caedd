import { expect, test } from '@playwright/test';
import { DocumentsPage, fixture } from './models/documents.model';
import { LibraryPage } from './models/library.model';
import { CommandPalettePage } from './models/palette.model';
import { ReaderPage } from './models/reader.model';

test.beforeEach(async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase(`Commands ${test.info().title.slice(0, 40)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Commands /);
});

test('the palette opens with Ctrl+K, filters as one types, and runs the chosen command', async ({ page }) => {
  const palette = new CommandPalettePage(page);
  await palette.openWithKeyboard();

  // Only what can run here is offered: no document is open, so there is nothing to find in.
  const offered = await palette.labels();
  expect(offered).toContain('Import files');
  expect(offered).toContain('Go to Entities');
  expect(offered).not.toContain('Find in document');
  expect(offered).not.toContain('Show all commands');
  await expect(palette.option('Go to Entities')).toContainText('Alt+4');
  await expect(palette.option('Import files')).toContainText('Ctrl+O');

  // Case and accents do not matter; every word typed must appear.
  await palette.filterBox.fill('ÉNTIT');
  expect(await palette.labels()).toEqual(['New entity', 'Export entities as FollowTheMoney…', 'Go to Entities', 'Entity types…']);
  await expect(palette.status).toHaveText('4 commands');
  await expect(palette.option('New entity')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(palette.option('Export entities as FollowTheMoney…')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(palette.option('Go to Entities')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(palette.option('New entity')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(palette.option('Entity types…')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');

  await expect(palette.dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Entities' })).toBeVisible();
  await expect(page.locator('#main')).toBeFocused();
});

test('the palette says when nothing matches, closes with Escape and gives the focus back', async ({ page }) => {
  const palette = new CommandPalettePage(page);
  const button = page.getByRole('button', { name: /^All commands/ });
  // Shown where people look, with its shortcut.
  await expect(button).toContainText('Ctrl+K');
  await expect(button).toHaveAttribute('aria-keyshortcuts', 'Control+K');
  await button.click();
  await expect(palette.dialog).toBeVisible();

  await palette.filterBox.fill('go timeline');
  expect(await palette.labels()).toEqual(['Go to Timeline']);
  await palette.filterBox.fill('harpoon');
  await expect(palette.options).toHaveCount(0);
  await expect(palette.status).toHaveText('No command matches “harpoon”.');

  await page.keyboard.press('Escape');
  await expect(palette.dialog).toBeHidden();
  await expect(button).toBeFocused();

  // A click beside it closes it too; one inside it does not.
  await palette.openWithKeyboard();
  await palette.dialog.click({ position: { x: 3, y: 3 } });
  await expect(palette.dialog).toBeVisible();
  await page.mouse.click(5, 5);
  await expect(palette.dialog).toBeHidden();
});

test('the shortcuts run the same commands: sections, find in document, import files', async ({ page }) => {
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { level: 1, name: 'Entities' })).toBeVisible();
  // From inside a text field too, as before: Alt and a digit types nothing.
  const filter = page.getByRole('searchbox', { name: 'Filter entities by name or alias' });
  await filter.focus();
  await expect(filter).toBeFocused();
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { level: 1, name: 'Timeline' })).toBeVisible();

  // Ctrl+F means nothing to Casebook until a document is open; from the palette it opens the find bar.
  const reader = new ReaderPage(page);
  await reader.addTextDocument('Harbour log', 'The container left the quay at dawn.');
  await new CommandPalettePage(page).openWithKeyboard();
  await new CommandPalettePage(page).run('find in doc');
  await expect(reader.findBox).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(reader.findBar).toBeHidden();
  await reader.body.click();
  await page.keyboard.press('ControlOrMeta+f');
  await expect(reader.findBox).toBeFocused();

  // Ctrl+O opens the file dialog from anywhere in the case, and the Documents section shows the import.
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Commands /);
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('ControlOrMeta+o');
  await (await chooser).setFiles(fixture('report.md'));
  const documents = new DocumentsPage(page);
  await expect(documents.report).toContainText('Import finished: 1 imported');
  await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
});

test('buttons show their command’s shortcut', async ({ page }) => {
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('button', { name: 'Import files' })).toHaveAttribute('title', 'Import files (Ctrl+O)');
  await expect(page.getByRole('navigation', { name: 'Case sections' }).getByRole('link', { name: /^Notes/ })).toHaveAttribute(
    'title',
    'Go to Notes (Alt+6)',
  );
});
