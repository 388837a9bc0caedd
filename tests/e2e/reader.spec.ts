import { expect, test } from '@playwright/test';
import {
  ARTICLE_LINES,
  CHROME_LINES,
  PASTED_ARTICLE,
} from '../fixtures/pastedArticle';
import { LibraryPage } from './models/library.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';

const LOG = [
  'Harbour master’s log, Vellport.',
  'The Container ship “Nordlys” berthed at 06:00. Zoë Müller signed for the container.',
  'A second CONTAINER was held back by customs; the harbour master noted its seal was broken.',
  'No further entries.',
].join('\n\n');

test.describe('reading a document', () => {
  test.beforeEach(async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.createCase(`Reader ${test.info().title.slice(0, 40)}`);
  });

  test('find counts matches regardless of case and accents, and steps through them', async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.addTextDocument('Harbour log', LOG);

    await reader.body.click();
    await page.keyboard.press('ControlOrMeta+f');
    await expect(reader.findBox).toBeFocused();
    await page.keyboard.type('container');
    await expect(reader.findStatus).toHaveText('1 of 3');
    // "conta", typed on the way, also finds three: the highlights may still be its own for a moment.
    await expect.poll(() => reader.highlighted('casebook-find')).toEqual(['Container', 'container', 'CONTAINER']);
    await expect.poll(() => reader.highlighted('casebook-find-current')).toEqual(['Container']);

    await page.keyboard.press('Enter');
    await expect(reader.findStatus).toHaveText('2 of 3');
    await page.keyboard.press('Enter');
    await expect(reader.findStatus).toHaveText('3 of 3');
    expect(await reader.highlighted('casebook-find-current')).toEqual(['CONTAINER']);
    await page.keyboard.press('Enter');
    await expect(reader.findStatus).toHaveText('1 of 3');
    await page.keyboard.press('Shift+Enter');
    await expect(reader.findStatus).toHaveText('3 of 3');
    await reader.findBar.getByRole('button', { name: 'Previous match' }).click();
    await expect(reader.findStatus).toHaveText('2 of 3');
    await reader.findBar.getByRole('button', { name: 'Next match' }).click();
    await expect(reader.findStatus).toHaveText('3 of 3');

    await reader.findBox.fill('zoe muller');
    await expect(reader.findStatus).toHaveText('1 of 1');
    expect(await reader.highlighted('casebook-find-current')).toEqual(['Zoë Müller']);
    await reader.findBox.fill('harbor');
    await expect(reader.findStatus).toHaveText('No matches');

    await page.keyboard.press('Escape');
    await expect(reader.findBar).toBeHidden();
    expect(await reader.highlighted('casebook-find')).toEqual([]);
  });

  test('a link from search results with ?q= opens the find box on the first match', async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.addTextDocument('Harbour log', LOG);
    await page.goto(`${page.url()}?q=${encodeURIComponent('harbour master')}`);
    await expect(reader.findBox).toHaveValue('harbour master');
    await expect(reader.findStatus).toHaveText('1 of 2');
    expect(await reader.highlighted('casebook-find-current')).toEqual(['Harbour master']);
  });

  test('document details are checked at each field and kept after a reload', async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.addTextDocument('Harbour log', LOG);

    await reader.editDetails({ Published: '2021-02-30', 'Source address': 'harbour log' });
    const published = reader.detailsForm.getByLabel('Published', { exact: true });
    await expect(published).toHaveAttribute('aria-invalid', 'true');
    await expect(reader.detailsForm.getByRole('alert').filter({ hasText: '2021-02-30' })).toHaveText(
      'There is no such date as 2021-02-30: check the month and the day.',
    );
    await expect(reader.detailsForm.getByLabel('Source address', { exact: true })).toHaveAttribute('aria-invalid', 'true');

    await reader.editDetails(
      {
        Title: 'Harbour master’s log, March 2021',
        Authors: 'Ilse Maren; Jan Kos',
        'Source address': 'https://example.org/vellport/log',
        Published: '2021-03',
        Language: 'EN-gb',
        Tags: 'port; customs',
      },
      'Shows the container held back by customs.',
    );
    await expect(reader.detailsForm).toBeHidden();
    await expect(reader.heading).toHaveText('Harbour master’s log, March 2021');

    await page.reload();
    await expect(reader.heading).toHaveText('Harbour master’s log, March 2021');
    await expect(reader.detail('Authors')).toHaveText('Ilse Maren; Jan Kos');
    await expect(reader.detail('Published')).toHaveText('March 2021');
    await expect(reader.detail('Language')).toHaveText('en-GB');
    await expect(reader.detail('Source')).toHaveText('https://example.org/vellport/log');
    await expect(reader.detail('Tags')).toContainText('port');
    await expect(reader.detail('Tags')).toContainText('customs');
    await expect(page.getByRole('region', { name: 'Summary' })).toContainText('Shows the container held back by customs.');

    await new WorkspacePage(page).openSection('Overview');
    await expect(page.getByRole('list', { name: 'Recent activity' })).toContainText(
      'Edited details of “Harbour master’s log, March 2021”',
    );
  });

  test('cleaning up a pasted article removes the site’s chrome and keeps excerpts on their quotes', async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.addTextDocument('Vellport raids (pasted)', PASTED_ARTICLE);
    const quote = 'seized €2.4 million in cash';
    await reader.quoteSelection(quote);
    await expect(page.getByRole('list', { name: 'Excerpts from this document' })).toContainText(quote);
    expect(await reader.highlighted('casebook-excerpt')).toEqual([quote]);

    const dialog = await reader.openCleanup();
    const lines = dialog.getByRole('list', { name: 'Lines of the document' });
    await expect(lines.getByRole('checkbox', { name: 'ADVERTISEMENT' }).first()).toBeChecked();
    await expect(lines.getByRole('checkbox', { name: 'Share this article', exact: true })).toBeChecked();
    await expect(lines.getByRole('checkbox', { name: 'Drug trafficking' })).not.toBeChecked();
    await expect(lines.getByRole('checkbox', { name: ARTICLE_LINES[4]! })).not.toBeChecked();
    // The researcher keeps the site's name, which the proposal took for part of the menu.
    await lines.getByRole('checkbox', { name: 'Continental Wire', exact: true }).uncheck();
    const toRemove = CHROME_LINES.length - 1;
    await expect(dialog.getByRole('status')).toHaveText(`${toRemove} lines of ${CHROME_LINES.length + ARTICLE_LINES.length} to remove`);
    await dialog.getByRole('button', { name: `Remove ${toRemove} lines` }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: `Removed ${toRemove} lines.` })).toBeVisible();

    await expect(reader.body).not.toContainText('ADVERTISEMENT');
    await expect(reader.body).not.toContainText('Share this article');
    await expect(reader.body).not.toContainText('You might also like');
    await expect(reader.body).toContainText('Continental Wire');
    for (const line of ARTICLE_LINES) await expect(reader.body).toContainText(line);
    expect(await reader.highlighted('casebook-excerpt')).toEqual([quote]);

    await reader.find('advertisement');
    await expect(reader.findStatus).toHaveText('No matches');

    // The excerpt's anchor was moved with the text: after a reload it still marks the same words.
    await page.reload();
    await expect(reader.body).toContainText(quote);
    await expect.poll(() => reader.highlighted('casebook-excerpt')).toEqual([quote]);
    await new WorkspacePage(page).openSection('Overview');
    await expect(page.getByRole('list', { name: 'Recent activity' })).toContainText(
      `Cleaned up “Vellport raids (pasted)”: removed ${toRemove} lines`,
    );
  });
});
