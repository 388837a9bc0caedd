import { expect, test, type Page } from '@playwright/test';
import { LibraryPage } from './models/library.model';
import { WorkspacePage } from './models/workspace.model';

const linkForm = (page: Page) => page.getByRole('form', { name: 'Add a link' });

test.describe('finding a record to link', () => {
  test('words of an excerpt’s quote find it, and the link reads both ways', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.openSample();
    const workspace = new WorkspacePage(page);
    await workspace.openSection('Entities');
    await workspace.list('Entities').getByRole('link', { name: /Dario Venn/ }).click();

    const form = linkForm(page);
    await form.getByLabel('Record type').selectOption('excerpt');
    // Words from the middle of the quote, not the start of its title.
    await form.getByLabel('Find a record to link').fill('able to read messages');
    const target = form.getByLabel('Record to link', { exact: true });
    // Records of the chosen type come first; the documents that hold the same words follow.
    await expect(target.locator('optgroup').first()).toHaveAttribute('label', 'Excerpts');
    await expect(target.locator('option').first()).toHaveText(/^From June 2022 investigators were able to read/);
    await expect(target.locator('optgroup[label="Documents"] option')).not.toHaveCount(0);
    await expect(form.getByLabel('Link kind')).toHaveValue('inverse:mentions');
    await form.getByRole('button', { name: 'Add link' }).click();

    // The entity's page lists the excerpts that mention it together.
    const links = page.getByRole('list', { name: 'Excerpts', exact: true });
    await expect(links.getByRole('listitem').filter({ hasText: 'From June 2022 investigators' })).toContainText(/^mentioned in/);
    await links.getByRole('link', { name: /^“From June 2022 investigators/ }).click();
    await expect(page.getByRole('list', { name: 'Links' }).getByRole('listitem').filter({ hasText: 'Dario Venn' })).toContainText(
      'mentions',
    );
  });

  test('names are found whatever their accents, by alias too, and an empty search says so', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.createCase('Harbour accents');
    const workspace = new WorkspacePage(page);
    await workspace.addEntity('Frédéric Łódź', 'person', 'The Notary');
    await expect(page.getByRole('heading', { level: 2, name: 'Frédéric Łódź' })).toBeVisible();
    await workspace.addEntity('Marta Kowal', 'person');
    await expect(page.getByRole('heading', { level: 2, name: 'Marta Kowal' })).toBeVisible();

    const form = linkForm(page);
    const finder = form.getByLabel('Find a record to link');
    const target = form.getByLabel('Record to link', { exact: true });
    await finder.fill('Frederic Lodz');
    await expect(target.locator('option')).toHaveText(['Frédéric Łódź']);
    await finder.fill('notary');
    await expect(target.locator('option')).toHaveText(['Frédéric Łódź']);
    await finder.fill('Encrochat');
    await expect(form.getByRole('alert')).toHaveText('Nothing in this case matches “Encrochat”.');
    await expect(target.locator('option')).toHaveCount(0);
    await expect(form.getByRole('button', { name: 'Add link' })).toBeDisabled();

    // The entity list's own filter folds accents too.
    const filter = page.getByLabel('Filter entities by name or alias');
    await filter.fill('lodz');
    await expect(workspace.list('Entities').getByRole('link')).toHaveText([/Frédéric Łódź/]);
  });
});
