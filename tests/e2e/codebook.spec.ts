import { expect, test } from '@playwright/test';
import { CodebookPage } from './models/codebook.model';
import { DocumentsPage } from './models/documents.model';
import { LibraryPage } from './models/library.model';
import { CommandPalettePage } from './models/palette.model';
import { WorkspacePage } from './models/workspace.model';
import { ExcerptsPage } from './models/excerpts.model';

test('a researcher builds a codebook, codes an excerpt with a sub-tag, and reshapes the codebook', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase('Quay ledger');
  const workspace = new WorkspacePage(page);
  await workspace.openSection('Documents');
  const documents = new DocumentsPage(page);
  await documents.importFiles('site-visit-notes.txt');
  await expect(documents.report).toContainText('imported');

  // A tag and a sub-tag; a second "Evidence" at the top is refused at the form.
  await workspace.openSection('Excerpts');
  const codebook = new CodebookPage(page);
  await codebook.open();
  await codebook.addTag('Evidence');
  await codebook.addTag('Arrests', 'Evidence');
  await expect(codebook.row('Arrests')).toBeVisible();
  await codebook.addTag('évidence');
  await expect(page.getByRole('form', { name: 'New tag' }).getByRole('alert')).toHaveText(
    'A tag named “Evidence” already exists at the top of the codebook. Choose another name, or use that tag.',
  );

  // Coding an excerpt in the form: the sub-tag found by typing part of its name in any case and accents, and a new tag made from what was typed.
  await page.getByRole('link', { name: 'Back to excerpts' }).click();
  await page.getByRole('link', { name: 'New excerpt' }).first().click();
  const form = page.getByRole('form', { name: 'New excerpt' });
  await form.getByRole('textbox', { name: 'Quote' }).fill('Walked the east quay with the harbour master');
  await form.getByLabel('Source document').selectOption({ label: 'Site visit to the east quay' });
  await CodebookPage.pick(form, 'ÀRRÊ', 'Evidence › Arrests');
  await CodebookPage.pick(form, 'Harbour', 'Create tag “Harbour”');
  await expect(form.getByRole('list', { name: 'Chosen tags' })).toHaveText(/Evidence › Arrests.*Harbour/);
  await form.getByRole('button', { name: 'Add excerpt' }).click();
  const excerpt = page.getByRole('article', { name: 'Excerpt' });
  await expect(excerpt.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText(['Evidence › Arrests', 'Harbour']);

  // Counts, own and with sub-tags.
  await codebook.open();
  await expect(codebook.row('Evidence')).toContainText('0 excerpts, 1 with sub-tags');
  await expect(codebook.row('Arrests')).toContainText('1 excerpt');

  // Rename; search finds the excerpt by the new name.
  await codebook.choose('Arrests');
  await codebook.edit('Name', 'Detentions', 'Rename');
  await expect(codebook.row('Detentions')).toBeVisible();
  await codebook.edit('Colour', '#be123c', 'Save colour');
  await expect(codebook.row('Detentions').locator('.swatch')).toHaveCSS('background-color', 'rgb(190, 18, 60)');
  await codebook.edit('Description', 'Held by the police, charged or not.', 'Save description');
  await expect(codebook.panel.getByRole('textbox', { name: 'Description' })).toHaveValue('Held by the police, charged or not.');
  await page.getByRole('combobox', { name: 'Search this case' }).fill('detentions');
  await expect(page.getByRole('option', { name: /Walked the east quay/ })).toBeVisible();
  await page.getByRole('combobox', { name: 'Search this case' }).press('Escape');

  // Move: a tag under its own sub-tag is refused where it was asked; under another tag it goes.
  await codebook.addTag('People');
  await codebook.choose('Evidence');
  const move = await codebook.edit('Put under', 'Evidence › Detentions', 'Move');
  await expect(move.getByRole('alert')).toHaveText(
    '“Evidence” cannot go under “Evidence › Detentions”: that tag is one of its own sub-tags.',
  );
  await codebook.choose('Detentions');
  await codebook.edit('Put under', 'People', 'Move');
  await expect(codebook.subTag('People', 'Detentions')).toBeVisible();
  await expect(codebook.row('People')).toContainText('0 excerpts, 1 with sub-tags');

  // Merge: the excerpt follows the kept tag.
  await codebook.addTag('Arrests');
  await codebook.choose('Detentions');
  await codebook.merge('Arrests');
  await expect(codebook.item('Detentions')).toHaveCount(0);
  await expect(codebook.row('Arrests')).toContainText('1 excerpt');

  // Delete, giving the excerpts the parent tag.
  await codebook.choose('Arrests');
  await codebook.edit('Put under', 'Evidence', 'Move');
  await expect(codebook.subTag('Evidence', 'Arrests')).toBeVisible();
  const toParent = await codebook.askToDelete(/parent tag “Evidence”/);
  await expect(toParent).toBeHidden();
  await expect(codebook.row('Evidence')).toContainText('1 excerpt');

  // Delete at the top: no parent to give is refused in the dialog; removing the tag is not.
  await codebook.choose('Evidence');
  const atTop = await codebook.askToDelete(/parent tag/);
  await expect(atTop.getByRole('alert')).toHaveText(/“Evidence” is at the top of the codebook: there is no parent tag/);
  await atTop.getByRole('radio', { name: 'Remove the tag from them' }).check();
  await atTop.getByRole('button', { name: 'Delete tag' }).click();
  await expect(atTop).toBeHidden();
  await expect(codebook.item('Evidence')).toHaveCount(0);

  // After a reload the excerpt keeps only the tag left, in its colour.
  await page.reload();
  await workspace.openSection('Excerpts');
  await new ExcerptsPage(page).row(/Walked the east quay/).click();
  const chips = excerpt.getByRole('list', { name: 'Tags' }).getByRole('listitem');
  await expect(chips).toHaveText(['Harbour']);
  await expect(chips.locator('.tag-chip')).toHaveCSS('background-color', /rgb\(/);
});

test('the codebook opens from the command palette', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase('Palette codebook');
  await expect(new WorkspacePage(page).nav).toBeVisible();
  const palette = new CommandPalettePage(page);
  await page.getByRole('button', { name: /All commands/ }).click();
  await expect(palette.filterBox).toBeFocused();
  await palette.run('open codebook');
  await expect(page.getByRole('heading', { level: 1, name: 'Codebook' })).toBeVisible();
  await expect(page.getByText('No tags yet.')).toBeVisible();
});

