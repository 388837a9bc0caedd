import { expect, test, type Page } from '@playwright/test';
import { DocumentsPage } from './models/documents.model';
import { LibraryPage } from './models/library.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';

async function newCase(page: Page) {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase(`Marking ${test.info().title.slice(0, 40)}`);
}

async function importAndOpen(page: Page, file: string) {
  await newCase(page);
  await new WorkspacePage(page).openSection('Documents');
  const documents = new DocumentsPage(page);
  await documents.importFiles(file);
  await expect(documents.report).toContainText('1 imported');
  await documents.openFromReport(file);
  const reader = new ReaderPage(page);
  await expect(reader.heading).toBeVisible();
  return reader;
}

/** Comments the excerpt just marked in the panel at the selection, with Enter: text typed, or keys pressed between texts. */
async function comment(reader: ReaderPage, typed: string | string[]) {
  await expect(reader.markPanel.getByRole('status')).toContainText('Marked excerpt');
  await expect(reader.markPanel.getByRole('textbox', { name: 'Comment' })).toBeFocused();
  for (const [index, part] of [typed].flat().entries()) {
    if (index % 2) await reader.page.keyboard.press(part);
    else await reader.page.keyboard.type(part);
  }
  await reader.page.keyboard.press('Enter');
  await expect(reader.markPanel).toBeHidden();
}

const LOG = [
  'Harbour log, Saltmere.',
  'The pilot boarded at dawn. The tug stood by at the north quay.',
  'At noon the pilot boarded again, this time the Kestrel, and the tug stood by once more.',
].join('\n\n');

