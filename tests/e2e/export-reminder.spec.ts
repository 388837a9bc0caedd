import { writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { LibraryPage } from './models/library.model';
import { ArchivePage } from './models/archive.model';
import { CommandPalettePage } from './models/palette.model';
import { WorkspacePage } from './models/workspace.model';

/**
 * The browser build keeps a case only in the browser's storage: the overview says when it was last exported, and a
 * reminder at the foot of the case's pane asks for an archive once 20 changes are not in one. Exports are saved through a stand-in for
 * the save dialog (see `ArchivePage`), streamed into a real file of the origin's private file system.
 */
test.beforeEach(async ({ page }) => ArchivePage.stubSaveFilePicker(page));

const reminder = (page: Page) => page.getByRole('status', { name: 'Export reminder' });
const exportStatus = (page: Page) => page.getByTestId('export-status');

/**
 * The controls of the case's pane that the status named `label` lies over, by their accessible text: the part of each
 * that shows, within the panes that scroll it, meeting the status's box.
 */
const controlsUnder = (page: Page, label: string) =>
  page.evaluate((label) => {
    const status = document.querySelector(`[role="status"][aria-label="${label}"]`)!;
    const cover = status.getBoundingClientRect();
    const shown = (control: Element) => {
      let { left, top, right, bottom } = control.getBoundingClientRect();
      for (let pane = control.parentElement; pane; pane = pane.parentElement) {
        if (getComputedStyle(pane).overflow === 'visible') continue;
        const clip = pane.getBoundingClientRect();
        [left, top, right, bottom] = [Math.max(left, clip.left), Math.max(top, clip.top), Math.min(right, clip.right), Math.min(bottom, clip.bottom)];
      }
      return { left, top, right, bottom };
    };
    return [...document.querySelectorAll('#main :is(button, a[href], input, select, textarea, [contenteditable="true"])')]
      .filter((control) => !status.contains(control) && control.checkVisibility())
      .filter((control) => {
        const box = shown(control);
        return box.left < cover.right && cover.left < box.right && box.top < cover.bottom && cover.top < box.bottom;
      })
      .map((control) => control.getAttribute('aria-label') ?? control.textContent?.trim() ?? control.localName);
  }, label);

/** A new case, whose creation is its first change, and its overview. */
async function newCase(page: Page, name: string) {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase(name);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Makes `count` changes, each a new note (made as *New note* is clicked), the last one's title left focused. */
async function addNotes(workspace: WorkspacePage, count: number) {
  for (let made = 0; made < count; made++) await workspace.newNote();
}

test('the reminder comes after 20 changes, exports from where it is, and waits again after the export', async ({ page }) => {
  test.slow();
  const workspace = new WorkspacePage(page);
  await newCase(page, 'Harbour charter');
  await expect(exportStatus(page)).toContainText('Never exported');
  await expect(exportStatus(page).getByRole('button', { name: 'Export case archive…' })).toBeVisible();

  // The case's creation and 18 notes: 19 changes, one short.
  await addNotes(workspace, 18);
  await workspace.openSection('Overview');
  await expect(exportStatus(page)).toContainText('Never exported');
  await expect(reminder(page)).toBeHidden();

  // The 20th: the reminder appears while the new note's title has the focus, and leaves it there.
  const note = await workspace.newNote();
  await expect(reminder(page)).toBeVisible();
  await expect(reminder(page)).toContainText('This case has never been exported: its 20 changes are kept only in this browser.');
  const title = note.getByLabel('Title');
  await expect(title).toBeFocused();
  await page.keyboard.type('Charter party');
  await expect(title).toHaveValue('Charter party');
  // Saved (the form is named by its title as saved): the export is of the case with it.
  await expect(page.getByRole('form', { name: 'Note Charter party', exact: true })).toBeVisible();

  await reminder(page).getByRole('button', { name: 'Export case archive…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export case archive' });
  await expect(dialog.getByRole('status').filter({ hasText: /^Saved “Harbour charter – \d{4}-\d{2}-\d{2}\.casebook”/ })).toBeVisible({ timeout: 30_000 });
  await expect(reminder(page)).toBeHidden();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await workspace.openSection('Overview');
  await expect(exportStatus(page)).toContainText(/Last exported just now · no changes since/);
  // The exact time is on the relative one.
  await expect(exportStatus(page).locator('time')).toHaveAttribute('title', /\d/);

  // One change since: counted, not yet worth a reminder.
  await workspace.addEntity('Dario Venn');
  await workspace.openSection('Overview');
  await expect(exportStatus(page)).toContainText('Last exported just now · 1 change since');
  await expect(reminder(page)).toBeHidden();
});

test('Later puts the reminder away until 20 more changes', async ({ page }) => {
  test.slow();
  const workspace = new WorkspacePage(page);
  await newCase(page, 'Quay leases');
  await addNotes(workspace, 19);
  await expect(reminder(page)).toBeVisible();
  // It covers nothing: with a form open, every control of the pane stays clear of it, and the form still saves.
  await workspace.openSection('Entities');
  await page.getByRole('link', { name: 'New entity' }).first().click();
  await expect(page.getByRole('form', { name: 'New entity' })).toBeVisible();
  expect(await controlsUnder(page, 'Export reminder')).toEqual([]);
  await workspace.addEntity('Dario Venn');
  await expect(reminder(page)).toContainText('its 21 changes are kept only in this browser');
  await reminder(page).getByRole('button', { name: 'Later' }).click();
  await expect(reminder(page)).toBeHidden();

  // Still away after a reload (remembered for the case), and after 19 changes more.
  await page.reload();
  await addNotes(workspace, 19);
  await workspace.openSection('Overview');
  await expect(exportStatus(page)).toContainText('Never exported');
  await expect(reminder(page)).toBeHidden();

  await addNotes(workspace, 1);
  await expect(reminder(page)).toContainText('its 41 changes are kept only in this browser');
});

test('the sample case, whose changes are not the researcher’s, is not reminded of; a case imported is as exported as its archive', async ({ page }, testInfo) => {
  test.slow();
  const library = new LibraryPage(page);
  await library.goto();
  await library.openSample();
  await expect(exportStatus(page)).toContainText('Never exported');
  const countsList = page.getByRole('list', { name: 'Record counts' });
  await expect(countsList).not.toContainText('…');
  await expect(reminder(page)).toBeHidden();

  const archive = new ArchivePage(page);
  const name = await archive.exportCase();
  await expect(exportStatus(page)).toContainText('Last exported just now · no changes since');
  const path = testInfo.outputPath('sample.casebook');
  await writeFile(path, await archive.savedBytes(name));

  const palette = new CommandPalettePage(page);
  await palette.openWithKeyboard();
  await palette.run('Open case archive');
  const dialog = archive.openDialog;
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose archive…' }).click();
  await (await chooser).setFiles(path);
  await dialog.getByRole('button', { name: 'Import as a new case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sample case: Operation Lantern Quay (2)' })).toBeVisible({ timeout: 30_000 });
  await expect(exportStatus(page)).toContainText('Last exported just now · no changes since');
  await expect(reminder(page)).toBeHidden();
});
