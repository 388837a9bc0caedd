import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { LibraryPage } from './models/library.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';
import { ExcerptsPage } from './models/excerpts.model';

/** A short harbour log written for these tests: one line of gossip the researcher takes out with Clean up. */
const LOG = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'harbour-log.txt'), 'utf8').trim();
const KEPT = 'unloaded at night by a crew nobody at the quay knew';
const GOSSIP_LINE = 'Quay gossip: the crew came from the Rosa, the night watchman says.';
const GOSSIP = 'the crew came from the Rosa';
const PASSAGE = 'signed the manifest at dawn';

test.describe('excerpts keep to their document', () => {
  test('a clean-up that loses a quote lists the excerpt, which is re-attached by selecting the passage again', async ({ page }) => {
    await new LibraryPage(page).goto();
    await new LibraryPage(page).createCase('Rosa crates');
    const reader = new ReaderPage(page);
    await reader.addTextDocument('Harbour log', LOG);
    await reader.quoteSelection(KEPT);
    await reader.quoteSelection(GOSSIP);

    const dialog = await reader.openCleanup();
    const gossip = dialog.getByRole('list', { name: 'Lines of the document' }).getByRole('checkbox', { name: GOSSIP_LINE });
    await gossip.check();
    await expect(dialog.getByRole('alert')).toContainText(`“${GOSSIP}”`);
    await dialog.getByRole('button', { name: /^Remove \d+ lines?$/ }).click();
    await expect(dialog).toBeHidden();

    // The reader lists the excerpt it can no longer find, and says so beside it in the document's excerpts.
    const lost = page.getByRole('alert', { name: 'Excerpts not found' });
    await expect(lost).toContainText('1 excerpt can no longer be found in the new text:');
    const excerpts = page.getByRole('list', { name: 'Excerpts from this document' });
    await expect(excerpts.getByRole('listitem').filter({ hasText: GOSSIP })).toContainText(
      'cannot find this quote in the document any more',
    );
    await expect(excerpts.getByRole('listitem').filter({ hasText: KEPT })).not.toContainText('cannot find');
    await expect.poll(() => reader.highlighted('casebook-excerpt')).toEqual([KEPT]);

    // The excerpt says it is lost, and Re-attach opens the document to select its passage again.
    await lost.getByRole('link', { name: GOSSIP }).click();
    const warning = page.getByRole('note', { name: 'Quote not found' });
    await expect(warning).toContainText('cannot find this quote in the document any more');
    await warning.getByRole('link', { name: 'Re-attach' }).click();
    const bar = page.getByRole('region', { name: 'Re-attach excerpt' });
    await expect(bar).toContainText('Select the passage this excerpt quotes, then Re-attach');

    // Nothing selected: the bar says what to do, where the researcher is looking.
    await bar.getByRole('button', { name: 'Re-attach' }).click();
    await expect(bar.getByRole('alert')).toHaveText('Select the words this excerpt quotes in the text first.');

    await reader.select(PASSAGE);
    await bar.getByRole('button', { name: 'Re-attach' }).click();
    const excerpt = page.getByRole('article', { name: 'Excerpt' });
    await expect(excerpt.locator('blockquote')).toHaveText(PASSAGE);
    await expect(page.getByRole('note', { name: 'Quote not found' })).toBeHidden();

    // The quote is the document's words: the form shows it read-only, and how to change it.
    await excerpt.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit excerpt' });
    await expect(form.getByRole('textbox', { name: 'Quote' })).toHaveAttribute('readonly', '');
    await expect(form).toContainText('select the passage again to change it');
    await form.getByRole('button', { name: 'Cancel' }).click();

    // Stored: after a reload the document highlights both passages, and the history says what was done.
    await page.reload();
    await expect(excerpt.locator('blockquote')).toHaveText(PASSAGE);
    await reader.open('Harbour log');
    await expect.poll(async () => (await reader.highlighted('casebook-excerpt')).sort()).toEqual([PASSAGE, KEPT].sort());
    await new WorkspacePage(page).openSection('Overview');
    await expect(page.getByRole('list', { name: 'Recent activity' })).toContainText(
      `Re-attached excerpt “${PASSAGE}” to its passage in “Harbour log”`,
    );
  });

  test('a quote typed in the excerpt form must be the document’s own words', async ({ page }) => {
    await new LibraryPage(page).goto();
    await new LibraryPage(page).createCase('Rosa paraphrase');
    await new ReaderPage(page).addTextDocument('Harbour log', LOG);

    const excerpts = new ExcerptsPage(page);
    await excerpts.open();
    await page.getByRole('link', { name: 'New excerpt' }).first().click();
    const form = page.getByRole('form', { name: 'New excerpt' });
    const quote = form.getByRole('textbox', { name: 'Quote' });
    await quote.fill('The manifest was signed at dawn');
    await form.getByLabel('Source document').selectOption({ label: 'Harbour log' });
    await form.getByRole('button', { name: 'Add excerpt' }).click();
    await expect(form.getByRole('alert')).toHaveText(
      '“Harbour log” does not say “The manifest was signed at dawn”: a quote is the document’s own words, word for word. Select the passage in the document and mark it, or put a paraphrase in the comment.',
    );
    await expect(quote).toHaveAttribute('aria-invalid', 'true');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect(excerpts.rows).toHaveCount(0);

    // The same words as the log has them are taken, and found in it.
    await page.getByRole('link', { name: 'New excerpt' }).first().click();
    await quote.fill(PASSAGE);
    await form.getByLabel('Source document').selectOption({ label: 'Harbour log' });
    await form.getByRole('button', { name: 'Add excerpt' }).click();
    await expect(excerpts.opened.locator('blockquote')).toHaveText(PASSAGE);
  });

  test('deleting a document asks what happens to its excerpts: deleted with it, or kept as detached quotes', async ({ page }) => {
    await new LibraryPage(page).goto();
    await new LibraryPage(page).createCase('Rosa deletions');
    const workspace = new WorkspacePage(page);
    const reader = new ReaderPage(page);

    await reader.addTextDocument('First log', LOG);
    await reader.quoteSelection(KEPT);
    await reader.quoteSelection(PASSAGE);
    let dialog = await workspace.askToDelete('document');
    await expect(dialog).toContainText('This document has 2 excerpts. What happens to them?');
    await expect(dialog.getByRole('radio', { name: 'Delete them too' })).toBeChecked();
    await expect(dialog).toContainText('Its 2 excerpts will be deleted with it.');
    await dialog.getByRole('button', { name: 'Delete document' }).click();
    await expect(dialog).toBeHidden();
    await workspace.openSection('Overview');
    await expect(workspace.count('excerpts')).toHaveText('0');

    await reader.addTextDocument('Second log', LOG);
    await reader.quoteSelection(KEPT);
    dialog = await workspace.askToDelete('document');
    await expect(dialog).toContainText('This document has 1 excerpt. What happens to it?');
    await dialog.getByRole('radio', { name: 'Keep it as detached quotes, with the document’s citation' }).check();
    await dialog.getByRole('button', { name: 'Delete document' }).click();
    await expect(dialog).toBeHidden();

    await workspace.openSection('Overview');
    await expect(workspace.count('documents')).toHaveText('0');
    await expect(workspace.count('excerpts')).toHaveText('1');
    await expect(page.getByRole('list', { name: 'Recent activity' })).toContainText(
      'Deleted document “Second log”, keeping its excerpt as detached quotes',
    );
    await workspace.openSection('Excerpts');
    await new ExcerptsPage(page).row(KEPT).click();
    const excerpt = page.getByRole('article', { name: 'Excerpt' });
    await expect(excerpt.locator('blockquote')).toHaveText(KEPT);
    await expect(excerpt).toContainText('From “Second log”');
    await expect(excerpt).toContainText('(source deleted)');
  });
});