test.describe('marking excerpts in the reader', () => {
  test('in a web page’s HTML view: with the button and the shortcut, across list items, a repeated phrase at its second occurrence, overlapping, hover and click', async ({
    page,
  }) => {
    const reader = await importAndOpen(page, 'marking-article.html');
    await expect(reader.body).toContainText('The first truck carried a sealed container.');

    // The second "the night shift" (lower case, in the second paragraph), with the button at the selection.
    await reader.select('night shift', { occurrence: 2 });
    await page.getByRole('button', { name: 'Mark excerpt' }).click();
    await comment(reader, 'Told to wave them through: by whom?');

    // Across two list items, with the shortcut.
    await reader.select('The first truck', { to: 'no plates' });
    await page.keyboard.press('ControlOrMeta+e');
    // The comment is rich text: "trucks" in bold, with the editor's own shortcut.
    await comment(reader, ['Both ', 'ControlOrMeta+b', 'trucks']);

    // Overlapping the first: marking offers the excerpt already there, and can mark anyway.
    await reader.select('shift was told');
    await page.keyboard.press('ControlOrMeta+e');
    const already = page.getByRole('dialog', { name: 'Already an excerpt' });
    await expect(already).toContainText('This passage is already an excerpt: “night shift”');
    await expect(already.getByRole('link', { name: 'Open that excerpt' })).toBeVisible();
    await already.getByRole('button', { name: 'Mark it anyway' }).click();
    await comment(reader, 'Who told them');

    await page.reload();
    await expect(reader.body).toContainText('The port authority');
    await expect
      .poll(() => reader.highlightedExcerpts())
      .toEqual([
        { text: 'night shift', before: 1, page: null },
        { text: 'shift was told', before: 0, page: null },
        { text: 'The first truck carried a sealed container.\nThe second truck had no plates', before: 0, page: null },
      ]);
    expect(await reader.highlighted('casebook-excerpt-overlap')).toEqual(['shift']);

    // Hovering shows the comment; clicking shows the excerpt beside the text.
    const point = await reader.pointAtHighlight('The first truck carried a sealed container.\nThe second truck had no plates');
    await page.mouse.move(point.x, point.y);
    await expect(page.getByRole('tooltip')).toHaveText('Both trucks');
    await page.mouse.click(point.x, point.y);
    const side = page.getByRole('complementary', { name: 'Selected excerpt' });
    await expect(side).toContainText('Both trucks');
    await expect(side.getByRole('blockquote').or(side.locator('blockquote'))).toContainText('The first truck carried a sealed container.');
    await side.getByRole('link', { name: 'Open excerpt' }).click();
    await expect(page.getByRole('article', { name: 'Excerpt' })).toContainText('Both trucks');
    await expect(page.getByRole('article', { name: 'Excerpt' }).locator('strong')).toHaveText('trucks');
  });

  test('in plain text: a repeated phrase at its second occurrence, with the context menu and across paragraphs', async ({ page }) => {
    await newCase(page);
    const reader = new ReaderPage(page);
    await reader.addTextDocument('Harbour log', LOG);

    await reader.select('pilot boarded', { occurrence: 2 });
    const point = await page.evaluate(() => {
      const rect = getSelection()!.getRangeAt(0).getBoundingClientRect();
      return { x: rect.left + 5, y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(point.x, point.y, { button: 'right' });
    const menu = page.getByRole('menu', { name: 'Selection' });
    await expect(menu.getByRole('menuitem', { name: 'Mark excerpt' })).toBeFocused();
    await page.keyboard.press('Enter');
    await comment(reader, 'Second boarding');

    // Across two paragraphs, with the shortcut.
    await reader.select('north quay.', { to: 'At noon' });
    await page.keyboard.press('ControlOrMeta+e');
    await expect(reader.markPanel).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(reader.markPanel).toBeHidden();

    await page.reload();
    await expect
      .poll(() => reader.highlightedExcerpts())
      .toEqual([
        { text: 'north quay.At noon', before: 0, page: null },
        { text: 'pilot boarded', before: 1, page: null },
      ]);
    const hover = await reader.pointAtHighlight('pilot boarded');
    await page.mouse.move(hover.x, hover.y);
    await expect(page.getByRole('tooltip')).toHaveText('Second boarding');

    // Stepping goes from the caret once it has moved, not from the excerpt shown before.
    await page.mouse.click(hover.x, hover.y);
    await expect(reader.sidePanel).toContainText('Excerpt 2 of 2');
    await reader.body.getByText('Harbour log, Saltmere.').click();
    await page.keyboard.press('Alt+ArrowDown');
    await expect(reader.sidePanel).toContainText('Excerpt 1 of 2');
    await expect.poll(() => reader.currentExcerpt()).toEqual({ text: 'north quay.At noon', page: null });
  });

  test('on page 2 of a PDF: marked in the page’s text layer, highlighted on that page after a reload', async ({ page }) => {
    const reader = await importAndOpen(page, 'three-page-report.pdf');
    const pageTwo = page.getByRole('group', { name: 'Page 2 of 3' });
    await pageTwo.scrollIntoViewIfNeeded();
    await expect(pageTwo.locator('.textLayer[data-rendered]')).toContainText('Eleven of the forty-eight');
    const sentence = 'The differences total a little under two and a half million euros.';
    await reader.select(sentence);
    await page.getByRole('button', { name: 'Mark excerpt' }).click();
    await comment(reader, 'Two and a half million');
    await expect(page.getByRole('list', { name: 'Excerpts from this document' })).toContainText('page 2');

    await page.reload();
    await page.getByRole('group', { name: 'Page 2 of 3' }).scrollIntoViewIfNeeded();
    await expect.poll(() => reader.highlightedExcerpts()).toEqual([{ text: sentence, before: 0, page: 2 }]);
  });

  test('with the keyboard alone: Alt+Down and Alt+Up step through a web page’s excerpts, the side panel shows each, Escape and Open excerpt', async ({
    page,
  }) => {
    const reader = await importAndOpen(page, 'marking-article.html');
    await expect(reader.body).toContainText('The first truck carried a sealed container.');
    // Marked out of text order, so the steps follow the text and not the order of marking.
    for (const [from, to, note] of [
      ['The first truck', 'no plates', 'Both trucks'],
      ['gate log is rarely checked', 'gate log is rarely checked', 'Who checks the log?'],
      ['night shift was told', 'night shift was told', 'Told by whom?'],
    ] as const) {
      await reader.select(from, { to });
      await page.keyboard.press('ControlOrMeta+e');
      await comment(reader, note);
    }
    await page.reload();
    await expect.poll(async () => (await reader.highlightedExcerpts()).length).toBe(3);
    await expect(page.getByRole('button', { name: 'Next excerpt' })).toHaveAttribute('title', 'Next excerpt (Alt+Down)');

    // From the top of the text: the first excerpt, drawn as the current one, in the panel, which has the focus.
    await page.keyboard.press('Alt+ArrowDown');
    await expect(reader.sidePanel).toContainText('Excerpt 1 of 3');
    await expect(reader.sidePanel).toContainText('Who checks the log?');
    await expect(reader.sidePanel).toBeFocused();
    await expect(reader.stepAnnouncement).toHaveText(/^Excerpt 1 of 3: “gate log is rarely checked”/);
    await expect.poll(() => reader.currentExcerpt()).toEqual({ text: 'gate log is rarely checked', page: null });

    await page.keyboard.press('Alt+ArrowDown');
    await expect(reader.sidePanel).toContainText('Told by whom?');
    await expect(reader.stepAnnouncement).toHaveText(/^Excerpt 2 of 3: “night shift was told”/);
    await page.keyboard.press('Alt+ArrowDown');
    await expect(reader.sidePanel).toContainText('Both trucks');
    await expect.poll(() => reader.currentExcerpt()).toEqual({
      text: 'The first truck carried a sealed container.\nThe second truck had no plates',
      page: null,
    });
    await expect.poll(() => reader.currentExcerptInView()).toBe(true);

    // The end is said, in the panel and aloud; the last excerpt stays shown.
    await page.keyboard.press('Alt+ArrowDown');
    await expect(reader.sidePanel).toContainText('No more excerpts after this one.');
    await expect(reader.stepAnnouncement).toHaveText(/^No more excerpts after this one\./);
    await expect(reader.sidePanel).toContainText('Both trucks');
    await page.keyboard.press('Alt+ArrowUp');
    await expect(reader.sidePanel).toContainText('Excerpt 2 of 3');
    await expect(reader.sidePanel).not.toContainText('No more excerpts');

    // Escape closes the panel and gives the focus back to the text; stepping goes on from the excerpt shown last.
    await page.keyboard.press('Escape');
    await expect(reader.sidePanel).toBeHidden();
    await expect(reader.body).toBeFocused();
    await expect.poll(() => reader.currentExcerpt()).toBeNull();
    await page.keyboard.press('Alt+ArrowDown');
    await expect(reader.sidePanel).toContainText('Excerpt 3 of 3');
    await expect(reader.sidePanel).toBeFocused();

    // Tab reaches Open excerpt in the panel; Enter opens the excerpt.
    await page.keyboard.press('Tab');
    await expect(reader.sidePanel.getByRole('link', { name: 'Open excerpt' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('article', { name: 'Excerpt' })).toContainText('Both trucks');
  });

  test('with the keyboard alone on a PDF: Alt+Down reaches the excerpts on pages 2 and 3, each brought into view on its page', async ({
    page,
  }) => {
    const reader = await importAndOpen(page, 'three-page-report.pdf');
    const marks = [
      { page: 1, words: 'with the paper ledger kept in the finance office.', note: 'Paper ledger' },
      { page: 2, words: 'The differences total a little under two and a half million euros.', note: 'Two and a half million' },
      { page: 3, words: 'the quayside ledger was never recovered.', note: 'Never recovered' },
    ];
    for (const mark of marks) {
      const group = page.getByRole('group', { name: `Page ${mark.page} of 3` });
      await group.scrollIntoViewIfNeeded();
      await expect(group.locator('.textLayer[data-rendered]')).toContainText(mark.words);
      await reader.select(mark.words);
      await page.keyboard.press('ControlOrMeta+e');
      await comment(reader, mark.note);
    }

    // Opened again at the top: page 3 is not drawn yet.
    await page.reload();
    await expect(page.getByRole('group', { name: 'Page 1 of 3' }).locator('.textLayer[data-rendered]')).toContainText('finance office');
    await expect(page.getByRole('group', { name: 'Page 3 of 3' }).locator('.textLayer[data-rendered]')).toHaveCount(0);
    for (const [index, mark] of marks.entries()) {
      await page.keyboard.press('Alt+ArrowDown');
      await expect(reader.sidePanel).toContainText(`Excerpt ${index + 1} of 3`);
      await expect(reader.sidePanel).toContainText(mark.note);
      await expect.poll(() => reader.currentExcerpt()).toEqual({ text: mark.words, page: mark.page });
      await expect.poll(() => reader.currentExcerptInView()).toBe(true);
    }
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    await expect(reader.sidePanel).toContainText('Paper ledger');
    await expect.poll(() => reader.currentExcerpt()).toEqual({ text: marks[0]!.words, page: 1 });
    await expect.poll(() => reader.currentExcerptInView()).toBe(true);
  });
});
