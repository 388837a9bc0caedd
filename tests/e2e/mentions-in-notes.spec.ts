import { expect, test } from '@playwright/test';
import { ExcerptsPage } from './models/excerpts.model';
import { LibraryPage } from './models/library.model';
import { NoteTextPage } from './models/noteText.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';
import { EntityPage } from './models/entity.model';

const PORT_LOG = ['Harbour log, Vellport.', '', 'The cargo left the quay at dawn under a borrowed flag.'].join('\n');

test('a note mentions entities and quotes an excerpt; the mentions follow a rename, a merge and a deletion, and link back', async ({ page }) => {
  await new LibraryPage(page).goto();
  await new LibraryPage(page).createCase('Mentions in notes');
  const workspace = new WorkspacePage(page);
  await workspace.addEntity('Jan Nowak', 'person', 'Łódź Courier');
  await workspace.addEntity('V. Sokolova', 'person');
  await new ReaderPage(page).addTextDocument('Port log', PORT_LOG);
  await new ExcerptsPage(page).add('The cargo left the quay at dawn', 'Port log');

  // Written in a new note: an alias typed without its accents finds the entity, and Enter mentions it.
  await (await workspace.newNote()).getByLabel('Title').fill('Working theory');
  const note = page.getByRole('form', { name: 'Note Working theory', exact: true });
  const text = new NoteTextPage(page);
  await text.editor.click();
  await text.type('The courier ');
  await text.type('@lodz cou');
  await expect(text.suggestions.getByRole('option')).toHaveText(['Jan Nowak person', 'Create entity “lodz cou”…']);
  await expect(text.editor).toHaveAttribute('aria-activedescendant', /.+/);
  await page.keyboard.press('Enter');
  await expect(text.mention('Jan Nowak')).toBeVisible();
  await expect(text.suggestions).toBeHidden();

  // A name no entity has: the last option makes it, of the type chosen (person first).
  await text.type('met @Vera Sokol');
  await text.choose('Create entity “Vera Sokol”…');
  await expect(text.suggestions).toHaveAccessibleName('Type of the new entity “Vera Sokol”');
  await expect(text.suggestions.getByRole('option').first()).toHaveText('person');
  await page.keyboard.press('Enter');
  await expect(text.mention('Vera Sokol')).toBeVisible();
  await text.type('at the docks.');
  await page.keyboard.press('Enter');

  // An excerpt from `[[`, as a quote block with its citation.
  await text.type('[[cargo left');
  await text.choose(/^“The cargo left the quay at dawn” as quote block/);
  const quote = text.editor.locator('figure.excerpt-quote');
  await expect(quote.locator('blockquote')).toHaveText('The cargo left the quay at dawn');
  await expect(quote.locator('figcaption')).toContainText('Port log');
  await expect(note.getByRole('status')).toHaveText('Saved');
  await expect(text.mention('Jan Nowak')).toBeVisible();

  // The entity's page shows where the note mentions it, with the sentence, and opens the note.
  const entity = new EntityPage(page);
  await entity.open('Jan Nowak');
  const backlinks = page.getByRole('region', { name: 'Mentioned in notes' });
  await expect(backlinks).toContainText('Mentioned in note Working theory');
  await expect(backlinks.locator('blockquote')).toHaveText('The courier Jan Nowak met Vera Sokol at the docks.');

  // Search finds the note by a name it mentions.
  const box = page.getByRole('search').getByLabel('Search this case');
  await box.fill('Vera Sokol');
  await expect(page.getByRole('search').getByRole('option').filter({ hasText: 'Working theory' })).toHaveCount(1);
  await box.press('Escape');

  // Renamed, the entity is called by its new name in the note.
  await entity.open('Jan Nowak');
  await page.getByRole('article').getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('form', { name: 'Edit Jan Nowak' });
  await edit.getByLabel('Name').fill('Jan Nowak-Lis');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Jan Nowak-Lis', exact: true })).toBeVisible();
  await backlinks.getByRole('link', { name: 'Working theory' }).click();
  await expect(note).toBeVisible();
  await expect(text.mention('Jan Nowak-Lis')).toBeVisible();

  // Merged into another, the mention shows the entity kept.
  await entity.open('V. Sokolova');
  await page.getByRole('article').getByRole('button', { name: 'Merge…' }).click();
  const merge = page.getByRole('dialog', { name: 'Merge into “V. Sokolova”' });
  await merge.getByRole('combobox', { name: 'Entity to merge in' }).fill('vera');
  await expect(merge.getByRole('option')).toHaveText(['Vera Sokol person']);
  await page.keyboard.press('Enter');
  await merge.getByRole('button', { name: 'Merge “Vera Sokol” into “V. Sokolova”' }).click();
  await expect(merge).toBeHidden();
  await expect(backlinks.locator('blockquote')).toHaveText('The courier Jan Nowak-Lis met V. Sokolova at the docks.');
  await backlinks.getByRole('link', { name: 'Working theory' }).click();
  await expect(text.mention('V. Sokolova')).toBeVisible();
  await expect(text.mention('Vera Sokol')).toHaveCount(0);

  // Deleted, the entity is still named in the note, by the name it had, marked as missing.
  await entity.open('Jan Nowak-Lis');
  await workspace.deleteOpenRecord('entity');
  await workspace.openSection('Notes');
  await page.getByRole('tree', { name: 'Notes' }).getByRole('treeitem', { name: /^Working theory/ }).click();
  await expect(text.mention('Jan Nowak')).toHaveClass(/missing/);
  await expect(text.mention('Jan Nowak')).toHaveText(/\(deleted\)$/);

  // The quote block opens its source document.
  await text.editor.locator('figure.excerpt-quote').getByRole('button', { name: /^Open the source/ }).click();
  await expect(new ReaderPage(page).heading).toHaveText('Port log');
});

