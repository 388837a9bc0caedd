import { expect, test, type Locator, type Page } from '@playwright/test';
import { EntityPage } from './models/entity.model';
import { ExcerptsPage } from './models/excerpts.model';
import { LibraryPage } from './models/library.model';
import { NotesModel } from './models/notes.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';

const PORT_LOG = ['Harbour log, Vellport.', '', 'The cargo left the quay at dawn under a borrowed flag.'].join('\n');
const QUOTE = 'The cargo left the quay at dawn';

/** A new note of the case, open in the Notes section, and its form. */
async function newNote(page: Page, title: string) {
  const notes = new NotesModel(page);
  await notes.addNote(title);
  return notes.form(title);
}

/** Waits for the note to save what was just put in it: its status leaves "Saved", then says it again. */
async function savedAgain(page: Page, form: Locator) {
  const status = new NotesModel(page).status(form);
  await expect(status).not.toHaveText('Saved');
  await expect(status).toHaveText('Saved');
}

/** Writes the note beside a section's list ("Beside excerpts"), and gives the note's form there. */
async function writeBeside(page: Page, title: string, button: string) {
  const notes = new NotesModel(page);
  await notes.workspace.openSection('Notes');
  await notes.item(title).click();
  await notes.form(title).getByRole('button', { name: button }).click();
  const beside = page.getByRole('complementary', { name: 'Note beside' });
  await expect(beside.getByRole('heading', { name: title })).toBeVisible();
  return beside.getByRole('form', { name: `Note ${title}`, exact: true });
}

test('an excerpt and an entity dragged from their lists into a note beside them go in as a quote and a mention', async ({ page }) => {
  await new LibraryPage(page).goto();
  await new LibraryPage(page).createCase('Dragged into notes');
  const workspace = new WorkspacePage(page);
  await workspace.addEntity('Marta Kowal', 'person');
  await new ReaderPage(page).addTextDocument('Port log', PORT_LOG);
  const excerpts = new ExcerptsPage(page);
  await excerpts.add(QUOTE, 'Port log');
  await newNote(page, 'Working theory');
  const notes = new NotesModel(page);

  // Beside the excerpts' table, a row dragged into the text becomes a quote block with its citation.
  let form = await writeBeside(page, 'Working theory', 'Beside excerpts');
  await expect(page).toHaveURL(/\/excerpts$/);
  await notes.typeInto(form, 'The cargo:');
  await excerpts.row(QUOTE).dragTo(notes.text(form));
  const quote = notes.text(form).locator('figure.excerpt-quote');
  await expect(quote.locator('blockquote')).toHaveText(QUOTE);
  await expect(quote.locator('figcaption')).toContainText('Port log');
  await savedAgain(page, form);

  // Beside the entities' list, a row dragged in becomes a mention of the entity.
  form = await writeBeside(page, 'Working theory', 'Beside entities');
  await expect(page).toHaveURL(/\/entities$/);
  await notes.typeInto(form, 'Paid by ');
  await workspace.list('Entities').getByRole('link', { name: /^Marta Kowal/ }).dragTo(notes.text(form));
  await expect(notes.text(form).locator('.record-link', { hasText: 'Marta Kowal' })).toBeVisible();
  await savedAgain(page, form);
  await page.getByRole('complementary', { name: 'Note beside' }).getByRole('button', { name: 'Close note' }).click();

  // Search finds the note by the name it mentions; renamed, the entity finds it by its new name at once, though the
  // note was not saved again.
  const box = page.getByRole('search').getByLabel('Search this case');
  const found = page.getByRole('search').getByRole('option').filter({ hasText: 'Working theory' });
  await box.fill('Kowal');
  await expect(found).toHaveCount(1);
  await box.press('Escape');
  await new EntityPage(page).open('Marta Kowal');
  await page.getByRole('article').getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('form', { name: 'Edit Marta Kowal' });
  await edit.getByLabel('Name').fill('Marta Wiśniewska');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Marta Wiśniewska', exact: true })).toBeVisible();
  await box.fill('Wisniewska');
  // The answer to this query (the entity is in it by its new name, as the last query's answer was not), with the note.
  await expect(page.getByRole('search').getByRole('option').filter({ hasText: 'Wiśniewska' }).first()).toBeVisible();
  await expect(found).toHaveCount(1);
  await box.press('Escape');

  // Saved, the quote block opens its source, at the document.
  await notes.workspace.openSection('Notes');
  await notes.item('Working theory').click();
  await notes.text(notes.form('Working theory')).locator('figure.excerpt-quote').getByRole('button', { name: /^Open the source/ }).click();
  await expect(new ReaderPage(page).heading).toHaveText('Port log');
});

test('a record deleted in another window while it is dragged is not inserted, and the note says which', async ({ page, context }) => {
  await new LibraryPage(page).goto();
  await new LibraryPage(page).createCase('Dragged away');
  const workspace = new WorkspacePage(page);
  await workspace.addEntity('Jan Nowak', 'person');
  await newNote(page, 'Leads');
  const notes = new NotesModel(page);
  const form = await writeBeside(page, 'Leads', 'Beside entities');
  await notes.typeInto(form, 'Ask ');
  await savedAgain(page, form);

  // The drag starts here...
  const row = workspace.list('Entities').getByRole('link', { name: /^Jan Nowak/ });
  await row.hover();
  await page.mouse.down();
  const target = (await notes.text(form).boundingBox())!;
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 5 });

  // ...the entity is deleted in another window of the case...
  const other = await context.newPage();
  await other.goto(page.url());
  await new EntityPage(other).open('Jan Nowak');
  await new WorkspacePage(other).deleteOpenRecord('entity');
  await other.close();

  // ...and dropped here: nothing goes in, and the researcher is told why, by the record's name.
  await page.mouse.move(target.x + target.width / 2 + 4, target.y + target.height / 2, { steps: 2 });
  await page.mouse.up();
  await expect(page.getByRole('status').filter({ hasText: '“Jan Nowak” is no longer in this case, so it was not inserted.' })).toBeVisible();
  await expect(notes.text(form)).toHaveText('Ask');
  await expect(notes.text(form).locator('.record-link')).toHaveCount(0);
});
