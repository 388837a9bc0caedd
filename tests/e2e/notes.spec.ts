import { expect, test, type Locator, type Page } from '@playwright/test';
import { LibraryPage } from './models/library.model';
import { NotesModel } from './models/notes.model';
import { CommandPalettePage } from './models/palette.model';

/** A one-pixel PNG, made here: what a screenshot pasted from the clipboard would be. */
const PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

async function newCase(page: Page, name: string): Promise<NotesModel> {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase(name);
  return new NotesModel(page);
}

/** Pastes into the focused editor what the clipboard would hold: image files, or text. */
async function paste(box: Locator, content: { png?: { name: string; base64?: string; bytes?: number }; text?: string }) {
  await box.evaluate((element, { png, text }) => {
    const data = new DataTransfer();
    if (png) {
      const bytes = png.base64 ? Uint8Array.from(atob(png.base64), (c) => c.charCodeAt(0)) : new Uint8Array(png.bytes ?? 0);
      data.items.add(new File([bytes], png.name, { type: 'image/png' }));
    }
    if (text !== undefined) data.setData('text/plain', text);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, content);
}

/** The names of the images the case keeps for notes, read from the app's IndexedDB as it stands. */
function storedImages(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const opening = indexedDB.open('casebook');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const reading = db.transaction('attachments').objectStore('attachments').getAll();
          reading.onerror = () => reject(reading.error);
          reading.onsuccess = () => {
            db.close();
            resolve((reading.result as { name: string }[]).map((attachment) => attachment.name).sort());
          };
        };
      }),
  );
}

