import { expect, test } from '@playwright/test';
import { LibraryPage } from './models/library.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';

const NOTE = 'Harbour note, Saltmere.\n\nD. Venn signed for the crates at the Marlow Quay.';

test('two entities merged: names, aliases and links follow; the merge is undone, and refused once the entity changed', async ({ page }) => {
  await new LibraryPage(page).goto();
  await new LibraryPage(page).createCase('Venn merge');
  const workspace = new WorkspacePage(page);
  await workspace.addEntity('Dario Venn', 'person');
  await workspace.addEntity('D. Venn', 'person', 'Dario V.');

  // "D. Venn" is mentioned in an excerpt of a note, linked from the reader.
  const reader = new ReaderPage(page);
  await reader.addTextDocument('Harbour note', NOTE);
  await reader.select('D. Venn');
  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const linking = page.getByRole('dialog', { name: 'Link selection to entity' });
  await linking.getByRole('combobox', { name: 'Entity' }).fill('d. venn');
  await expect(linking.getByRole('option')).toHaveText(['D. Venn person']);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Passage linked' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Merge "D. Venn" into "Dario Venn".
  await workspace.openSection('Entities');
  await page.getByRole('link', { name: /^Dario Venn/ }).click();
  const entity = page.getByRole('article');
  // The note names "D. Venn", not Dario Venn: his mentions come with the merge.
  const mentions = entity.getByRole('region', { name: 'Mentions' });
  await expect(mentions).toContainText('No document names this entity or its aliases.');
  await entity.getByRole('button', { name: 'Merge…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge into “Dario Venn”' });
  await dialog.getByRole('combobox', { name: 'Entity to merge in' }).fill('DARIO V.');
  await expect(dialog.getByRole('option')).toHaveText(['D. Venn person']);
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('list', { name: 'Entities to merge in' })).toHaveText(/D\. Venn/);
  await dialog.getByRole('button', { name: 'Merge “D. Venn” into “Dario Venn”' }).click();
  await expect(dialog).toBeHidden();
  await expect(mentions.getByLabel('Mentions in all')).toHaveText('1 mention in 1 document');
  await expect(mentions.getByRole('listitem', { name: 'Harbour note, 1 mention' })).toContainText('D. Venn signed for the crates');

  // Its aliases say they came from the merge.
  await expect(entity.getByRole('list', { name: 'Aliases' }).getByRole('listitem')).toHaveText([
    /^D\. Venn \(merged in from “D\. Venn”\)/,
    /^Dario V\. \(merged in from “D\. Venn”\)/,
  ]);
  const links = entity.getByRole('list', { name: 'Excerpts', exact: true });
  await expect(links.getByRole('listitem')).toHaveCount(1);
  await expect(links.getByRole('listitem')).toContainText(/^mentioned in.*D\. Venn/);
  const list = page.getByRole('list', { name: 'Entities', exact: true });
  await expect(list.getByRole('link')).toHaveText([/^Dario Venn/]);

  // Undo: "D. Venn" is back with its alias and its link; Dario Venn has his own name only.
  const merges = entity.getByRole('region', { name: 'Merges' });
  await expect(merges).toContainText('Merged “D. Venn” into “Dario Venn”');
  await merges.getByRole('button', { name: 'Undo merge' }).click();
  await expect(merges.getByRole('status')).toHaveText('Merge undone: “D. Venn” back.');
  await expect(entity.getByRole('list', { name: 'Aliases' })).toHaveCount(0);
  await expect(mentions).toContainText('No document names this entity or its aliases.');
  await expect(list.getByRole('link')).toHaveText([/^D\. Venn/, /^Dario Venn/]);
  await list.getByRole('link', { name: /^D\. Venn/ }).click();
  await expect(mentions.getByLabel('Mentions in all')).toHaveText('1 mention in 1 document');
  await expect(page.getByRole('article').getByRole('list', { name: 'Aliases' }).getByRole('listitem')).toHaveText([/^Dario V\. Split off/]);
  await expect(page.getByRole('article').getByRole('list', { name: 'Excerpts', exact: true }).getByRole('listitem')).toContainText(/^mentioned in/);

  // Merged again, then the kept entity edited: the merge can no longer be undone, and says why.
  await list.getByRole('link', { name: /^Dario Venn/ }).click();
  await entity.getByRole('button', { name: 'Merge…' }).click();
  await dialog.getByRole('combobox', { name: 'Entity to merge in' }).fill('d. venn');
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Merge “D. Venn” into “Dario Venn”' }).click();
  await expect(dialog).toBeHidden();
  await entity.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('form', { name: 'Edit Dario Venn' });
  await form.getByLabel('Aliases').fill('D. Venn; Dario V.; The Director');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(entity).toContainText('The Director');
  await merges.getByRole('button', { name: 'Undo merge' }).click();
  await expect(merges.getByRole('alert')).toHaveText(
    'This merge cannot be undone: “Dario Venn” has changed since the merge. It can be undone only until a record it changed changes again.',
  );

  // The alias "D. Venn" split off again into an entity of its own, taking the excerpt's link with it.
  await entity.getByRole('button', { name: 'Split D. Venn off' }).click();
  const split = page.getByRole('dialog', { name: 'Split “D. Venn” off “Dario Venn”' });
  await split.getByRole('checkbox', { name: /mentioned in D\. Venn/ }).check();
  await split.getByRole('button', { name: 'Split off “D. Venn”' }).click();
  await expect(split).toBeHidden();
  await expect(page.getByRole('heading', { name: 'D. Venn', level: 2 })).toBeVisible();
  await expect(page.getByRole('article').getByRole('list', { name: 'Excerpts', exact: true }).getByRole('listitem')).toContainText(/^mentioned in/);
  await expect(list.getByRole('link')).toHaveText([/^D\. Venn/, /^Dario Venn/]);
});
