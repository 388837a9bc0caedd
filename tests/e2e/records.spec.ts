import { expect, test } from '@playwright/test';
import { LibraryPage } from './models/library.model';
import { WorkspacePage } from './models/workspace.model';

test.describe('records in a case', () => {
  test('an entity added through the UI is still there after a reload (real IndexedDB)', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.createCase('Shipping fraud');
    const workspace = new WorkspacePage(page);
    await workspace.addEntity('Marta Kowal', 'person', 'M. Kowal; Marta K.');
    await expect(page.getByRole('heading', { level: 2, name: 'Marta Kowal' })).toBeVisible();

    await page.reload();
    await expect(workspace.list('Entities').getByRole('link', { name: /Marta Kowal/ })).toBeVisible();
    await workspace.list('Entities').getByRole('link', { name: /Marta Kowal/ }).click();
    await expect(page.getByRole('list', { name: 'Aliases' }).getByRole('listitem')).toHaveText([/^M\. Kowal/, /^Marta K\./]);
    await workspace.openSection('Overview');
    await expect(workspace.count('entities')).toHaveText('1');
    await expect(page.getByRole('list', { name: 'Recent activity' })).toContainText('Added person “Marta Kowal”');
  });

  test('a duplicate entity and an impossible date are refused at the field', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.createCase('Dates and names');
    const workspace = new WorkspacePage(page);
    await workspace.addEntity('Port of Aster', 'place');
    await workspace.addEntity('port of aster', 'place');
    const form = page.getByRole('form', { name: 'New entity' });
    await expect(form.getByRole('alert')).toHaveText('This case already has a place named “Port of Aster”. Open it instead.');
    // The refusal offers the entity it names.
    await expect(form.getByRole('link', { name: 'Open it' })).toHaveAttribute('href', /\/entities\/[^/]+$/);
    // Leaving a form with unsaved changes would ask first; the researcher gives this one up.
    await form.getByRole('button', { name: 'Cancel' }).click();

    await workspace.addEvent('Ship arrives', '2021-02-30');
    const eventForm = page.getByRole('form', { name: 'New event' });
    await expect(eventForm.getByRole('alert')).toHaveText('There is no 30 February 2021: February 2021 has 28 days.');
    await eventForm.getByLabel('Date', { exact: true }).fill('2021-03');
    await expect(eventForm.getByRole('status')).toHaveText('Understood as: March 2021, known to the month');
    await eventForm.getByRole('button', { name: 'Add event' }).click();
    await expect(page.getByText('(known to the month)')).toBeVisible();

    await workspace.openSection('Overview');
    await expect(workspace.count('entities')).toHaveText('1');
    await expect(workspace.count('events')).toHaveText('1');
  });

  test('an entity of a type of the case’s own shows that type, and keeps it and its aliases when edited', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.openSample();
    const workspace = new WorkspacePage(page);
    await workspace.openSection('Entities');
    const office = workspace.list('Entities').getByRole('link', { name: /Office of the Public Prosecutor/ });
    await expect(office).toContainText('Authority');
    await office.click();
    const heading = page.getByRole('heading', { level: 2, name: 'Office of the Public Prosecutor, Vellport' });
    await expect(heading.locator('..').getByText('Authority', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: /^Edit Office of the Public Prosecutor/ });
    await expect(form.getByLabel('Type').locator('option:checked')).toHaveText('Authority');
    await expect(form.getByLabel('Aliases')).toHaveValue('Vellport prosecutor');
    await form.getByLabel('Aliases').fill('Vellport prosecutor; Prosecutor’s office');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('list', { name: 'Aliases' }).getByRole('listitem')).toHaveText([/^Vellport prosecutor/, /^Prosecutor’s office/]);
    await expect(heading.locator('..').getByText('Authority', { exact: true })).toBeVisible();

    // The type filter offers the case's own types too.
    await page.getByLabel('Entity type').selectOption({ label: 'Authority' });
    await expect(workspace.list('Entities').getByRole('link')).toHaveText([/Office of the Public Prosecutor/]);
  });

  test('deleting an entity says what goes with it and leaves no link behind', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.openSample();
    const workspace = new WorkspacePage(page);

    await workspace.openSection('Entities');
    await workspace.list('Entities').getByRole('link', { name: /Dario Venn/ }).click();
    // His page groups what is linked to him: two excerpts, an event, and a plain link with another entity.
    const entity = page.getByRole('article');
    await expect(entity.getByRole('list', { name: 'Excerpts', exact: true }).getByRole('listitem')).toHaveCount(2);
    await expect(entity.getByRole('list', { name: 'Events', exact: true }).getByRole('listitem')).toHaveCount(1);
    await expect(entity.getByRole('list', { name: 'Linked entities' }).getByRole('listitem')).toHaveCount(1);
    const dialog = await workspace.askToDelete('entity');
    await expect(dialog).toContainText('Its 4 links and 1 relationship will be deleted with it.');
    await dialog.getByRole('button', { name: 'Delete entity' }).click();
    await expect(workspace.list('Entities').getByRole('link', { name: /Dario Venn/ })).toHaveCount(0);

    // The excerpt that mentioned him no longer lists the link.
    await workspace.openSection('Excerpts');
    await page.getByRole('grid', { name: 'Excerpts' }).getByRole('row', { name: /Among those detained/ }).click();
    await expect(page.getByRole('list', { name: 'Links' })).not.toContainText('Dario Venn');
    await expect(page.getByRole('list', { name: 'Links' }).getByRole('listitem')).toHaveCount(2);
  });

  test('deleting a document takes its excerpts and their links with it', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.openSample();
    const workspace = new WorkspacePage(page);
    await expect(workspace.count('excerpts')).toHaveText('5');

    await workspace.openSection('Documents');
    await workspace.list('Documents').getByRole('link', { name: /Police dismantle/ }).click();
    const dialog = await workspace.askToDelete('document');
    await expect(dialog).toContainText('Its 3 excerpts and 6 links will be deleted with it.');
    await dialog.getByRole('button', { name: 'Delete document' }).click();

    await workspace.openSection('Overview');
    await expect(workspace.count('documents')).toHaveText('1');
    await expect(workspace.count('excerpts')).toHaveText('2');
    await expect(page.getByRole('list', { name: 'Recent activity' })).toContainText(
      'Deleted document “Police dismantle encrypted phone network used to move cargo through Vellport” with 3 excerpts and 6 links',
    );

    // The raids event kept its participant and place (and their links) but lost its evidence excerpt.
    await workspace.openSection('Timeline');
    await workspace.list('Timeline').getByRole('link', { name: /Raids and arrests/ }).click();
    await expect(page.getByRole('list', { name: 'Links' }).getByRole('listitem')).toHaveCount(2);
    await expect(page.getByRole('region', { name: 'Evidence' })).toContainText('No evidence recorded');
    await expect(page.getByRole('region', { name: 'Participants' })).toContainText('Dario Venn (arrested)');
  });

  test('records link to each other from either side', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.openSample();
    const workspace = new WorkspacePage(page);
    await workspace.openSection('Timeline');
    await workspace.list('Timeline').getByRole('link', { name: /Suspects before the investigating judge/ }).click();
    const form = page.getByRole('form', { name: 'Add a link' });
    await form.getByLabel('Find a record to link').fill('Venn');
    await form.getByLabel('Record to link', { exact: true }).selectOption({ label: 'Dario Venn' });
    await expect(form.getByLabel('Link kind')).toHaveValue('involves');
    await form.getByRole('button', { name: 'Add link' }).click();
    await expect(page.getByRole('list', { name: 'Links' })).toContainText('Dario Venn');

    await page.getByRole('list', { name: 'Links' }).getByRole('link', { name: 'Dario Venn' }).click();
    const events = page.getByRole('list', { name: 'Events', exact: true });
    await expect(events.getByRole('listitem').filter({ hasText: 'Suspects before the investigating judge' })).toContainText(
      /^involved in16 March 2023Suspects before the investigating judge/,
    );
  });
});