test('an entity dragged from the list into a description is mentioned there, and opens with a click where the text is shown; an event goes in as a dated line', async ({ page }) => {
  await new LibraryPage(page).goto();
  await new LibraryPage(page).createCase('Dragged mentions');
  const workspace = new WorkspacePage(page);
  await workspace.addEntity('Jan Nowak', 'person');
  await workspace.addEntity('Quayline Logistics', 'organisation');
  await workspace.addEvent('Raid on the warehouse', '9 March 2021');

  // Quayline's description, being edited, takes Jan Nowak's row dropped from the list beside it.
  await new EntityPage(page).open('Quayline Logistics');
  await page.getByRole('article').getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('form', { name: 'Edit Quayline Logistics' });
  const description = form.getByRole('textbox', { name: 'Entity description' });
  await description.click();
  await page.keyboard.type('Run by ');
  await workspace.list('Entities').getByRole('link', { name: /^Jan Nowak/ }).dragTo(description);
  await expect(description.locator('.record-link', { hasText: 'Jan Nowak' })).toBeVisible();
  await form.getByRole('button', { name: 'Save' }).click();

  // Shown on the page, the mention is a link: a plain click opens the entity.
  const shown = page.getByRole('article').locator('.rich-text-view');
  await shown.getByRole('link', { name: 'Jan Nowak' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Jan Nowak', exact: true })).toBeVisible();

  // In a note, `[[` puts the event in as a dated line, which Ctrl+click (Cmd+click) opens once the note is saved.
  await (await workspace.newNote()).getByLabel('Title').fill('Chronology');
  const text = new NoteTextPage(page);
  await text.editor.click();
  await text.type('[[raid');
  await text.choose(/^Raid on the warehouse as dated line/);
  await expect(text.mention('Raid on the warehouse')).toHaveText('9 March 2021 — Raid on the warehouse');
  await expect(page.getByRole('form', { name: 'Note Chronology', exact: true }).getByRole('status')).toHaveText('Saved');
  await text.mention('Raid on the warehouse').click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByRole('heading', { level: 2, name: 'Raid on the warehouse', exact: true })).toBeVisible();
});