test('the sample case comes with a codebook, walked and chosen from with the keyboard only', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.openSample();
  const workspace = new WorkspacePage(page);
  await workspace.openSection('Excerpts');
  const codebook = new CodebookPage(page);
  await codebook.open();
  await expect(codebook.row('Evidence')).toContainText('0 excerpts, 3 with sub-tags');
  // Two excerpts under People: one tagged Suspects, one tagged both Suspects and Aliases, counted once.
  await expect(codebook.row('People')).toContainText('0 excerpts, 2 with sub-tags');
  await expect(codebook.subTag('People', 'Aliases')).toBeVisible();

  // The tree is one tab stop after the new tag form, on its first tag.
  await page.getByRole('button', { name: 'Add tag' }).focus();
  await page.keyboard.press('Tab');
  await expect(codebook.item('Evidence')).toBeFocused();
  await expect(codebook.item('Evidence')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(codebook.item('Arrests')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(codebook.item('Evidence')).toBeFocused();

  // Left folds Evidence: Down then goes past its sub-tags; Right unfolds it and steps into it.
  await page.keyboard.press('ArrowLeft');
  await expect(codebook.item('Evidence')).toHaveAttribute('aria-expanded', 'false');
  await expect(codebook.item('Arrests')).toBeHidden();
  await page.keyboard.press('ArrowDown');
  await expect(codebook.item('Method')).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(codebook.item('Evidence')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(codebook.item('Arrests')).toBeFocused();

  // End, then a letter: the last tag, then the next one starting with it. Enter chooses it.
  await page.keyboard.press('End');
  await expect(codebook.item('Suspects')).toBeFocused();
  await page.keyboard.press('a');
  await expect(codebook.item('Arrests')).toBeFocused();
  await page.keyboard.press('s');
  await expect(codebook.item('Suspects')).toBeFocused();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('article', { name: 'Tag Suspects' });
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('People › Suspects');
  await expect(panel.getByRole('region', { name: 'Tagged excerpts' }).getByRole('listitem')).toHaveCount(2);
  await expect(codebook.item('Suspects')).toHaveAttribute('aria-selected', 'true');

  // Leaving the tree and coming back lands on the chosen tag, its one tab stop.
  await page.keyboard.press('Tab');
  await expect(codebook.item('Suspects')).not.toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(codebook.item('Suspects')).toBeFocused();
});

test('a sub-tag is created from the excerpt form by typing its path', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.openSample();
  const workspace = new WorkspacePage(page);
  await workspace.openSection('Excerpts');
  await page.getByRole('link', { name: 'New excerpt' }).first().click();
  const form = page.getByRole('form', { name: 'New excerpt' });
  await form.getByRole('textbox', { name: 'Quote' }).fill('Dawn raids on 13 March 2023');

  // A parent that is not in the codebook is named, and nothing is offered to create.
  const box = form.getByRole('combobox', { name: 'Tags' });
  await box.fill('Evidnce / Raids');
  await expect(form.getByRole('alert')).toHaveText(
    'There is no tag “Evidnce” in the codebook to put a sub-tag under. Check its spelling, or add that tag first.',
  );
  await expect(form.getByRole('option', { name: /Create/ })).toHaveCount(0);

  // An existing tag typed as a path is picked, not created again; a new one goes under its parent.
  await CodebookPage.pick(form, 'people > suspects', 'People › Suspects');
  await expect(form.getByRole('alert')).toHaveCount(0);
  await CodebookPage.pick(form, 'evidence > Raids', 'Create “Raids” under Evidence');
  await expect(form.getByRole('list', { name: 'Chosen tags' })).toHaveText(/People › Suspects.*Evidence › Raids/);
  // The list of the sample's other tags stays open under the box until Escape closes it.
  await box.press('Escape');
  await expect(form.getByRole('listbox', { name: 'Tags to choose' })).toBeHidden();
  await form.getByRole('button', { name: 'Add excerpt' }).click();
  const excerpt = page.getByRole('article', { name: 'Excerpt' });
  await expect(excerpt.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText(['People › Suspects', 'Evidence › Raids']);

  const codebook = new CodebookPage(page);
  await codebook.open();
  await expect(codebook.subTag('Evidence', 'Raids')).toBeVisible();
  await expect(codebook.row('Raids')).toContainText('1 excerpt');
});
