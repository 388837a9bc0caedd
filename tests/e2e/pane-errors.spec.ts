import { expect, test } from '@playwright/test';
import { checkConsistency } from '../../renderer/src/db/consistency';
import { LibraryPage } from './models/library.model';
import { WorkspacePage } from './models/workspace.model';
import { databaseRows } from './support/crash';

/**
 * A record the app cannot show (written by another Casebook, or damaged on the disk) fails only the pane that shows it:
 * the message says what happened, and the sidebar and the other sections go on working.
 */
test('an entity stored in a shape the app cannot show: its section says so in words, and the rest of the window works', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase('Damaged records');
  const workspace = new WorkspacePage(page);
  await workspace.addEntity('Dario Venn');
  await workspace.addNote('Harbour questions');

  // The entity's attributes are damaged on the disk: no list where a list belongs.
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('casebook');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const store = request.result.transaction('entities', 'readwrite').objectStore('entities');
          const all = store.getAll();
          all.onsuccess = () => {
            const entity = (all.result as { name: string }[]).find((row) => row.name === name)!;
            const put = store.put({ ...entity, attributes: null });
            put.onsuccess = () => {
              request.result.close();
              resolve();
            };
            put.onerror = () => reject(put.error);
          };
        };
      }),
    'Dario Venn',
  );
  // The consistency check names it too.
  expect(checkConsistency(await databaseRows(page))).toEqual([expect.stringMatching(/^In case “Damaged records”: Entity .*“Dario Venn”.*: attributes /)]);

  await workspace.openSection('Entities');
  await workspace.list('Entities').getByRole('link', { name: /^Dario Venn/ }).click();
  const failure = page.getByRole('main').getByRole('alert');
  await expect(failure.getByRole('heading', { name: 'This section could not be shown' })).toBeVisible();
  await expect(failure).toContainText(/Something went wrong: .*null.*\. What was saved is safe/);
  await expect(failure.getByRole('button', { name: 'Reload' })).toBeVisible();

  // The sidebar still works: another section opens in the same pane, and the failure is gone.
  await workspace.openSection('Notes');
  await expect(failure).toBeHidden();
  await page.getByRole('tree', { name: 'Notes' }).getByRole('treeitem', { name: 'Harbour questions' }).click();
  await expect(page.getByRole('form', { name: 'Note Harbour questions', exact: true })).toBeVisible();

  // Back at the entity, the way back to the library leads there.
  await workspace.openSection('Entities');
  await workspace.list('Entities').getByRole('link', { name: /^Dario Venn/ }).click();
  await expect(failure).toBeVisible();
  await failure.getByRole('link', { name: 'Back to the case library' }).click();
  await expect(library.caseLink('Damaged records')).toBeVisible();
});
