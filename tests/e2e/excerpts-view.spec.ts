import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { CodebookPage } from './models/codebook.model';
import { DocumentsPage } from './models/documents.model';
import { ExcerptsPage } from './models/excerpts.model';
import { LibraryPage } from './models/library.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';

const RAID = 'The raid began at dawn on the quay.';
const PAYMENTS = 'Payments followed in March through the chandlery.';
const LEDGER = 'Nobody signed the ledger.';
const LOG = 'Harbour master’s log';

test.describe('the excerpts view', () => {
  test('filters by a parent tag (with its sub-tags) and by entity, sorts, and tags, links and deletes many at once', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.createCase('Harbour audit');
    await new ReaderPage(page).addTextDocument(LOG, `${RAID} ${PAYMENTS} ${LEDGER}`);
    const excerpts = new ExcerptsPage(page);
    await excerpts.open();
    const codebook = new CodebookPage(page);
    await codebook.open();
    await codebook.addTag('Evidence');
    await codebook.addTag('Raids', 'Evidence');
    await codebook.addTag('People');
    for (const quote of [RAID, PAYMENTS, LEDGER]) await excerpts.add(quote, LOG);
    await new WorkspacePage(page).addEntity('Marta Kowal');
    await excerpts.open();
    await expect(excerpts.rows).toHaveCount(3);

    // A click picks one row (and opens it); the batch bar acts on what is selected.
    await excerpts.row(RAID).click();
    await expect(excerpts.opened.locator('blockquote')).toHaveText(RAID);
    await excerpts.tagSelected('Evidence › Raids');
    await expect(excerpts.batch.getByRole('status')).toHaveText('Tagged 1 excerpt.');
    await expect(excerpts.row(RAID).locator('.tag')).toHaveText('Evidence › Raids');
    await excerpts.row(PAYMENTS).click();
    await excerpts.tagSelected('People');
    await excerpts.linkSelected('Marta Kowal');
    await expect(excerpts.batch.getByRole('status')).toHaveText('Linked 1 excerpt.');
    await expect(excerpts.row(PAYMENTS).locator('.col-links')).toHaveText('Marta Kowal');

    // The parent tag takes in its sub-tag's excerpt.
    await excerpts.filterBy('tag', 'Evidence');
    await expect(excerpts.quotes()).toHaveText([RAID]);
    await excerpts.filterBy('tag', 'People');
    await expect(excerpts.quotes()).toHaveText([PAYMENTS]);
    await excerpts.filterBy('tag', null);
    await excerpts.filterBy('entity', 'Marta Kowal');
    await expect(excerpts.quotes()).toHaveText([PAYMENTS]);
    await excerpts.filterBy('entity', null);
    await page.getByLabel('Filter excerpts by words').fill('CHANDLERY');
    await expect(excerpts.quotes()).toHaveText([PAYMENTS]);
    await page.getByLabel('Filter excerpts by words').fill('');

    // Sorting by a column, both ways.
    const quoteHeader = excerpts.grid.getByRole('columnheader', { name: 'Quote' });
    await quoteHeader.getByRole('button').click();
    await expect(quoteHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(excerpts.quotes()).toHaveText([LEDGER, PAYMENTS, RAID]);
    await quoteHeader.getByRole('button').click();
    await expect(quoteHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(excerpts.quotes()).toHaveText([RAID, PAYMENTS, LEDGER]);

    // The keyboard: Escape clears the selection, Space picks, Shift+Down extends, Ctrl+A takes all.
    await excerpts.grid.focus();
    await page.keyboard.press('Escape');
    await expect(excerpts.batch).toBeHidden();
    await page.keyboard.press('Home');
    await page.keyboard.press('Space');
    await expect(excerpts.batch).toContainText('1 excerpt selected');
    await page.keyboard.press('Shift+ArrowDown');
    await expect(excerpts.batch).toContainText('2 excerpts selected');
    await expect(excerpts.row(RAID)).toHaveAttribute('aria-selected', 'true');
    await expect(excerpts.row(PAYMENTS)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ControlOrMeta+a');
    await expect(excerpts.batch).toContainText('3 excerpts selected');
    await excerpts.tagSelected('People');
    await expect(excerpts.batch.getByRole('status')).toHaveText('Tagged 2 excerpts.');
    await excerpts.filterBy('tag', 'People');
    await expect(excerpts.rows).toHaveCount(3);
    // A tag given by mistake comes off the same way; what was done stays said as the rows leave the tag's filter.
    await excerpts.row(LEDGER).click();
    await page.keyboard.press('ControlOrMeta+a');
    await expect(excerpts.batch).toContainText('3 excerpts selected');
    await excerpts.untagSelected('People');
    await expect(excerpts.rows).toHaveCount(0);
    await expect(excerpts.batch.getByRole('status')).toHaveText('Removed the tag from 3 excerpts.');
    await excerpts.filterBy('tag', null);
    await expect(excerpts.row(RAID).locator('.tag')).toHaveText('Evidence › Raids');

    // The mouse: a click, then Ctrl-click, then delete both in one go.
    await excerpts.row(RAID).click();
    await excerpts.row(LEDGER).click({ modifiers: ['ControlOrMeta'] });
    await expect(excerpts.batch).toContainText('2 excerpts selected');
    await excerpts.batch.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete 2 excerpts?' });
    await dialog.getByRole('button', { name: 'Delete 2 excerpts' }).click();
    await expect(excerpts.quotes()).toHaveText([PAYMENTS]);
    await new WorkspacePage(page).openSection('Overview');
    await expect(page.getByRole('list', { name: 'Recent activity' })).toContainText('Deleted 2 excerpts');
  });

  test('an excerpt of a PDF is cited, copied with its citation, exported as CSV, and goes to its passage on its page', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const library = new LibraryPage(page);
    await library.goto();
    await library.createCase('Harbour dues');
    await new WorkspacePage(page).openSection('Documents');
    await new DocumentsPage(page).importFiles('three-page-report.pdf');
    const quote = 'Two invoices from the chandlery were paid twice in the spring of 2021.';
    const excerpts = new ExcerptsPage(page);
    await excerpts.add(quote, 'Harbour Dues Audit 2022');

    const citation = excerpts.opened.getByLabel('Citation');
    await expect(citation).toContainText(/^Office of the Port Examiner\. Harbour Dues Audit 2022\. .*p\. 2\. Accessed \d+ \w+ \d{4}\.$/);
    const cited = (await citation.textContent())!;

    await excerpts.opened.getByRole('button', { name: 'Copy citation' }).click();
    await expect(excerpts.opened.getByRole('status')).toHaveText('Copied the quote with its citation.');
    const clipboard = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return { text: await (await item!.getType('text/plain')).text(), html: await (await item!.getType('text/html')).text() };
    });
    expect(clipboard.text).toBe(`“${quote}”\n${cited}`);
    expect(clipboard.html).toContain(`<blockquote>${quote}</blockquote>`);
    expect(clipboard.html).toContain('<cite>Harbour Dues Audit 2022.</cite>');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = await readFile(await (await download).path(), 'utf8');
    const [header, row] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, '')).data;
    expect(header!.slice(0, 4)).toEqual(['Quote', 'Citation', 'Source', 'Page']);
    expect(row!.slice(0, 4)).toEqual([quote, cited, 'Harbour Dues Audit 2022', '2']);

    await excerpts.opened.getByRole('link', { name: 'Go to source' }).click();
    await expect(page).toHaveURL(/documents\/[^?]+\?excerpt=[^&]+&page=2$/);
    // The passage is marked, on page 2, and scrolled into the reader's view.
    await expect.poll(() => new ReaderPage(page).sourceTarget()).toEqual({ text: quote, page: 2, inView: true });
  });
});
