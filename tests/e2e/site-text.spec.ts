import { expect, test } from '@playwright/test';
import { DocumentsPage } from './models/documents.model';
import { LibraryPage } from './models/library.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';

/** A regional paper's saved page: a section label, byline and reading time above the article, an author box below. */
const PAGE = 'articles/en-dredging-audit.regional.html';
const FILE = 'en-dredging-audit.regional.html';
const TITLE = 'Council contractor was paid twice for the same dredging, audit finds';
const QUOTE = 'paid a dredging contractor twice';
const BIO = 'Tom Ashby is the local government correspondent of the Saltmere Gazette.';

test.describe('site text removed at import', () => {
  test('a saved page arrives without its site text, which the review can put back and undo can restore, the excerpt on its quote throughout', async ({
    page,
  }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.createCase('Saltmere dredging');
    await new WorkspacePage(page).openSection('Documents');
    const documents = new DocumentsPage(page);
    await documents.importFiles(PAGE);
    await expect(documents.report).toContainText('1 imported');
    await documents.reportLine(FILE).getByRole('link').click();
    const reader = new ReaderPage(page);
    await expect(page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();

    // The note says how much went, and the page's chrome is not in the text.
    const note = reader.siteTextNote;
    await expect(note).toContainText(/^\d+ lines of site text removed:/);
    const removedAtImport = Number((await note.textContent())!.match(/^(\d+)/)![1]);
    expect(removedAtImport).toBeGreaterThanOrEqual(4);
    await expect(reader.body).toContainText('Saltmere council paid a dredging contractor twice');
    for (const chrome of ['About the author', BIO, '4 min read', 'Investigations'])
      await expect(reader.body).not.toContainText(chrome);

    await reader.quoteSelection(QUOTE);
    await expect.poll(() => reader.highlighted('casebook-excerpt')).toEqual([QUOTE]);

    // The review lists each removed line with its reason; one is put back.
    const review = await reader.openReview();
    const removed = review.getByRole('list', { name: 'Lines removed' }).getByRole('listitem');
    await expect(removed).toHaveCount(removedAtImport);
    await expect(removed.filter({ hasText: 'About the author' })).toContainText('Author box');
    await expect(removed.filter({ hasText: '4 min read' })).toContainText('Byline and date');
    await removed.filter({ hasText: BIO }).getByRole('button', { name: 'Put back' }).click();
    await expect(review.getByRole('status')).toHaveText(`Put back “${BIO}”.`);
    await expect(removed).toHaveCount(removedAtImport - 1);
    await review.getByRole('button', { name: 'Close' }).click();
    await expect(review).toBeHidden();

    await expect(reader.body).toContainText(BIO);
    await expect(note).toContainText(`${removedAtImport - 1} lines of site text removed:`);
    await expect.poll(() => reader.highlighted('casebook-excerpt')).toEqual([QUOTE]);

    // Undo takes the line out again, then undoes the clean-up at import: the text as extracted, chrome and all.
    await note.getByRole('button', { name: 'Undo: put back 1 line' }).click();
    await expect(reader.body).not.toContainText(BIO);
    await expect(note).toContainText(`${removedAtImport} lines of site text removed:`);
    await expect.poll(() => reader.highlighted('casebook-excerpt')).toEqual([QUOTE]);

    await note.getByRole('button', { name: `Undo: removed ${removedAtImport} lines of site text at import` }).click();
    await expect(page.getByRole('status').filter({ hasText: `Undid: removed ${removedAtImport} lines of site text at import.` })).toBeVisible();
    await expect(reader.siteTextNote).toBeHidden();
    await expect(reader.body).toContainText('About the author');
    await expect(reader.body).toContainText(BIO);
    await expect.poll(() => reader.highlighted('casebook-excerpt')).toEqual([QUOTE]);
    const excerpts = page.getByRole('list', { name: 'Excerpts from this document' });
    await expect(excerpts).toContainText(QUOTE);
    await expect(excerpts).not.toContainText('not located in the text');

    // Stored, not just shown: after a reload the excerpt still marks its words, and the history says what was done.
    await page.reload();
    await expect(reader.body).toContainText('About the author');
    await expect.poll(() => reader.highlighted('casebook-excerpt')).toEqual([QUOTE]);
    await new WorkspacePage(page).openSection('Overview');
    const activity = page.getByRole('list', { name: 'Recent activity' });
    await expect(activity).toContainText(`Undid “Removed ${removedAtImport} lines of site text at import” in “${TITLE}”`);
    await expect(activity).toContainText(`Put back 1 line in “${TITLE}”`);
  });

  test('Clean up on a saved page starts from what the import removed, and removes a line it missed', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.createCase('Saltmere dredging, by hand');
    await new WorkspacePage(page).openSection('Documents');
    const documents = new DocumentsPage(page);
    await documents.importFiles(PAGE);
    await documents.reportLine(FILE).getByRole('link').click();
    const reader = new ReaderPage(page);
    await expect(page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();
    const removedAtImport = Number((await reader.siteTextNote.textContent())!.match(/^(\d+)/)![1]);

    const dialog = await reader.openCleanup();
    const lines = dialog.getByRole('list', { name: 'Lines of the document' });
    await expect(lines.getByRole('checkbox', { name: 'About the author' })).toBeChecked();
    const last = 'The audit recommends that no invoice above £50,000 be paid without the signatures of two officers, and that the harbour committee publish its minutes within a month of each meeting.';
    await expect(lines.getByRole('checkbox', { name: last })).not.toBeChecked();
    await lines.getByRole('checkbox', { name: last }).check();
    await dialog.getByRole('button', { name: 'Save the clean-up' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Removed 1 line.' })).toBeVisible();
    await expect(reader.body).not.toContainText(last);
    await expect(reader.siteTextNote).toContainText(`${removedAtImport + 1} lines of site text removed:`);
  });
});
