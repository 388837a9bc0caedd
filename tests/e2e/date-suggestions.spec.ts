import { expect, test } from '@playwright/test';
import { DatesPanel } from './models/dates.model';
import { DocumentsPage } from './models/documents.model';
import { EventsPage } from './models/events.model';
import { ExcerptsPage } from './models/excerpts.model';
import { LibraryPage } from './models/library.model';
import { CommandPalettePage } from './models/palette.model';
import { WorkspacePage } from './models/workspace.model';

test.describe.configure({ timeout: 360_000 });

const TITLE = /^Cocaine found in cocoa sacks on the Silver Tern/;
const QUESTIONED = 'Ilse Varga, a director of Kestrel Shipping, was questioned in July last year.';

test('dates found in a saved news page, resolved against its published date, become events with their sentence as evidence, or are dismissed for good', async ({ page }) => {
  await new LibraryPage(page).goto();
  await new LibraryPage(page).createCase('Silver Tern');
  const workspace = new WorkspacePage(page);
  await workspace.addEntity('Ilse Varga', 'person');
  await workspace.addEntity('Kestrel Shipping', 'organisation');

  await workspace.openSection('Documents');
  const documents = new DocumentsPage(page);
  await documents.importFiles('cocoa-cargo.html');
  await documents.openFromReport('cocoa-cargo.html');
  await expect(page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();

  const panel = await DatesPanel.openInReader(page);
  await expect(panel.root.getByRole('heading', { name: 'Dates in this document' })).toBeFocused();
  await expect(panel.root).toContainText('read from the date it was published, 9 March 2021');
  // A two-year investigation is a length of time, not a date.
  expect(await panel.words()).toEqual(['Tuesday', 'July last year', 'last year', '14 February 2019']);

  const tuesday = panel.date('Tuesday');
  await expect(tuesday.locator('mark')).toHaveText('Tuesday');
  await expect(tuesday).toContainText('searched the bulk carrier Silver Tern on Tuesday and found 400 kilograms');
  await expect(tuesday.locator('.date-resolved')).toHaveText('9 March 2021, known to the day');
  await expect(tuesday.locator('.date-how')).toHaveText('Tuesday, in a document published 9 March 2021: the nearest Tuesday');
  await expect(panel.date('last year').locator('.date-resolved')).toHaveText('2020, known to the year');
  await expect(panel.date('14 February 2019').locator('.date-how')).toHaveText('14 February 2019, as written');
  // A click on a sentence marks it in the text.
  await panel.date('14 February 2019').getByRole('button', { name: /first been inspected/ }).click();
  await expect.poll(() => panel.sentenceShown()).toBe('The Silver Tern had first been inspected on 14 February 2019, when nothing was found.');

  const july = panel.date('July last year');
  await expect(july.locator('.date-resolved')).toHaveText('July 2020, known to the month');
  await expect(july.locator('.date-how')).toHaveText('July last year, in a document published 9 March 2021: the month of that year');
  await expect(july).toContainText('Names: Ilse Varga, Kestrel Shipping');

  // One click: the event, its sentence as the evidence excerpt, the two entities it names as participants.
  await july.getByRole('button', { name: 'Make event' }).click();
  await expect(panel.announcement).toHaveText(
    'Added the event “Ilse Varga, a director of Kestrel Shipping, was questioned in July last year”, July 2020, known to the month, with its sentence as evidence.',
  );
  const made = july.getByRole('link', { name: 'Ilse Varga, a director of Kestrel Shipping, was questioned in July last year' });
  await expect(made).toBeVisible();
  await expect(july.getByRole('button', { name: 'Make event' })).toBeHidden();
  // The sentence is now an excerpt of the document, highlighted in it like any other.
  await expect(page.getByRole('region', { name: 'Excerpts from this document' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Excerpts from this document' })).toContainText(QUESTIONED.slice(0, 40));

  // Dismissed: gone from the list, and the focus goes on to the next date.
  await panel.date('last year').getByRole('button', { name: 'Dismiss' }).click();
  await expect(panel.announcement).toHaveText('Dismissed “last year”: it will not be offered again in this document.');
  await expect(panel.date('last year')).toBeHidden();
  await expect(panel.date('14 February 2019')).toBeFocused();

  // The event on the timeline, at its precision, with its evidence and participants.
  await made.click();
  const event = page.getByRole('article', { name: 'Ilse Varga, a director of Kestrel Shipping, was questioned in July last year' });
  await expect(event.locator('time')).toHaveText('July 2020');
  await expect(event.getByRole('region', { name: 'Participants' }).getByRole('listitem')).toHaveText(['Ilse Varga', 'Kestrel Shipping']);
  await expect(event.getByRole('region', { name: 'Evidence' }).getByRole('link')).toHaveText('“Ilse Varga, a director of Kestrel Shipping, was questioned …”');
  const events = new EventsPage(page);
  await expect(events.rows()).toHaveText(['Ilse Varga, a director of Kestrel Shipping, was questioned in July last yearJuly 2020']);

  // After a reload: the dismissed date stays dismissed, the one made shows its event and is not offered again.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();
  const again = await DatesPanel.openInReader(page);
  expect(await again.words()).toEqual(['Tuesday', 'July last year', '14 February 2019']);
  await expect(again.root).toContainText('2 dates to review, 1 made into events, 1 dismissed.');
  await expect(again.date('July last year').getByRole('button', { name: 'Make event' })).toBeHidden();
  await expect(again.date('July last year')).toContainText('Made into the event');

  // Edit first: the event form with the sentence as evidence and the date proposed as the field reads it.
  await again.date('Tuesday').getByRole('button', { name: 'Edit first' }).click();
  await expect(events.form).toBeVisible();
  await expect(events.dateField).toHaveValue('9 March 2021');
  await expect(events.understood).toHaveText('Understood as: 9 March 2021, known to the day');
  await expect(events.form.getByLabel('What happened')).toHaveValue('Customs officers at Harrowmouth searched the bulk carrier Silver Tern on…');
  await expect(events.form.getByRole('group', { name: 'Evidence (1 chosen)' })).toBeVisible();
});

test('New event from excerpt proposes the date its quote gives, read against its document’s published date', async ({ page }) => {
  await new LibraryPage(page).goto();
  await new LibraryPage(page).createCase('Silver Tern dates');
  const workspace = new WorkspacePage(page);
  await workspace.openSection('Documents');
  const documents = new DocumentsPage(page);
  await documents.importFiles('cocoa-cargo.html');
  await documents.openFromReport('cocoa-cargo.html');
  await expect(page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();
  // The sentence quoted through Edit first of its date, then the form left: a new event from that excerpt finds the date itself.
  // Through the command palette this time.
  const palette = new CommandPalettePage(page);
  const panel = await DatesPanel.openInReader(page, async () => {
    await palette.openWithKeyboard();
    await palette.run('Find dates in this document');
  });
  await panel.date('last year').getByRole('button', { name: 'Edit first' }).click();
  const events = new EventsPage(page);
  await expect(events.dateField).toHaveValue('2020');
  await events.form.getByRole('button', { name: 'Cancel' }).click();

  const excerpts = new ExcerptsPage(page);
  await excerpts.open();
  await excerpts.row(/The company’s accounts were seized last year/).click();
  await expect(excerpts.opened.locator('blockquote')).toContainText('The company’s accounts were seized last year');
  await excerpts.opened.getByRole('link', { name: 'New event from excerpt' }).click();
  await expect(events.dateField).toHaveValue('2020');
  await expect(events.understood).toHaveText('Understood as: 2020, known to the year');
});