test.describe('notes in a tree, saved as they are typed', () => {
  test('folders and notes are made in the current folder, moved by drag and by keyboard, and a summary is pinned', async ({ page }) => {
    const notes = await newCase(page, 'Harbour notes');
    await notes.addNote('Harbour lead');
    await notes.addNote('Questions');
    await notes.addFolder('Leads');
    // New items come first in their folder; the folder just made is the current one, so a note made now goes in it.
    expect(await notes.outline()).toEqual(['Leads', 'Questions', 'Harbour lead']);
    await notes.addNote('Quay witness');
    expect(await notes.outline()).toEqual(['Leads', '  Quay witness', 'Questions', 'Harbour lead']);

    // Drag a note into the folder (onto its middle) and another before the folder.
    await notes.item('Harbour lead').dragTo(notes.item('Leads'));
    await expect.poll(() => notes.outline()).toEqual(['Leads', '  Harbour lead', '  Quay witness', 'Questions']);
    const leads = await notes.item('Leads').boundingBox();
    await notes.item('Questions').dragTo(notes.item('Leads'), { targetPosition: { x: 20, y: 2 } });
    await expect.poll(() => notes.outline()).toEqual(['Questions', 'Leads', '  Harbour lead', '  Quay witness']);
    expect(leads).not.toBeNull();

    // By keyboard: arrows move in the tree, Alt+Down moves the item down, Left goes to its folder and closes it.
    await notes.item('Harbour lead').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => notes.outline()).toEqual(['Questions', 'Leads', '  Quay witness', '  Harbour lead']);
    await expect(notes.item('Harbour lead')).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(notes.item('Leads')).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(notes.item('Leads')).toHaveAttribute('aria-expanded', 'false');
    expect(await notes.outline()).toEqual(['Questions', 'Leads']);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(notes.item('Quay witness')).toBeFocused();
    // Move to…: the top level.
    await page.getByRole('group', { name: 'Actions for the note “Quay witness”' }).getByRole('button', { name: 'Move to…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move “Quay witness” to…' });
    await dialog.getByLabel('Folder').selectOption({ label: 'Top level' });
    await dialog.getByRole('button', { name: 'Move' }).click();
    await expect.poll(() => notes.outline()).toEqual(['Questions', 'Leads', '  Harbour lead', 'Quay witness']);
    // Enter opens a note; F2 on a folder renames it in place.
    await notes.item('Questions').focus();
    await page.keyboard.press('Enter');
    await expect(notes.form('Questions')).toBeVisible();
    await notes.item('Leads').focus();
    await page.keyboard.press('F2');
    await notes.tree.getByRole('textbox', { name: 'Folder name' }).fill('Open leads');
    await page.keyboard.press('Enter');
    await expect(notes.item('Open leads')).toBeFocused();

    // The case summary: pinned, shown first and on the overview; pinning another moves the pin.
    const questions = notes.form('Questions');
    await notes.typeInto(questions, 'Who paid the pilot?');
    await questions.getByRole('button', { name: 'Pin as case summary' }).click();
    await expect(page.getByRole('link', { name: /Case summary: Questions/ })).toBeVisible();
    await notes.workspace.openSection('Overview');
    const summary = page.getByRole('region', { name: 'Case summary' });
    await expect(summary).toContainText('Who paid the pilot?');
    await summary.getByRole('link', { name: 'Questions' }).click();
    await expect(questions.getByRole('button', { name: 'Unpin case summary' })).toHaveAttribute('aria-pressed', 'true');
    await notes.item('Quay witness').click();
    await notes.form('Quay witness').getByRole('button', { name: 'Pin as case summary' }).click();
    await expect(page.getByRole('link', { name: /Case summary: Quay witness/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /Case summary: Questions/ })).toHaveCount(0);

    // The tree and the pin are stored: the same after a reload.
    await page.reload();
    await expect.poll(() => notes.outline()).toEqual(['Questions', 'Open leads', '  Harbour lead', 'Quay witness']);
    await expect(page.getByRole('link', { name: /Case summary: Quay witness/ })).toBeVisible();
  });

  test('deleting a folder asks, and moves its notes up a level', async ({ page }) => {
    const notes = await newCase(page, 'Folder deletion');
    await notes.workspace.openSection('Notes');
    await notes.addFolder('Leads');
    await notes.addNote('Inside');
    await notes.item('Leads').click();
    await page.getByRole('button', { name: 'Delete folder' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete the folder “Leads”?' });
    await expect(dialog).toContainText('No note is deleted');
    await dialog.getByRole('button', { name: 'Delete folder' }).click();
    await expect.poll(() => notes.outline()).toEqual(['Inside']);
  });

  test('what is typed is saved without a button: across switching notes mid-word, and across a reload at once', async ({ page }) => {
    const notes = await newCase(page, 'Autosave');
    await notes.addNote('Second');
    await notes.addNote('First');
    const first = notes.form('First');
    await notes.typeInto(first, 'The harbour mas');
    // Switch at once, mid-word, and come back: every character is there.
    await notes.item('Second').click();
    const second = notes.form('Second');
    await expect(second).toBeVisible();
    await notes.typeInto(second, 'Pilot boarded at 06:1');
    await notes.item('First').click();
    await expect(notes.text(first)).toHaveText('The harbour mas');
    await expect(notes.status(first)).toHaveText('Saved');
    await notes.item('Second').click();
    await expect(notes.text(second)).toHaveText('Pilot boarded at 06:1');

    // Typing shows the state, then saves after a pause.
    await notes.typeInto(second, '5');
    await expect(notes.status(second)).toHaveText(/Unsaved changes|Saving…|Saved/);
    await expect(notes.status(second)).toHaveText('Saved');
    // Reload the moment the last key is typed: nothing is lost, and nothing asks first.
    await notes.typeInto(second, ', left at 07:00');
    let asked = false;
    page.once('dialog', (dialog) => {
      asked = true;
      void dialog.accept();
    });
    await page.reload();
    await expect(notes.text(second)).toHaveText('Pilot boarded at 06:15, left at 07:00');
    await expect(notes.status(second)).toHaveText('Saved');
    expect(asked).toBe(false);
    // Saved in the database, not only offered back: the draft is gone once saved.
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('casebook.draft:note:')))).toEqual([]);

    // A title that cannot be saved says why, and the rest is kept until it can.
    await second.getByLabel('Title').fill('');
    await expect(notes.status(second)).toHaveText('Not saved: Note title cannot be empty.');
    await second.getByLabel('Title').fill('Second, retitled');
    await expect(notes.form('Second, retitled')).toBeVisible();
    await expect(notes.item('Second, retitled')).toBeVisible();
  });

  test('an edit in another window shows up here, and one made while typing here is offered, not written over', async ({ page, context }) => {
    const notes = await newCase(page, 'Two windows');
    await notes.addNote('Shared lead');
    const here = notes.form('Shared lead');
    await notes.typeInto(here, 'Seen at the quay.');
    await expect(notes.status(here)).toHaveText('Saved');

    const other = await context.newPage();
    await other.goto(page.url());
    const there = new NotesModel(other);
    const thereForm = there.form('Shared lead');
    await expect(there.text(thereForm)).toHaveText('Seen at the quay.');

    // Nothing typed here: the other window's change is simply shown.
    await there.typeInto(thereForm, ' Twice.');
    await expect(there.status(thereForm)).toHaveText('Saved');
    await expect(notes.text(here)).toHaveText('Seen at the quay. Twice.');

    // Typed here while the other window saves: both texts are kept until the researcher chooses. (The other
    // window's save is written straight to the database, so this one is still typing when it lands.)
    const now = Date.now();
    await page.clock.install({ time: now });
    await page.clock.pauseAt(now + 1_000);
    await notes.typeInto(here, ' Mine.');
    await expect(notes.status(here)).toHaveText('Unsaved changes');
    await other.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('casebook');
          request.onsuccess = () => {
            const db = request.result;
            const store = db.transaction('notes', 'readwrite').objectStore('notes');
            const all = store.getAll();
            all.onsuccess = () => {
              const note = all.result.find((one: { title: string }) => one.title === 'Shared lead');
              const text = { type: 'text', text: 'Seen at the quay. Twice. Theirs.' };
              const write = store.put({ ...note, body: { type: 'doc', content: [{ type: 'paragraph', content: [text] }] }, updatedAt: new Date().toISOString() });
              write.onsuccess = () => {
                db.close();
                resolve();
              };
              write.onerror = () => reject(write.error);
            };
          };
          request.onerror = () => reject(request.error);
        }),
    );
    await page.clock.resume();
    const changed = here.getByRole('alert').filter({ hasText: 'Changed in another window' });
    await expect(changed).toBeVisible();
    await expect(notes.text(here)).toHaveText('Seen at the quay. Twice. Mine.');
    await changed.getByRole('button', { name: 'Keep mine' }).click();
    await expect(notes.status(here)).toHaveText('Saved');
    await expect(there.text(thereForm)).toHaveText('Seen at the quay. Twice. Mine.');
    await other.close();
  });

  test('a note whose stored text is broken shows the text it held, with a warning and a way to keep it', async ({ page }) => {
    const notes = await newCase(page, 'Broken note');
    await notes.addNote('Damaged');
    const id = page.url().split('/').at(-1)!;
    // Write a broken row straight into IndexedDB, as a faulty import or another program might.
    await page.evaluate(
      (noteId) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('casebook');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const store = db.transaction('notes', 'readwrite').objectStore('notes');
            const read = store.get(noteId);
            read.onsuccess = () => {
              const body = { type: 'doc', content: [{ type: 'mystery', content: [{ type: 'text', text: 'The skipper paid in cash.' }] }] };
              const write = store.put({ ...read.result, body, updatedAt: new Date().toISOString() });
              write.onsuccess = () => {
                db.close();
                resolve();
              };
              write.onerror = () => reject(write.error);
            };
          };
        }),
      id,
    );
    await page.reload();
    const form = notes.form('Damaged');
    const warning = form.getByRole('alert').filter({ hasText: 'could not be shown as it was stored' });
    await expect(warning).toContainText('mystery');
    await expect(notes.text(form)).toHaveText('The skipper paid in cash.');
    await warning.getByRole('button', { name: 'Keep recovered text' }).click();
    await expect(warning).toBeHidden();
    await expect(notes.status(form)).toHaveText('Saved');
    await page.reload();
    await expect(notes.text(form)).toHaveText('The skipper paid in cash.');
    await expect(form.getByRole('alert')).toHaveCount(0);
  });

  test('a pasted image is kept in the case and shown after a reload without any request; one too large is refused by name', async ({ page }) => {
    const notes = await newCase(page, 'Images');
    await notes.addNote('Quay photos');
    const form = notes.form('Quay photos');
    await notes.typeInto(form, 'The quay at dawn:');
    await paste(notes.text(form), { png: { name: 'quay.png', base64: PIXEL_PNG } });
    const image = notes.text(form).locator('img[data-attachment]');
    await expect(image).toHaveAttribute('alt', 'quay.png');
    await expect(notes.status(form)).toHaveText('Saved');

    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('http://127.0.0.1') && !request.url().startsWith('blob:')) outside.push(request.url());
    });
    await page.reload();
    await expect(image).toHaveAttribute('src', /^blob:/);
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(1);
    expect(outside).toEqual([]);

    // Too large: refused with its name and the limit, and nothing is inserted.
    await notes.text(form).click();
    await paste(notes.text(form), { png: { name: 'harbour-scan.png', bytes: 11 * 1024 * 1024 } });
    await expect(form.getByRole('alert')).toHaveText('harbour-scan.png is 11 MB; images in notes are at most 10 MB. Make it smaller and paste it again.');
    await expect(notes.text(form).locator('img')).toHaveCount(1);
  });

  test('New note opens a note at once to write in, its title selected; an image pasted into it stays, and one removed is let go when the note is left', async ({ page }) => {
    const notes = await newCase(page, 'Quay');
    const fresh = await notes.workspace.newNote();
    const title = fresh.getByLabel('Title');
    await expect(title).toHaveValue('Untitled note');
    expect(await title.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd])).toEqual([0, 'Untitled note'.length]);
    await page.keyboard.type('Quay photos');
    const form = notes.form('Quay photos');
    await expect(form).toBeVisible();
    expect(await notes.outline()).toEqual(['Quay photos']);

    await notes.typeInto(form, 'The quay at dawn:');
    await paste(notes.text(form), { png: { name: 'quay.png', base64: PIXEL_PNG } });
    const image = notes.text(form).locator('img[data-attachment]');
    await expect(image).toHaveAttribute('alt', 'quay.png');
    await expect(notes.status(form)).toHaveText('Saved');
    await page.reload();
    await expect(image).toHaveAttribute('src', /^blob:/);
    expect(await storedImages(page)).toEqual(['quay.png']);

    // Removed from the text: kept while the note is open (undo may bring it back), let go once the note is left.
    await image.click();
    await page.keyboard.press('Delete');
    await expect(image).toHaveCount(0);
    await expect(notes.text(form)).toHaveText('The quay at dawn:');
    await expect(notes.status(form)).toHaveText('Saved');
    expect(await storedImages(page)).toEqual(['quay.png']);
    await notes.workspace.openSection('Timeline');
    await expect.poll(() => storedImages(page)).toEqual([]);
    await notes.workspace.openSection('Notes');
    await notes.item('Quay photos').click();
    await expect(notes.text(form)).toHaveText('The quay at dawn:');

    // From elsewhere in the case, the palette's New note does the same, once (going back and forth makes no other);
    // Delete note takes back one made by mistake.
    await notes.workspace.openSection('Timeline');
    const palette = new CommandPalettePage(page);
    await palette.openWithKeyboard();
    await palette.run('New note');
    const another = notes.form('Untitled note');
    await expect(another.getByLabel('Title')).toBeFocused();
    await page.goBack();
    await expect(page).toHaveURL(/\/timeline$/);
    await page.goForward();
    await expect(another).toBeVisible();
    expect(await notes.outline()).toEqual(['Untitled note', 'Quay photos']);
    await notes.workspace.deleteOpenRecord('note');
    await expect.poll(() => notes.outline()).toEqual(['Quay photos']);
  });

  test('pasting 10 MB of text is refused at once with the limit, and the note stays as it was and responsive', async ({ page }) => {
    const notes = await newCase(page, 'Huge paste');
    await notes.addNote('Paste here');
    const form = notes.form('Paste here');
    await notes.typeInto(form, 'Before.');
    await paste(notes.text(form), { text: 'harbour '.repeat(1_310_720) });
    await expect(form.getByRole('alert')).toHaveText(
      'The text pasted is 10,485,760 characters; at most 1,000,000 can be pasted at once. Paste it in parts, or import it as a document.',
    );
    await expect(notes.text(form)).toHaveText('Before.');
    await page.keyboard.type(' After.');
    await expect(notes.text(form)).toHaveText('Before. After.');
    await expect(notes.status(form)).toHaveText('Saved');
  });

  test('a note written beside the timeline stays there, remembered for the case', async ({ page }) => {
    const notes = await newCase(page, 'Beside');
    await notes.addNote('Working notes');
    await notes.form('Working notes').getByRole('button', { name: 'Beside the timeline' }).click();
    await expect(page).toHaveURL(/\/timeline$/);
    const beside = page.getByRole('complementary', { name: 'Note beside' });
    await expect(beside.getByRole('heading', { name: 'Working notes' })).toBeVisible();
    const form = beside.getByRole('form', { name: 'Note Working notes' });
    await notes.typeInto(form, 'Check the tide tables.');
    await expect(notes.status(form)).toHaveText('Saved');
    await page.reload();
    await expect(notes.text(form)).toHaveText('Check the tide tables.');
    await beside.getByRole('button', { name: 'Close note' }).click();
    await expect(beside).toHaveCount(0);
  });
});
