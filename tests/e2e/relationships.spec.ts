import { expect, test } from '@playwright/test';
import { CodebookPage } from './models/codebook.model';
import { EntityPage } from './models/entity.model';
import { LibraryPage } from './models/library.model';
import { CommandPalettePage } from './models/palette.model';
import { WorkspacePage } from './models/workspace.model';

test.describe('an entity’s page and its relationships', () => {
  test.beforeEach(async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.openSample();
  });

  test('attributes with dates and a tag are kept and shown; the list filters by the tag; a type of the case’s own is made, given and deleted', async ({
    page,
  }) => {
    const entity = new EntityPage(page);
    await entity.open('Helena Strand');
    await entity.article.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('form', { name: 'Edit Helena Strand' });
    await form.getByRole('button', { name: 'Add attribute' }).click();
    const row = form.getByRole('group', { name: 'Attribute 2' });
    await row.getByLabel('Key').fill('Nationality');
    await row.getByLabel('Value').fill('Vellish');
    await row.getByLabel('From').fill('2019-03');
    await row.getByLabel('To').fill('2023');
    await expect(row).toContainText('Holds March 2019 – 2023');
    await CodebookPage.pick(form, 'suspects', 'People › Suspects');
    await form.getByRole('combobox', { name: 'Tags' }).press('Escape');

    // A date range the wrong way round is refused, naming the row.
    await form.getByRole('button', { name: 'Add attribute' }).click();
    const wrong = form.getByRole('group', { name: 'Attribute 3' });
    await wrong.getByLabel('Key').fill('Address');
    await wrong.getByLabel('Value').fill('Harbour Street 4');
    await wrong.getByLabel('From').fill('2022');
    await wrong.getByLabel('To').fill('2020');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByRole('alert')).toHaveText('Attribute 3 (“Address”), to: The end date is before the start date.');
    await form.getByRole('button', { name: 'Remove Attribute 3' }).click();
    await form.getByRole('button', { name: 'Save' }).click();

    const attributes = entity.article.getByRole('table', { name: 'Attributes' });
    await expect(attributes.getByRole('row')).toHaveText(['AttributeValueWhen', 'RoleChief prosecutor', 'NationalityVellishMarch 2019 – 2023']);
    await expect(entity.article.getByRole('list', { name: 'Tags' })).toHaveText('People › Suspects');
    await page.reload();
    await expect(attributes.getByRole('row').last()).toHaveText('NationalityVellishMarch 2019 – 2023');

    const workspace = new WorkspacePage(page);
    await page.getByLabel('Entity tag').selectOption({ label: 'People' });
    await expect(workspace.list('Entities').getByRole('link')).toHaveText([/^Helena Strand/]);
    await page.getByLabel('Entity tag').selectOption({ label: 'All tags' });

    // A type of the case's own, made in Entity types…, then given to an entity.
    await page.getByRole('button', { name: 'Entity types…' }).click();
    const types = page.getByRole('dialog', { name: 'Entity types' });
    await expect(types.getByRole('list', { name: 'The case’s own entity types' })).toContainText('Authority 1 entity');
    await types.getByLabel('New type').fill('authority');
    await types.getByRole('button', { name: 'Add type' }).click();
    await expect(types.getByRole('alert')).toHaveText('This case already has an entity type named “Authority”. Use it, or choose another name.');
    await types.getByLabel('New type').fill('Harbour board');
    await types.getByLabel('Letter').fill('HB');
    await types.getByRole('button', { name: 'Add type' }).click();
    await expect(types.getByRole('list', { name: 'The case’s own entity types' }).getByRole('listitem')).toHaveText([/Authority/, /Harbour board/]);
    await types.getByRole('button', { name: 'Close' }).click();

    await workspace.addEntity('Vellport Harbour Board', 'Harbour board');
    await expect(page.getByRole('heading', { level: 2, name: 'Vellport Harbour Board' }).locator('..').getByText('Harbour board', { exact: true })).toBeVisible();

    // Deleting the type asks what its entity becomes.
    await page.getByRole('button', { name: 'Entity types…' }).click();
    await types.getByRole('button', { name: 'Delete Harbour board' }).click();
    const deleting = types.getByRole('group', { name: 'Delete the type Harbour board' });
    await deleting.getByLabel('Its entity becomes').selectOption('organisation');
    await deleting.getByRole('button', { name: 'Delete type' }).click();
    await expect(types.getByRole('list', { name: 'The case’s own entity types' }).getByRole('listitem')).toHaveText([/Authority/]);
    await types.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Vellport Harbour Board' }).locator('..').getByText('organisation', { exact: true })).toBeVisible();
  });

  test('a relationship with a type of the case’s own, dates, confidence and two supporting excerpts reads right from both ends, opens its sources, is edited and deleted', async ({
    page,
  }) => {
    const entity = new EntityPage(page);
    await entity.open('Dario Venn');
    await entity.article.getByRole('button', { name: 'Add relationship' }).click();

    // A type of the case's own, made from the form, read one way and back.
    await entity.relationshipForm.getByRole('button', { name: 'New relationship type…' }).click();
    const newType = page.getByRole('dialog', { name: 'New relationship type' });
    await newType.getByLabel('Label', { exact: true }).fill('chartered');
    await newType.getByLabel('Inverse label').fill('chartered by');
    await newType.getByRole('button', { name: 'Add type' }).click();
    await expect(newType).toBeHidden();
    await expect(entity.relationshipForm.getByLabel('Relationship', { exact: true }).locator('option:checked')).toHaveText('chartered (chartered by)');

    // The excerpts linked to Venn are offered first.
    await expect(entity.relationshipForm.getByRole('checkbox').first()).toHaveAccessibleName(/· linked$/);
    await entity.fillRelationship({
      other: 'corran',
      from: '2022-10',
      to: '2023-02',
      confidence: 'probable',
      excerpts: ['Among those detained', 'frozen fish'],
    });
    await expect(entity.relationshipForm.getByRole('status')).toHaveText('Reads: Dario Venn chartered MV Corran Bay');
    await expect(entity.relationshipForm).toContainText('Supporting excerpts (2 chosen)');
    await entity.relationshipForm.getByRole('button', { name: 'Add relationship' }).click();

    const fromVenn = entity.relationship('Dario Venn chartered MV Corran Bay');
    await expect(fromVenn).toContainText('October 2022 – February 2023');
    await expect(fromVenn).toContainText('probable');
    await expect(fromVenn.getByRole('list', { name: 'Supporting excerpts' }).getByRole('link')).toHaveText([
      /^“Among those detained was Dario Venn/,
      /^“containers declared as frozen fish/,
    ]);

    // From the ship's page it reads the other way.
    await fromVenn.getByRole('link', { name: 'MV Corran Bay', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'MV Corran Bay' })).toBeVisible();
    const fromShip = entity.relationship('MV Corran Bay chartered by Dario Venn');
    await expect(fromShip).toContainText('October 2022 – February 2023');
    const sampleOne = entity.relationship('MV Corran Bay related to Quayline Logistics');
    await expect(sampleOne).toContainText('possible');
    await expect(sampleOne.getByLabel('Note')).toContainText('Same route and months as the 14 containers');

    // A supporting excerpt opens where it is.
    await fromShip.getByRole('link', { name: /frozen fish/ }).click();
    await expect(page).toHaveURL(/\/excerpts\/[^/]+$/);
    await expect(page.locator('blockquote', { hasText: 'containers declared as frozen fish were loaded onto the MV Corran Bay' })).toBeVisible();

    // Edited from the ship's side: the confidence changes, and one excerpt is let go.
    await entity.open('MV Corran Bay');
    await fromShip.getByRole('button', { name: 'Change the relationship: MV Corran Bay chartered by Dario Venn' }).click();
    await expect(entity.relationshipForm.getByRole('radio', { name: 'Dario Venn chartered MV Corran Bay' })).toBeChecked();
    await entity.relationshipForm.getByLabel('Confidence').selectOption('confirmed');
    await entity.relationshipForm.getByRole('checkbox', { name: /Among those detained/ }).uncheck();
    await entity.relationshipForm.getByRole('button', { name: 'Save relationship' }).click();
    await expect(fromShip).toContainText('confirmed');
    await expect(fromShip.getByRole('list', { name: 'Supporting excerpts' }).getByRole('link')).toHaveText([/^“containers declared/]);

    // Deleted, after asking.
    await fromShip.getByRole('button', { name: 'Remove the relationship: MV Corran Bay chartered by Dario Venn' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this relationship?' });
    await dialog.getByRole('button', { name: 'Delete relationship' }).click();
    await expect(fromShip).toHaveCount(0);
    await entity.open('Dario Venn');
    await expect(entity.relationship('Dario Venn chartered MV Corran Bay')).toHaveCount(0);
    await expect(entity.relationship('Dario Venn director of Quayline Logistics')).toContainText('confirmed');
  });

  test('a relationship type of the case’s own is made, used, relabelled (read anew from both ends) and deleted once nothing has it', async ({ page }) => {
    const entity = new EntityPage(page);
    const workspace = new WorkspacePage(page);
    await workspace.openSection('Entities');
    await page.getByRole('button', { name: 'Relationship types…' }).click();
    const types = page.getByRole('dialog', { name: 'Relationship types' });
    const own = types.getByRole('list', { name: 'The case’s own relationship types' });
    await expect(types).toContainText('Every case has these: member of / has member, works for / employs, owns / owned by');
    await expect(types).toContainText('contacted (both ways)');
    await expect(own.getByRole('listitem')).toHaveText([/^director of \/ directed by 1 relationship/]);

    const adding = types.getByRole('form', { name: 'New relationship type' });
    await adding.getByLabel('New type').fill('chartered');
    await adding.getByLabel('Inverse label').fill('chartered by');
    await adding.getByRole('button', { name: 'Add type' }).click();
    await expect(own.getByRole('listitem')).toHaveText([/^chartered \/ chartered by 0 relationships/, /^director of/]);
    await expect(adding.getByLabel('New type')).toHaveValue('');

    // A label the case has already, whatever its case and spacing, or a built-in one, is refused with the reason.
    await adding.getByLabel('New type').fill('  Director  Of ');
    await adding.getByRole('button', { name: 'Add type' }).click();
    await expect(adding.getByRole('alert')).toHaveText('This case already has a relationship type “director of”. Use it, or choose another label.');
    await adding.getByLabel('New type').fill('Works for');
    await adding.getByRole('button', { name: 'Add type' }).click();
    await expect(adding.getByRole('alert')).toHaveText('“works for” is already one of the built-in relationship types. Use it, or choose another label.');
    await expect(own.getByRole('listitem')).toHaveCount(2);
    await types.getByRole('button', { name: 'Close' }).click();
    await expect(types).toBeHidden();

    await entity.open('Dario Venn');
    await entity.addRelationship({ type: 'chartered (chartered by)', other: 'corran' });
    await expect(entity.relationship('Dario Venn chartered MV Corran Bay')).toBeVisible();

    // From the command palette, over the entity's page: the type is relabelled both ways.
    const palette = new CommandPalettePage(page);
    await palette.openWithKeyboard();
    await palette.run('relationship types');
    await expect(own.getByRole('listitem').first()).toHaveText(/^chartered \/ chartered by 1 relationship/);
    await own.getByRole('button', { name: 'Edit chartered' }).click();
    const editing = own.getByRole('form', { name: 'Edit the type chartered' });
    await editing.getByLabel('Label', { exact: true }).fill('director of');
    await editing.getByRole('button', { name: 'Save type' }).click();
    await expect(editing.getByRole('alert')).toHaveText('This case already has a relationship type “director of”. Use it, or choose another label.');
    await editing.getByLabel('Label', { exact: true }).fill('hired');
    await editing.getByLabel('Inverse label').fill('hired by');
    await editing.getByRole('button', { name: 'Save type' }).click();
    await expect(own.getByRole('listitem')).toHaveText([/^director of/, /^hired \/ hired by 1 relationship/]);
    await types.getByRole('button', { name: 'Close' }).click();
    await expect(entity.relationship('Dario Venn hired MV Corran Bay')).toBeVisible();
    await expect(entity.relationship('Dario Venn chartered MV Corran Bay')).toHaveCount(0);
    await entity.open('MV Corran Bay');
    await expect(entity.relationship('MV Corran Bay hired by Dario Venn')).toBeVisible();

    // Deleting a type a relationship still has is refused, saying so; once that relationship is gone, it goes.
    await page.getByRole('button', { name: 'Relationship types…' }).click();
    await own.getByRole('button', { name: 'Delete hired' }).click();
    const deleting = own.getByRole('group', { name: 'Delete the type hired' });
    await expect(deleting).toContainText('1 relationship has this type.');
    await deleting.getByRole('button', { name: 'Delete type' }).click();
    await expect(deleting.getByRole('alert')).toHaveText('1 relationship is of the type “hired”: change their type or delete them first.');
    await deleting.getByRole('button', { name: 'Keep it' }).click();
    await expect(deleting).toBeHidden();
    await types.getByRole('button', { name: 'Close' }).click();

    await entity.relationship('MV Corran Bay hired by Dario Venn').getByRole('button', { name: /^Remove the relationship/ }).click();
    await page.getByRole('dialog', { name: 'Delete this relationship?' }).getByRole('button', { name: 'Delete relationship' }).click();
    await expect(entity.relationship('MV Corran Bay hired by Dario Venn')).toHaveCount(0);
    await page.getByRole('button', { name: 'Relationship types…' }).click();
    await own.getByRole('button', { name: 'Delete hired' }).click();
    await expect(deleting).toContainText('No relationship has this type.');
    await deleting.getByRole('button', { name: 'Delete type' }).click();
    await expect(own.getByRole('listitem')).toHaveText([/^director of/]);
    await types.getByRole('button', { name: 'Close' }).click();

    // The relationship form no longer offers it.
    await entity.article.getByRole('button', { name: 'Add relationship' }).click();
    await expect(entity.relationshipForm.getByLabel('Relationship', { exact: true }).getByRole('option', { name: /^hired/ })).toHaveCount(0);
    await expect(entity.relationshipForm.getByLabel('Relationship', { exact: true }).getByRole('option', { name: /^director of/ })).toHaveCount(1);
  });

  test('the page groups what is linked; a plain link between entities becomes a relationship', async ({ page }) => {
    const entity = new EntityPage(page);
    await entity.open('Dario Venn');
    await expect(entity.article.getByRole('list', { name: 'Excerpts', exact: true }).getByRole('listitem')).toHaveCount(2);
    await expect(entity.article.getByRole('list', { name: 'Events', exact: true })).toHaveText(
      /^involved in13 March 2023Raids and arrests in Vellport, Port Aster and Kessel/,
    );
    const linked = entity.article.getByRole('list', { name: 'Linked entities' });
    await expect(linked).toContainText('works forQuayline Logistics');
    await linked.getByRole('button', { name: 'Make “Dario Venn works for Quayline Logistics” a relationship' }).click();
    await expect(entity.relationship('Dario Venn works for Quayline Logistics')).toContainText('unverified');
    await expect(linked).toHaveCount(0);
  });

  test('refused with the reason: no other entity, the entity itself, a “located in” circle, one already recorded', async ({ page }) => {
    const entity = new EntityPage(page);
    await entity.open('Marlow Quay');
    await entity.article.getByRole('button', { name: 'Add relationship' }).click();
    await entity.fillRelationship({ type: 'located in (location of)' });
    await entity.relationshipForm.getByRole('button', { name: 'Add relationship' }).click();
    await expect(entity.relationshipForm.getByRole('alert')).toHaveText('Choose the entity it goes to.');

    await entity.fillRelationship({ other: 'marlow' });
    await entity.relationshipForm.getByRole('button', { name: 'Add relationship' }).click();
    await expect(entity.relationshipForm.getByRole('alert')).toHaveText('An entity cannot have a relationship with itself. Choose another entity.');

    await entity.fillRelationship({ other: 'vellport' });
    await entity.relationshipForm.getByRole('button', { name: 'Add relationship' }).click();
    await expect(entity.relationship('Marlow Quay located in Vellport')).toBeVisible();

    // Vellport located in Marlow Quay would close a circle.
    await entity.open('Vellport');
    await expect(entity.relationship('Vellport location of Marlow Quay')).toBeVisible();
    await entity.addRelationship({ type: 'located in (location of)', other: 'marlow quay' });
    await expect(entity.relationshipForm.getByRole('alert')).toHaveText(
      '“Vellport” cannot be located in “Marlow Quay”: that would make a circle, each located in the next: “Vellport” → “Marlow Quay” → “Vellport”. Remove one of those relationships first.',
    );
    // Read from the other side ("Marlow Quay located in Vellport", recorded from Vellport's page), it is the same one.
    await entity.fillRelationship({ incoming: true });
    await entity.relationshipForm.getByRole('button', { name: 'Add relationship' }).click();
    await expect(entity.relationshipForm.getByRole('alert')).toHaveText(
      '“Marlow Quay” located in “Vellport” is already recorded for the same dates. Edit that relationship instead.',
    );
    await entity.relationshipForm.getByRole('button', { name: 'Cancel' }).click();
    await expect(entity.relationships.getByRole('listitem')).toHaveCount(1);
  });
});
