import { expect, test } from '@playwright/test';
import { DraftsModel } from './models/drafts.model';
import { LibraryPage } from './models/library.model';
import { PersistentBrowser } from './models/persistentBrowser';
import { WorkspacePage } from './models/workspace.model';

test.describe('nothing typed is lost', () => {
  test('a new note typed in and reloaded at once keeps what was typed, and leaves no draft once saved', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.createCase('Harbour drafts');
    const workspace = new WorkspacePage(page);
    const drafts = new DraftsModel(page);

    const fresh = await workspace.newNote();
    await page.keyboard.type('Night shift at the harbour');
    await fresh.getByRole('textbox', { name: 'Note text' }).click();
    await page.keyboard.type('Ask the harbour master who signed the log.');

    // A new note saves itself as it is typed, like any note: reloading asks nothing and loses nothing.
    expect(await drafts.reload()).toBeNull();
    const saved = page.getByRole('form', { name: 'Note Night shift at the harbour', exact: true });
    await expect(saved.getByRole('textbox', { name: 'Note text' })).toHaveText('Ask the harbour master who signed the log.');
    await expect(saved.getByRole('status')).toHaveText('Saved');
    await expect(drafts.notice(saved)).toHaveCount(0);
    // The draft goes once the save is done, from both of its copies: the page's storage and the disk's.
    await expect.poll(() => drafts.storedDrafts()).toEqual([]);

    // A draft the earlier new-note form left on this computer is not lost: the next new note starts from it.
    const caseId = /\/case\/([^/]+)\//.exec(page.url())![1]!;
    await page.evaluate((key) => {
      const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Who paid the pilot?' }] }] };
      localStorage.setItem(key, JSON.stringify({ format: 1, savedAt: new Date().toISOString(), values: { title: 'Pilot fees', body } }));
    }, `casebook.draft:note:new:${caseId}`);
    await page.getByRole('link', { name: 'New note' }).first().click();
    const kept = page.getByRole('form', { name: 'Note Pilot fees', exact: true });
    await expect(kept.getByLabel('Title')).toBeFocused();
    await expect(kept.getByRole('textbox', { name: 'Note text' })).toHaveText('Who paid the pilot?');
    expect(await drafts.storedDrafts()).toEqual([]);
  });

  test('an entity’s description edited and not saved reopens its form after a reload, and can be restored or discarded', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.createCase('Pilot drafts');
    const workspace = new WorkspacePage(page);
    const drafts = new DraftsModel(page);
    await workspace.addEntity('Dario Venn');
    await expect(page.getByRole('heading', { level: 2, name: 'Dario Venn' })).toBeVisible();

    const edit = page.getByRole('form', { name: 'Edit Dario Venn' });
    const description = edit.getByRole('textbox', { name: 'Entity description' });
    await page.getByRole('button', { name: 'Edit' }).click();
    await description.click();
    await page.keyboard.type('Harbour pilot since 2019.');
    expect(await drafts.reload()).toBe('beforeunload');

    // Opening the entity again opens its form, which offers the draft back.
    await expect(drafts.notice(edit)).toBeVisible();
    await expect(description).toHaveText('');
    await drafts.restore(edit);
    await expect(description).toHaveText('Harbour pilot since 2019.');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('article', { name: 'Dario Venn' })).toContainText('Harbour pilot since 2019.');
    expect(await drafts.storedDrafts()).toEqual([]);

    await page.getByRole('button', { name: 'Edit' }).click();
    await description.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Retired in 2023.');
    expect(await drafts.reload()).toBe('beforeunload');
    await drafts.discard(edit);
    await expect(drafts.notice(edit)).toBeHidden();
    await expect(description).toHaveText('Harbour pilot since 2019.');

    // Discarded: the entity opens as saved, without its form.
    expect(await drafts.reload()).toBeNull();
    await expect(page.getByRole('article', { name: 'Dario Venn' })).toContainText('Harbour pilot since 2019.');
    await expect(edit).toHaveCount(0);
    expect(await drafts.storedDrafts()).toEqual([]);
  });

  test('going to another section with unsaved changes asks first; Stay keeps the text, Leave keeps it as a draft', async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.createCase('Section drafts');
    const workspace = new WorkspacePage(page);
    const drafts = new DraftsModel(page);

    await workspace.openSection('Entities');
    await page.getByRole('link', { name: 'New entity' }).first().click();
    const form = page.getByRole('form', { name: 'New entity' });
    await form.getByLabel('Name').fill('Marta Kowal');
    await form.getByRole('textbox', { name: 'Entity description' }).click();
    await page.keyboard.type('Signed the charter.');

    await workspace.nav.getByRole('link', { name: /^Timeline/ }).click();
    await expect(drafts.leaveDialog).toContainText('You have unsaved changes in the new entity.');
    await expect(drafts.leaveDialog.getByRole('button', { name: 'Stay' })).toBeFocused();
    await drafts.leaveDialog.getByRole('button', { name: 'Stay' }).click();
    await expect(drafts.leaveDialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: 'Entities' })).toBeVisible();
    await expect(form.getByLabel('Name')).toHaveValue('Marta Kowal');
    await expect(form.getByRole('textbox', { name: 'Entity description' })).toHaveText('Signed the charter.');

    // Alt+5 goes to the timeline as well, and is asked about the same way.
    await page.keyboard.press('Alt+5');
    await drafts.leaveDialog.getByRole('button', { name: 'Leave without saving' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Timeline' })).toBeVisible();

    await workspace.openSection('Entities');
    await page.getByRole('link', { name: 'New entity' }).first().click();
    await drafts.restore(form);
    await expect(form.getByLabel('Name')).toHaveValue('Marta Kowal');
    await expect(form.getByRole('textbox', { name: 'Entity description' })).toHaveText('Signed the charter.');

    // Cancel forgets the draft: leaving then asks nothing.
    await form.getByRole('button', { name: 'Cancel' }).click();
    await workspace.openSection('Timeline');
    await expect(drafts.leaveDialog).toHaveCount(0);
    expect(await drafts.storedDrafts()).toEqual([]);
  });

  test('a new case’s form closed with Escape offers its draft when opened again', async ({ page }) => {
    const library = new LibraryPage(page);
    const drafts = new DraftsModel(page);
    await library.goto();
    await page.getByRole('button', { name: /^(New case|Create a case)$/ }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New case' });
    await dialog.getByLabel('Case name').fill('Harbour contracts 2024');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await page.getByRole('button', { name: /^(New case|Create a case)$/ }).first().click();
    await drafts.restore(dialog);
    await expect(dialog.getByLabel('Case name')).toHaveValue('Harbour contracts 2024');
    await dialog.getByRole('button', { name: 'Create case' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Harbour contracts 2024/ })).toBeVisible();
    expect(await drafts.storedDrafts()).toEqual([]);
  });

  test('a description typed and not saved survives the browser being killed, and restores word for word', async ({ baseURL }) => {
    // Chromium starts twice on a profile of its own, which takes longer than a page in a fresh context.
    test.slow();
    const browser = new PersistentBrowser(baseURL!);
    try {
      let page = await browser.launch();
      const library = new LibraryPage(page);
      await library.goto();
      await library.createCase('Killed drafts');
      await new WorkspacePage(page).addEntity('Ilse Marr');
      await expect(page.getByRole('heading', { level: 2, name: 'Ilse Marr' })).toBeVisible();
      const entityAddress = page.url();

      let drafts = new DraftsModel(page);
      const typed = 'Boarded the Corvina at 03:10 — “no cargo”, she said; the log says otherwise.';
      await page.getByRole('button', { name: 'Edit' }).click();
      await page.getByRole('form', { name: 'Edit Ilse Marr' }).getByRole('textbox', { name: 'Entity description' }).click();
      await page.keyboard.type(typed);
      // The form shows nothing when it keeps a draft: wait until the drafts' database, which commits to the disk,
      // holds the text (local storage holds it at once, and reaches the disk seconds later).
      await expect.poll(() => drafts.onDisk()).toContainEqual(expect.stringContaining(JSON.stringify(typed).slice(1, -1)));

      // No unload, no Save: the browser dies as in a crash.
      await browser.kill();

      page = await browser.launch();
      await page.goto(entityAddress);
      const edit = page.getByRole('form', { name: 'Edit Ilse Marr' });
      drafts = new DraftsModel(page);
      await expect(drafts.notice(edit)).toBeVisible();
      await drafts.restore(edit);
      await expect(edit.getByRole('textbox', { name: 'Entity description' })).toHaveText(typed);
    } finally {
      await browser.dispose();
    }
  });
});
