import { expect, test, type Page } from '@playwright/test';
import { EventsPage } from './models/events.model';
import { ExcerptsPage } from './models/excerpts.model';
import { LibraryPage } from './models/library.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';

// Tall enough for the conflicts above the section's list and the event opened beside it.
test.use({ viewport: { width: 1280, height: 1100 }, locale: 'en-GB' });

const GAZETTE_QUOTE = 'On Tuesday, police raided the warehouse on the quay.';
const HERALD_QUOTE = 'Police raided the warehouse earlier this year, the harbour master said.';
const DOCKED_QUOTE = 'The ship docked in July 2019 at the Marlow Quay.';

/** A document with its published date and language, as the dates in its quotes are read against them. */
async function addDocument(page: Page, title: string, text: string, published: string) {
  const reader = new ReaderPage(page);
  await reader.addTextDocument(title, text);
  await reader.editDetails({ Published: published, Language: 'en' });
  await expect(reader.detailsForm).toBeHidden();
}

/** Quotes a document in a new excerpt, then makes an event of it (the excerpt its evidence) with the date given. */
async function eventFromQuote(page: Page, quote: string, document: string, title: string, date: string) {
  await new ExcerptsPage(page).add(quote, document);
  await page.getByRole('article', { name: 'Excerpt' }).getByRole('link', { name: 'New event from excerpt' }).click();
  const events = new EventsPage(page);
  await events.form.getByLabel('What happened').fill(title);
  await events.dateField.fill(date);
  await events.save();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

async function editDate(page: Page, title: string, date: string) {
  const events = new EventsPage(page);
  await new WorkspacePage(page).openSection('Timeline');
  await events.list.getByRole('link', { name: new RegExp(`^${title}`) }).click();
  await page.getByRole('article', { name: title }).getByRole('button', { name: 'Edit' }).click();
  await events.dateField.fill(date);
  await events.save();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

test('events marked as the same happening on different dates, and evidence dated otherwise, are listed with their quotes until the dates agree', async ({
  page,
}) => {
  // A long story through the UI: two documents, three excerpts and events, three edits.
  test.slow();
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase('Warehouse raid');
  await addDocument(page, 'Harbour Gazette', `${GAZETTE_QUOTE} Officers left at noon.`, '2021-03-09');
  await addDocument(page, 'Quay Herald', `${HERALD_QUOTE} ${DOCKED_QUOTE}`, '2021-05-01');
  await eventFromQuote(page, GAZETTE_QUOTE, 'Harbour Gazette', 'Warehouse raid', '9 March 2021');
  await eventFromQuote(page, HERALD_QUOTE, 'Quay Herald', 'Police raid on the quay warehouse', 'April 2021');

  // The Herald's account is marked as the same happening as the Gazette's, picked by its title.
  const herald = page.getByRole('article', { name: 'Police raid on the quay warehouse' });
  const same = herald.getByRole('region', { name: 'Same happening' });
  await same.getByRole('button', { name: 'Same happening as…' }).click();
  await same.getByRole('combobox', { name: 'Same happening as' }).fill('warehouse raid');
  await page.keyboard.press('Enter');
  await expect(same).toContainText('Also recorded as: Warehouse raid (9 March 2021)');
  // …and the Gazette's page names the Herald's.
  await same.getByRole('link', { name: 'Warehouse raid' }).click();
  await expect(page.getByRole('article', { name: 'Warehouse raid', exact: true }).getByRole('region', { name: 'Same happening' })).toContainText(
    'Also recorded as: Police raid on the quay warehouse (April 2021)',
  );

  // Its evidence agrees with the Herald's date ("earlier this year", in an article of May 2021, is 2021).
  await page.getByRole('button', { name: 'Conflicts', exact: true }).click();
  const view = page.getByRole('region', { name: 'Conflicts' });
  await expect(view.getByRole('status')).toHaveText('1 conflict');
  const group = view.getByRole('listitem', { name: /^Same happening, different dates/ });
  await expect(group.getByRole('group', { name: 'Warehouse raid', exact: true })).toContainText('9 March 2021');
  await expect(group.getByRole('group', { name: 'Police raid on the quay warehouse' })).toContainText('April 2021');
  // Each side with its quote, the words that name a date marked, and its document.
  const gazetteSide = group.getByRole('group', { name: 'Warehouse raid', exact: true });
  await expect(gazetteSide.locator('blockquote')).toHaveText(`“${GAZETTE_QUOTE}”`);
  await expect(gazetteSide.locator('mark')).toHaveText('Tuesday');
  await expect(gazetteSide.getByRole('link', { name: 'Harbour Gazette' })).toBeVisible();
  const heraldSide = group.getByRole('group', { name: 'Police raid on the quay warehouse' });
  await expect(heraldSide.locator('blockquote')).toHaveText(`“${HERALD_QUOTE}”`);
  await expect(heraldSide.locator('mark')).toHaveText('this year');

  // An event whose evidence says another year.
  await eventFromQuote(page, DOCKED_QUOTE, 'Quay Herald', 'Ship docks at the Marlow Quay', '2020');
  await expect(view.getByRole('status')).toHaveText('2 conflicts');
  const docked = view.getByRole('listitem', { name: 'Evidence dated otherwise: “Ship docks at the Marlow Quay”' });
  await expect(docked.getByRole('group', { name: 'Ship docks at the Marlow Quay' })).toContainText('2020');
  const evidence = docked.getByRole('group', { name: 'The evidence' });
  await expect(evidence).toContainText('July 2019');
  await expect(evidence.locator('mark')).toHaveText('July 2019');

  // Each side opens its record: the excerpt, and the event.
  await evidence.getByRole('link', { name: 'Open the excerpt' }).click();
  await expect(page.getByRole('article', { name: 'Excerpt' }).locator('blockquote')).toHaveText(DOCKED_QUOTE);
  await new WorkspacePage(page).openSection('Timeline');
  await docked.getByRole('button', { name: 'Ship docks at the Marlow Quay' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ship docks at the Marlow Quay' })).toBeVisible();

  // The dates put right, the conflicts go.
  await editDate(page, 'Ship docks at the Marlow Quay', 'July 2019');
  await expect(view.getByRole('status')).toHaveText('1 conflict');
  await editDate(page, 'Police raid on the quay warehouse', 'March 2021');
  await expect(view.getByRole('status')).toContainText('No conflicts.');
  await expect(view.getByRole('list', { name: 'Conflicts' })).toHaveCount(0);
});

test('an event cannot be the same happening as itself, and “Not the same any more” ends the group', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase('Two accounts');
  const events = new EventsPage(page);
  await events.add('Meeting at the quay', '2021');
  await events.add('Harbour meeting', '2022');
  const same = events.opened.getByRole('region', { name: 'Same happening' });
  await same.getByRole('button', { name: 'Same happening as…' }).click();
  // The event itself is not offered.
  const picker = same.getByRole('combobox', { name: 'Same happening as' });
  await picker.fill('harbour');
  await expect(same.getByRole('option')).toHaveCount(0);
  await picker.fill('2021');
  await expect(same.getByRole('option')).toHaveText(['Meeting at the quay 2021']);
  await same.getByRole('option').click();
  await expect(same).toContainText('Also recorded as: Meeting at the quay (2021)');

  await page.getByRole('button', { name: 'Conflicts', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Conflicts' }).getByRole('status')).toHaveText('1 conflict');

  await same.getByRole('button', { name: 'Not the same any more' }).click();
  await expect(same).toContainText('Not marked as the same happening as another event.');
  await expect(page.getByRole('region', { name: 'Conflicts' }).getByRole('status')).toContainText('No conflicts.');
});
