import { expect, test } from '@playwright/test';
import { DocumentsPage } from './models/documents.model';
import { LibraryPage } from './models/library.model';
import { SuggestionsPanel } from './models/suggestions.model';
import { WorkspacePage } from './models/workspace.model';

/** What a saved news page says around its story: none of it is a name to suggest. */
const SITE_WORDS = ['Home', 'World', 'Newsletter', 'ADVERTISEMENT', 'Share', 'Share this article', 'Facebook', 'Twitter', 'Instagram', 'Read more', 'Sign up', 'Follow us'];

test.describe.configure({ timeout: 360_000 });

test('suggested entities of a saved news page: accepted, retyped, added as an alias, dismissed for good', async ({ page }) => {
  await new LibraryPage(page).goto();
  await new LibraryPage(page).createCase('Northern Gannet');
  const workspace = new WorkspacePage(page);
  // The case already knows the captain by his full name, and the trawler's owner by its registered name.
  await workspace.addEntity('Joris Maes', 'person');
  await workspace.addEntity('Brightwater Fisheries NV', 'organisation');

  await workspace.openSection('Documents');
  const documents = new DocumentsPage(page);
  await documents.importFiles('trawler-seizure.html');
  await documents.openFromReport('trawler-seizure.html');
  const title = /^Trawler seized off Vellport/;
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();

  const panel = await SuggestionsPanel.openInReader(page);
  await expect(panel.root.getByRole('heading', { name: 'Suggested entities' })).toBeFocused();
  const names = await panel.names();
  expect(names).toEqual(expect.arrayContaining(['Rhona Achterberg', 'Maes', 'Europol', 'Vellport Harbour Police', 'Northern Gannet', 'Guyana', 'Ostend', 'Rotterdam', 'Lisbon']));
  // Neither the site's buttons and labels nor its name and byline.
  for (const word of [...SITE_WORDS, 'Coastline Courier', 'Sanne Olthof']) expect(names).not.toContain(word);
  // "Achterberg" alone is the same person, one suggestion with its count and where it is named.
  const achterberg = panel.suggestion('Rhona Achterberg');
  await expect(achterberg).toContainText('named 2 times');
  await expect(achterberg).toContainText('Also written: Achterberg');
  await expect(achterberg.getByRole('list', { name: 'Where “Rhona Achterberg” is named' }).getByRole('listitem')).toHaveCount(2);
  await expect(panel.group('People').getByRole('article', { name: 'Rhona Achterberg' })).toBeVisible();
  // The owner is in the case under its registered name: shown as known, never offered as new.
  expect(names).not.toContain('Brightwater Fisheries');
  await expect(panel.known).toContainText('Already in the case (1)');
  await panel.known.getByText(/^Already in the case/).click();
  await expect(panel.known.getByRole('link', { name: 'Brightwater Fisheries NV' })).toBeVisible();

  // Accepted as a person, by the keyboard.
  await achterberg.getByRole('button', { name: 'Accept as new entity' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.announcement).toHaveText('Added person “Rhona Achterberg”.');
  await expect(panel.suggestion('Rhona Achterberg')).toBeHidden();
  // The focus goes on to the suggestion now in its place, not back to the top of the page.
  await expect(panel.root.locator('article[data-suggestion-card]:focus')).toHaveCount(1);

  // The trawler, taken for a place, accepted as a vessel.
  await panel.accept('Northern Gannet', 'vessel');
  await expect(panel.announcement).toHaveText('Added vessel “Northern Gannet”.');

  // "Maes" is likely the captain the case knows: another name of his.
  await expect(panel.suggestion('Maes').getByRole('button', { name: 'Add as alias of Joris Maes' })).toBeVisible();
  await panel.addAsAliasOf('Maes', 'Joris Maes');
  await expect(panel.announcement).toHaveText('Added “Maes” as an alias of “Joris Maes”.');

  await panel.dismiss('Guyana');
  await expect(panel.announcement).toHaveText('Dismissed “Guyana”: it will not be suggested again in this case.');
  await expect(panel.suggestion('Guyana')).toBeHidden();
  await expect(panel.known).toContainText('Already in the case (4)');

  // After a reload: what was accepted is in the case, what was dismissed is not offered again.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  const again = await SuggestionsPanel.openInReader(page);
  const offered = await again.names();
  for (const settled of ['Guyana', 'Rhona Achterberg', 'Northern Gannet', 'Maes']) expect(offered).not.toContain(settled);
  expect(offered).toEqual(expect.arrayContaining(['Europol', 'Ostend']));
  await again.known.getByText(/^Already in the case/).click();
  for (const name of ['Rhona Achterberg', 'Northern Gannet', 'Joris Maes', 'Brightwater Fisheries NV']) await expect(again.known.getByRole('link', { name })).toBeVisible();
  await expect(again.known).not.toContainText('Guyana');
  // Escape closes the panel, and the focus goes back to its button.
  await again.suggestion('Europol').getByRole('button', { name: 'Dismiss' }).focus();
  await page.keyboard.press('Escape');
  await expect(again.root).toBeHidden();
  await expect(page.getByRole('button', { name: 'Suggest entities' })).toBeFocused();

  // The entities' pages: the new ones with their types, the alias with where it came from.
  await workspace.openSection('Entities');
  await page.getByRole('link', { name: /^Rhona Achterberg/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Rhona Achterberg' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Aliases' })).toContainText(/Achterberg \(suggested in “Trawler seized off Vellport/);
  await page.getByRole('link', { name: /^Northern Gannet/ }).click();
  await expect(page.getByRole('article', { name: 'Northern Gannet' }).locator('.tag')).toHaveText('vessel');
  await page.getByRole('link', { name: /^Joris Maes/ }).click();
  await expect(page.getByRole('list', { name: 'Aliases' }).getByRole('listitem')).toHaveText([/^Maes \(suggested in “Trawler seized off Vellport.*”\)/]);
});

test('after an import, the suggested entities of the whole batch: counted over both documents, each snippet naming its document', async ({ page }) => {
  await new LibraryPage(page).goto();
  await new LibraryPage(page).createCase('Ports');
  await new WorkspacePage(page).openSection('Documents');
  const documents = new DocumentsPage(page);
  await documents.importFiles('trawler-seizure.html', 'suggestions/port-bribes.en.txt');
  await expect(documents.report).toContainText('2 imported');

  const batch = await SuggestionsPanel.openForBatch(page);
  const names = await batch.names();
  // Names from both documents, side by side.
  expect(names).toEqual(expect.arrayContaining(['Rhona Achterberg', 'Helena Marwick', 'Northern Gannet', 'Seacrest Holdings Ltd', 'Lisbon', 'Europol']));
  for (const word of SITE_WORDS) expect(names).not.toContain(word);
  // Lisbon: four times in one, once in the other, with snippets from both.
  const lisbon = batch.suggestion('Lisbon');
  await expect(lisbon).toContainText('named 5 times in 2 documents');
  const snippets = lisbon.getByRole('list', { name: 'Where “Lisbon” is named' });
  await expect(snippets.locator('cite').filter({ hasText: /^Trawler seized off Vellport/ })).toHaveCount(1);
  await expect(snippets.locator('cite').filter({ hasText: /^Customs officers charged/ })).not.toHaveCount(0);

  await batch.accept('Europol');
  await expect(batch.announcement).toHaveText('Added organisation “Europol”.');
  await batch.dismiss('Marta Quinlan');
  await expect(batch.suggestion('Marta Quinlan')).toBeHidden();
  // Every place at once, in one step.
  const places = await batch.group('Places').getByRole('article').count();
  await batch.group('Places').getByRole('button', { name: `Accept all ${places} places as new entities` }).click();
  await expect(batch.announcement).toHaveText(new RegExp(`^Added ${places} entities: .*“Lisbon”`));
  await expect(batch.group('Places')).toBeHidden();
  await batch.root.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(batch.root).toBeHidden();

  // Reviewed again, the batch offers neither.
  const again = await SuggestionsPanel.openForBatch(page);
  const offered = await again.names();
  expect(offered).not.toContain('Europol');
  expect(offered).not.toContain('Marta Quinlan');
  expect(offered).not.toContain('Lisbon');
  expect(offered).toContain('Helena Marwick');
});
