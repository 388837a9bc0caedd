import { expect, test } from '@playwright/test';
import { LibraryPage } from './models/library.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';

/** A fictional harbour note written for this test: a person named with a possessive, a place already in the case. */
const NOTE = [
  'Harbour note, Saltmere.',
  'Dario Venn’s crates were unloaded at night at the Marlow Quay.',
  'Nobody at the Marlow Quay signed for them.',
].join('\n\n');

test('from words selected in the reader: a new entity named by them, and the passage linked to an entity in one step', async ({ page }) => {
  await new LibraryPage(page).goto();
  await new LibraryPage(page).createCase('Venn crates');
  const workspace = new WorkspacePage(page);
  await workspace.addEntity('Marlow Quay', 'place', 'the quay on the Marlow');
  const reader = new ReaderPage(page);
  await reader.addTextDocument('Harbour note', NOTE);

  // A right-click on "Dario Venn’s": the menu offers a new entity, named without the possessive.
  await reader.select('Dario Venn’s');
  const box = await page.evaluate(() => {
    const rect = getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { x: rect.left + 5, y: rect.top + rect.height / 2 };
  });
  await page.mouse.click(box.x, box.y, { button: 'right' });
  await page.getByRole('menu', { name: 'Selection' }).getByRole('menuitem', { name: 'New entity from selection…' }).click();
  const created = page.getByRole('dialog', { name: 'New entity from selection' });
  await expect(created.getByLabel('Name')).toHaveValue('Dario Venn');
  await expect(created.getByLabel('Name')).toBeFocused();
  await page.keyboard.press('Enter');
  const added = page.getByRole('dialog', { name: 'Entity added' });
  await expect(added.getByRole('status')).toHaveText('Added person “Dario Venn”.');
  // …and the same passage becomes an excerpt that mentions him.
  await added.getByRole('button', { name: 'Link this passage to it' }).click();
  const linked = page.getByRole('dialog', { name: 'Passage linked' });
  await expect(linked.getByRole('status')).toHaveText('Marked excerpt “Dario Venn’s”, mentioning “Dario Venn”.');
  await page.keyboard.press('Escape');
  await expect(linked).toBeHidden();

  // The same name again is refused in the panel, naming the entity there already.
  await reader.select('Dario Venn’s');
  await page.mouse.click(box.x, box.y, { button: 'right' });
  await page.getByRole('menu', { name: 'Selection' }).getByRole('menuitem', { name: 'New entity from selection…' }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'New entity from selection' }).getByRole('alert')).toContainText(
    'This case already has a person named “Dario Venn”',
  );
  await page.keyboard.press('Escape');

  // The keyboard alone: the menu key on the second "Marlow Quay", Down to "Link selection to entity", an alias typed.
  await reader.select('Marlow Quay', { occurrence: 2 });
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Selection' });
  await expect(menu.getByRole('menuitem', { name: 'Mark excerpt' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Link selection to entity…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const linking = page.getByRole('dialog', { name: 'Link selection to entity' });
  const entityBox = linking.getByRole('combobox', { name: 'Entity' });
  await expect(entityBox).toBeFocused();
  await entityBox.fill('QUAY ON THE');
  await expect(linking.getByRole('option')).toHaveText(['Marlow Quay place']);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Passage linked' }).getByRole('status')).toHaveText(
    'Marked excerpt “Marlow Quay”, mentioning “Marlow Quay”.',
  );

  // After a reload both passages are highlighted where they were selected (the quay at its second occurrence), and
  // the place's page lists the excerpt that mentions it.
  await page.reload();
  await expect(reader.body).toContainText('Nobody at the Marlow Quay');
  await expect
    .poll(() => reader.highlightedExcerpts())
    .toEqual([
      { text: 'Dario Venn’s', before: 0, page: null },
      { text: 'Marlow Quay', before: 1, page: null },
    ]);
  await workspace.openSection('Entities');
  await page.getByRole('link', { name: /^Marlow Quay/ }).first().click();
  const links = page.getByRole('list', { name: 'Excerpts', exact: true });
  await expect(links.getByRole('listitem')).toHaveCount(1);
  await expect(links.getByRole('listitem')).toContainText(/^mentioned in.*Marlow Quay/);
});
