import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { EditorModel } from './models/editor.model';
import { LibraryPage } from './models/library.model';
import { CommandPalettePage } from './models/palette.model';
import { WorkspacePage } from './models/workspace.model';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', name), 'utf8');

/** A new case with a note titled `title`, its editor ready to type into. */
async function noteEditor(page: Page, title: string): Promise<EditorModel> {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase('Harbour notes');
  await new WorkspacePage(page).addNote(title);
  const editor = new EditorModel(page, page.getByRole('form', { name: `Note ${title}` }));
  await expect(editor.text).toBeVisible();
  return editor;
}

test.describe('the rich-text editor', () => {
  test('Markdown shortcuts typed make a heading, lists, a task list, a quote and a rule', async ({ page }) => {
    const editor = await noteEditor(page, 'Boarding');
    await editor.type('## Boarding party\n- Pilot aboard\nMaster absent\n\n1. Search the hold\n\n[ ] Call the harbour master\n\n> Nothing to declare\n\n---');
    await editor.type('Done with **care** and `AIS 244123000` ');
    const text = editor.text;
    await expect(text.locator('h2')).toHaveText('Boarding party');
    await expect(text.locator('ul:not([data-type]) > li')).toHaveText(['Pilot aboard', 'Master absent']);
    await expect(text.locator('ol > li')).toHaveText(['Search the hold']);
    await expect(text.locator('ul[data-type="taskList"] > li > div')).toHaveText(['Call the harbour master']);
    const task = text.getByRole('checkbox', { name: 'Task item checkbox for Call the harbour master' });
    await expect(task).not.toBeChecked();
    await task.check();
    await expect(text.locator('ul[data-type="taskList"] > li')).toHaveAttribute('data-checked', 'true');
    await expect(text.locator('blockquote')).toHaveText('Nothing to declare');
    await expect(text.locator('hr')).toHaveCount(1);
    await expect(text.locator('strong')).toHaveText('care');
    await expect(text.locator('code')).toHaveText('AIS 244123000');
  });

  test('the toolbar and the keyboard format the selection, and say what it has', async ({ page }) => {
    const editor = await noteEditor(page, 'Payments');
    await editor.type('Paid in cash');
    await editor.selectLine();
    await page.keyboard.press('ControlOrMeta+b');
    await expect(editor.text.locator('strong')).toHaveText('Paid in cash');
    await expect(editor.button('Bold')).toHaveAttribute('aria-pressed', 'true');
    await expect(editor.button('Italic')).toHaveAttribute('aria-pressed', 'false');
    await editor.button('Italic').click();
    await expect(editor.text.locator('strong em, em strong')).toHaveText('Paid in cash');
    await page.keyboard.press('ControlOrMeta+Shift+h');
    await expect(editor.text.locator('mark')).toHaveText('Paid in cash');
    await editor.button('Heading 3').click();
    await expect(editor.text.locator('h3')).toHaveText('Paid in cash');
    await expect(editor.button('Heading 3')).toHaveAttribute('aria-pressed', 'true');
    // The buttons show their shortcut and give it to assistive technology.
    await expect(editor.button('Bold')).toHaveAttribute('title', /^Bold \((Ctrl\+B|⌘B)\)$/);
    await expect(editor.button('Bold')).toHaveAttribute('aria-keyshortcuts', /^(Control|Meta)\+B$/);
    // Focus stayed in the text: typing goes on there.
    await page.keyboard.press('End');
    await page.keyboard.type(' twice');
    await expect(editor.text.locator('h3')).toHaveText('Paid in cash twice');
  });

  test('Link… sets a web or mail address on the selection, and refuses any other', async ({ page }) => {
    const editor = await noteEditor(page, 'Sources');
    await editor.type('the customs report');
    await editor.selectLine();
    await editor.button('Link…').click();
    const address = editor.scope.getByRole('group', { name: 'Link' }).getByRole('textbox', { name: 'Link address' });
    await expect(address).toBeFocused();
    await address.fill('javascript:alert(1)');
    await page.keyboard.press('Enter');
    await expect(editor.scope.getByRole('alert')).toHaveText('A link goes to a web address (https://…) or an e-mail address (mailto:…).');
    await expect(editor.text.locator('a')).toHaveCount(0);
    await address.fill('https://example.org/report');
    await page.keyboard.press('Enter');
    await expect(editor.text.locator('a[href="https://example.org/report"]')).toHaveText('the customs report');
    await expect(address).toBeHidden();
    // That Enter went to the link box, not to the note: the caret is back in the text, where the writing goes on.
    await expect(editor.text).toBeFocused();
  });

  test('a table is inserted, written in, grown, and undo and redo take back and bring back', async ({ page }) => {
    const editor = await noteEditor(page, 'Vessels');
    await editor.type('Vessels seen:');
    await expect(editor.toolbar.getByRole('group', { name: 'Table' })).toHaveCount(0);
    await editor.button('Insert table').click();
    const table = editor.text.locator('table');
    await expect(table.locator('th')).toHaveCount(3);
    await expect(table.locator('tr')).toHaveCount(3);
    await page.keyboard.type('Vessel');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Flag');
    await expect(table.locator('th')).toHaveText(['Vessel', 'Flag', '']);
    await expect(editor.toolbar.getByRole('group', { name: 'Table' })).toBeVisible();
    await editor.button('Add table row').click();
    await expect(table.locator('tr')).toHaveCount(4);
    await editor.button('Add table column').click();
    await expect(table.locator('tr').first().locator('th')).toHaveCount(4);

    await page.keyboard.press('ControlOrMeta+z');
    await expect(table.locator('tr').first().locator('th')).toHaveCount(3);
    await editor.button('Undo').click();
    await expect(table.locator('tr')).toHaveCount(3);
    await page.keyboard.press('ControlOrMeta+Shift+z');
    await expect(table.locator('tr')).toHaveCount(4);
    await editor.button('Redo').click();
    await expect(table.locator('tr').first().locator('th')).toHaveCount(4);
    await expect(editor.button('Redo')).toHaveAttribute('aria-disabled', 'true');

    // Saved as it was typed (notes save themselves) and opened again, the table is as it was written.
    await expect(editor.scope.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
    await page.reload();
    await expect(editor.text.locator('table th')).toHaveText(['Vessel', 'Flag', '', '']);
  });

  test('the count of words follows the typing', async ({ page }) => {
    const editor = await noteEditor(page, 'Count');
    await editor.expectCount(0);
    await editor.type('Pilot boarded at dawn');
    await editor.expectCount(4);
    await expect(editor.count).toContainText('21 characters');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- two more');
    await editor.expectCount(6);
  });

  test('the palette formats the text being written, and offers nothing of it elsewhere', async ({ page }) => {
    const editor = await noteEditor(page, 'Palette');
    await editor.type('Not a fishing vessel');
    await editor.selectLine();
    const palette = new CommandPalettePage(page);
    await palette.openWithKeyboard();
    await palette.filterBox.fill('strike');
    await expect(palette.options.first()).toContainText('Strikethrough');
    await page.keyboard.press('Enter');
    await expect(palette.dialog).toBeHidden();
    await expect(editor.text.locator('s')).toHaveText('Not a fishing vessel');

    await page.getByRole('form', { name: 'Note Palette' }).getByLabel('Title').click();
    await palette.openWithKeyboard();
    await palette.filterBox.fill('strike');
    await expect(palette.options).toHaveCount(0);
  });

  test('a web page pasted keeps its structure and links, and nothing that runs or fetches', async ({ page }) => {
    const editor = await noteEditor(page, 'Press');
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('http://127.0.0.1') && !request.url().startsWith('http://localhost')) fetched.push(request.url());
    });
    await editor.text.click();
    await editor.paste(fixture('web-paste.html'), 'Trawler seized off the north quay');
    const text = editor.text;
    await expect(text.locator('h2')).toHaveText('Trawler seized off the north quay');
    await expect(text.locator('h3')).toHaveText('What was found');
    await expect(text.locator('ul > li')).toHaveText(['Forty tonnes of undeclared fish', 'A second log book']);
    await expect(text.locator('ol > li')).toHaveText(['Crew questioned', 'Vessel detained']);
    await expect(text.locator('table th')).toHaveText(['Item', 'Quantity']);
    await expect(text.locator('table td')).toHaveText(['Hake', '25 t', 'Cod', '15 t']);
    await expect(text.locator('a[href="https://example.org/customs"]')).toHaveText('the agency said');
    await expect(text.locator('a[href="mailto:press@example.org"]')).toHaveCount(1);
    await expect(text.locator('blockquote')).toHaveText('We acted on a tip-off.');
    await expect(text.locator('img, script, iframe, [onclick], [onerror], a[href^="javascript"]')).toHaveCount(0);
    await expect(text).not.toContainText('fetch(');
    await expect(page.getByRole('status').filter({ hasText: '2 pictures were left out' })).toBeVisible();
    expect(fetched).toEqual([]);
  });

  test('a Word document pasted keeps its headings, lists, table and link, without Word’s markup', async ({ page }) => {
    const editor = await noteEditor(page, 'Inspection');
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (!/^http:\/\/(127\.0\.0\.1|localhost)/.test(request.url())) fetched.push(request.url());
    });
    await editor.text.click();
    await editor.paste(fixture('word-paste.html'), 'Inspection of the Kestrel Moor');
    const text = editor.text;
    await expect(text.locator('h2')).toHaveText('Inspection of the Kestrel Moor');
    await expect(text.locator('h3')).toHaveText('Findings');
    await expect(text.locator('ul > li > p')).toHaveText(['Seals broken on two containers', 'Container MSKU 448 210', 'Log book missing pages']);
    await expect(text.locator('ul > li > ul > li')).toHaveText('Container MSKU 448 210');
    await expect(text.locator('ol > li')).toHaveText(['Call the harbour master', 'Ask for the cargo manifest']);
    await expect(text.locator('a[href="https://example.org/manifest"]')).toHaveText('cargo manifest');
    await expect(text.locator('table td')).toHaveText(['Container', 'Seal', 'MSKU 448 210', 'Broken']);
    await expect(text.locator('strong').first()).toHaveText('06:40');
    await expect(text).not.toContainText('·');
    await expect(text).not.toContainText('mso');
    await expect(text.locator('img, [style*="mso"], [class*="Mso"], [onmouseover]')).toHaveCount(0);
    expect(fetched).toEqual([]);
  });
});
