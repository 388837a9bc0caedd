import { expect, test } from '@playwright/test';
import { CommandPalettePage } from './models/palette.model';
import { EventsPage } from './models/events.model';
import { ExcerptsPage } from './models/excerpts.model';
import { LibraryPage } from './models/library.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';

// Numeric dates are read in the researcher's locale: day first here.
test.use({ locale: 'en-GB' });

test.describe('events of the timeline', () => {
  test('dates typed as people write them are shown back as understood, and listed in order at their precision', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.createCase('Warehouse chronology');
    const events = new EventsPage(page);

    await events.add('Warehouse leased', 'March 2021', 'March 2021, known to the month');
    await expect(events.opened).toContainText('March 2021 (known to the month)');
    await events.add('Company founded', 'about 2019', 'about 2019, known to the year');
    await events.add('Raid on the warehouse', '9 March 2021', '9 March 2021, known to the day');
    await events.add(
      'Investigation',
      'between 15 September 2020 and 24 April 2021',
      'from 15 September 2020 to 24 April 2021, known to the day',
    );
    await events.add('Meeting at the quay', 'undated', 'undated: listed after the dated events until its date is found');
    await expect(events.opened).toContainText('Undated (its date is still to be found)');
    await events.add('Harbour log entry', '15/09/2020 06:00', '15 September 2020, 06:00, known to the minute');

    // The year before its months, a range by its start, a day before its times, a month before its days, undated last.
    await expect(events.rows()).toHaveText([
      'Company foundedabout 2019',
      'Investigation15 September 2020 – 24 April 2021',
      'Harbour log entry15 September 2020, 06:00',
      'Warehouse leasedMarch 2021',
      'Raid on the warehouse9 March 2021',
      'Meeting at the quayUndated',
    ]);

    // Editing the date moves the event, and the form shows the date as it was typed back.
    await events.rows().filter({ hasText: 'Company founded' }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    await expect(events.dateField).toHaveValue('about 2019');
    await events.dateField.fill('before April 2021');
    await expect(events.understood).toHaveText('Understood as: before April 2021, known to the month');
    await events.save();
    await expect(events.rows().last()).toHaveText('Meeting at the quayUndated');
    await expect(events.rows().nth(4)).toHaveText('Company foundedbefore April 2021');
  });

  test('a case reads typed dates in its own locale, whatever the computer’s', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    // The computer writes day first (en-GB); this case's sources write month first.
    await library.createCase('Customs filings', { datesTypedAs: 'English, month first (09/15/2020)' });
    const events = new EventsPage(page);
    await events.add('Filing received', '09/15/2020', '15 September 2020, known to the day');
    await events.openNew();
    await events.fill('Second filing', '15/09/2020');
    await expect(events.understood).toContainText('15/09/2020 has no month 15 read month first, as dates are written here (en-US).');
  });

  test('impossible dates, an end before its start, an unconfirmed year and a participant deleted meanwhile are refused at the field', async ({
    page,
    context,
  }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.createCase('Refusals');
    const workspace = new WorkspacePage(page);
    await workspace.addEntity('Dario Venn', 'person');
    const events = new EventsPage(page);
    await events.openNew();

    const dateError = events.form.locator('.field-error');
    await events.fill('Ship arrives', '31 February 2021');
    await expect(events.understood).toContainText('Not read yet: There is no 31 February 2021');
    await events.save();
    await expect(dateError).toHaveText('There is no 31 February 2021: February 2021 has 28 days.');
    await events.dateField.fill('9 March 2021 25:00');
    await events.save();
    await expect(dateError).toHaveText('25:00 is not a time of day: hours go from 00 to 23, minutes from 00 to 59.');
    await events.dateField.fill('2021 – 2019');
    await events.save();
    await expect(dateError).toHaveText('The end, 2019, is before the start, 2021.');
    // What cannot be read at all is answered with the forms the hint lists.
    await events.dateField.fill('sometime in spring');
    await events.save();
    const hint = await events.form.locator('.hint').first().textContent();
    expect(hint).toMatch(/^Type it as you would write it: (.*15\/09\/2020.*)\.$/);
    await expect(dateError).toHaveText(`Cannot read “sometime in spring” as a date. Write it as ${hint!.replace('Type it as you would write it: ', '')}`);

    // A year outside 1000..2200 is saved only once confirmed.
    await events.dateField.fill('3021');
    await events.save();
    await expect(dateError).toHaveText('The year 3021 is outside 1000–2200: check it, or confirm that it is right.');
    await events.dateField.fill('2021');

    // A participant deleted in another window meanwhile.
    await events.pick('Add a participant', 'Add a participant', 'Venn');
    await expect(events.form.getByRole('textbox', { name: 'Role of Dario Venn' })).toBeVisible();
    const other = await context.newPage();
    await other.goto(page.url().replace(/timeline\/new.*$/, 'entities'));
    await other.getByRole('list', { name: 'Entities' }).getByRole('link', { name: /Dario Venn/ }).click();
    await new WorkspacePage(other).deleteOpenRecord('entity');
    await expect(other.getByRole('list', { name: 'Entities' }).getByRole('link')).toHaveCount(0);
    await other.close();
    await events.save();
    await expect(events.form.getByRole('group', { name: /^Participants/ }).getByRole('alert')).toHaveText(
      'A participant chosen is not in this case any more (deleted in another window?). Remove it, or choose again.',
    );
    // Nothing was stored on any refusal.
    await events.form.getByRole('button', { name: 'Cancel' }).click();
    await workspace.openSection('Overview');
    await expect(workspace.count('events')).toHaveText('0');
  });

  test('an event made from an excerpt has it as evidence and its entities as participants, and each opens the other', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.openSample();
    const excerpts = new ExcerptsPage(page);
    await excerpts.open();
    await excerpts.row(/Among those detained was Dario Venn/).click();
    await expect(excerpts.opened.locator('blockquote')).toContainText('Among those detained was Dario Venn');

    // From the excerpt's page, through the command palette.
    const palette = new CommandPalettePage(page);
    await palette.openWithKeyboard();
    await palette.run('New event from excerpt');
    const events = new EventsPage(page);
    await expect(events.form.getByLabel('What happened')).toHaveValue(
      'Among those detained was Dario Venn, 52, the director of Quayline Logistics, a…',
    );
    const offered = events.form.getByRole('group', { name: 'Participants offered from the excerpt' });
    await expect(offered.getByRole('checkbox', { name: /Dario Venn \(linked to the excerpt\)/ })).toBeChecked();
    await expect(offered.getByRole('checkbox', { name: /Quayline Logistics \(linked to the excerpt\)/ })).toBeChecked();
    await expect(events.form.getByRole('group', { name: 'Evidence (1 chosen)' })).toBeVisible();
    await offered.getByRole('checkbox', { name: /Quayline Logistics/ }).uncheck();
    await offered.getByRole('checkbox', { name: /Marlow Quay/ }).uncheck();
    await events.form.getByLabel('What happened').fill('Dario Venn detained');
    await events.dateField.fill('13 March 2023');
    await expect(events.understood).toHaveText('Understood as: 13 March 2023, known to the day');
    await events.form.getByRole('textbox', { name: 'Role of Dario Venn' }).fill('detained');
    await events.pick('Choose a place', 'Choose the place', 'Vellport');
    await events.form.getByLabel('Status').selectOption('undisputed');
    await events.save();

    const event = page.getByRole('article', { name: 'Dario Venn detained' });
    await expect(event.getByRole('region', { name: 'Participants' }).getByRole('listitem')).toHaveText(['Dario Venn (detained)']);
    await expect(event.getByRole('definition').first()).toHaveText('Vellport');
    await expect(event).toContainText('undisputed');
    // The event links back to its evidence, and the excerpt's page to the event.
    await event.getByRole('region', { name: 'Evidence' }).getByRole('link', { name: /Among those detained/ }).click();
    await expect(excerpts.opened.locator('blockquote')).toContainText('Among those detained was Dario Venn');
    await page.getByRole('list', { name: 'Links' }).getByRole('link', { name: 'Dario Venn detained' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Dario Venn detained' })).toBeVisible();
    // The participant's page lists the event too.
    await event.getByRole('region', { name: 'Participants' }).getByRole('link', { name: 'Dario Venn' }).click();
    await expect(page.getByRole('list', { name: 'Events', exact: true })).toContainText('Dario Venn detained');

    // From the reader: the side panel of the excerpt chosen there.
    const reader = new ReaderPage(page);
    await reader.open(/Police dismantle/);
    await reader.body.click();
    await page.keyboard.press('Alt+ArrowDown');
    await expect(reader.sidePanel).toContainText(/Excerpt \d of 3/);
    const quote = (await reader.sidePanel.locator('blockquote').textContent())!;
    await reader.sidePanel.getByRole('link', { name: 'New event from excerpt' }).click();
    // The title proposed is the start of that quote.
    const title = await events.form.getByLabel('What happened').inputValue();
    expect(title.length).toBeGreaterThan(10);
    expect(quote.startsWith(title.replace(/…$/, ''))).toBe(true);
    await expect(events.form.getByRole('group', { name: 'Evidence (1 chosen)' })).toBeVisible();
  });
});
