import { expect, test } from '@playwright/test';
import { CodebookPage } from './models/codebook.model';
import { DocumentsPage } from './models/documents.model';
import { ExcerptsPage } from './models/excerpts.model';
import { LibraryPage } from './models/library.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';

// The three sources, as imported from tests/fixtures.
const ARTICLE = { file: 'marking-article.html', title: 'Night shift at the Saltmere grain terminal' };
const LOG = { file: 'harbour-log.txt', title: 'Harbour log, Vellport, 3 March' };
const AUDIT = { file: 'three-page-report.pdf', title: 'Harbour Dues Audit 2022' };

// What the researcher marks in them.
const GATE = 'Workers say the gate log is rarely checked after midnight.';
/** Twice in the article, "The night shift" then "the night shift": marked at its second occurrence. */
const SHIFT = 'night shift';
/** Overlaps the second "night shift" on "shift". */
const TOLD = 'shift was told to wave them through';
const MANIFEST = 'The harbour master signed the manifest at dawn without opening a crate.';
/** On page 2 of the audit. */
const EUROS = 'The differences total a little under two and a half million euros.';

const WITNESSES = { typed: 'witn', path: 'Evidence › Witnesses' };
const PAYMENTS = { typed: 'paym', path: 'Evidence › Payments' };
const QUESTIONS = { typed: 'quest', path: 'Questions' };
const TERMINAL = 'Saltmere grain terminal';

test('a researcher marks evidence in a web page, a text and a PDF, codes and links it, finds it again and deletes its sources', async ({
  page,
}) => {
  // One researcher's whole session, through the UI only.
  test.slow();
  const library = new LibraryPage(page);
  const workspace = new WorkspacePage(page);
  const documents = new DocumentsPage(page);
  const reader = new ReaderPage(page);
  const excerpts = new ExcerptsPage(page);
  const codebook = new CodebookPage(page);

  await library.goto();
  await library.createCase('Saltmere terminal');

  // A codebook with a parent tag and two sub-tags, and one tag beside it.
  await excerpts.open();
  await codebook.open();
  await codebook.addTag('Evidence');
  await codebook.addTag('Witnesses', 'Evidence');
  await codebook.addTag('Payments', 'Evidence');
  await codebook.addTag('Questions');
  await expect(codebook.tree.locator('li[data-tag="Evidence"] li[data-tag]')).toHaveCount(2);
  await workspace.addEntity(TERMINAL, 'organisation');
  await expect(page.getByRole('heading', { level: 2, name: TERMINAL })).toBeVisible();

  await workspace.openSection('Documents');
  await documents.importFiles(ARTICLE.file, LOG.file, AUDIT.file);
  await expect(documents.report).toContainText('3 imported');

  // The web page, in its HTML text view: a sentence, a repeated phrase at its second occurrence, and a passage
  // overlapping it, with the button, the shortcut and the context menu.
  await documents.openFromReport(ARTICLE.file);
  await expect(reader.heading).toHaveText(ARTICLE.title);
  await expect(reader.body).toContainText(GATE);
  await reader.select(GATE);
  await page.getByRole('button', { name: 'Mark excerpt' }).click();
  await reader.describeMarked({ comment: 'Nobody checks the log at night', tags: [WITNESSES] });

  await reader.select(SHIFT, { occurrence: 2 });
  await page.keyboard.press('ControlOrMeta+e');
  await reader.describeMarked({ comment: 'Which shift was on?', tags: [QUESTIONS] });

  await reader.select(TOLD);
  const selected = await page.evaluate(() => {
    const box = getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { x: box.left + 5, y: box.top + box.height / 2 };
  });
  await page.mouse.click(selected.x, selected.y, { button: 'right' });
  await page.getByRole('menu', { name: 'Selection' }).getByRole('menuitem', { name: 'Mark excerpt' }).click();
  const already = page.getByRole('dialog', { name: 'Already an excerpt' });
  await expect(already).toContainText(`This passage is already an excerpt: “${SHIFT}”`);
  await already.getByRole('button', { name: 'Mark it anyway' }).click();
  await reader.describeMarked({ comment: 'Told by whom?', tags: [WITNESSES] });

  // The plain text.
  await documents.openFromReport(LOG.file);
  await expect(reader.heading).toHaveText(LOG.title);
  await reader.select(MANIFEST);
  await page.getByRole('button', { name: 'Mark excerpt' }).click();
  await reader.describeMarked({ comment: 'Signed without looking', tags: [WITNESSES] });

  // Page 2 of the PDF, in its text layer.
  await documents.openFromReport(AUDIT.file);
  await expect(reader.heading).toHaveText(AUDIT.title);
  const pageTwo = page.getByRole('group', { name: 'Page 2 of 3' });
  await pageTwo.scrollIntoViewIfNeeded();
  await expect(pageTwo.locator('.textLayer[data-rendered]')).toContainText(EUROS);
  await reader.select(EUROS);
  await page.getByRole('button', { name: 'Mark excerpt' }).click();
  await reader.describeMarked({ comment: 'Close to 2.5 million', tags: [PAYMENTS] });
  // Listed under the document by its quote's first words, with its page.
  await expect(page.getByRole('list', { name: 'Excerpts from this document' }).getByRole('listitem')).toHaveText([
    /^The differences total .* · page 2$/,
  ]);

  // The sentence about the gate log is linked to the terminal, from the excerpt; its comment and tag were kept.
  await excerpts.open();
  await excerpts.row(GATE).click();
  await expect(excerpts.opened.locator('blockquote')).toHaveText(GATE);
  await expect(excerpts.opened.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText([WITNESSES.path]);
  await expect(excerpts.opened).toContainText('Nobody checks the log at night');
  const linkForm = excerpts.opened.getByRole('form', { name: 'Add a link' });
  await linkForm.getByLabel('Record type').selectOption('entity');
  await linkForm.getByLabel('Record to link', { exact: true }).selectOption({ label: TERMINAL });
  await linkForm.getByRole('button', { name: 'Add link' }).click();
  await expect(excerpts.opened.getByRole('list', { name: 'Links' }).getByRole('link', { name: TERMINAL })).toBeVisible();

  // After a reload, each highlight covers exactly the words selected, where they were selected.
  await page.reload();
  await reader.open(ARTICLE.title);
  await expect(reader.body).toContainText(GATE);
  // The whole list, in the text's order: "night shift" once, with one occurrence before it (its first, not highlighted).
  await expect
    .poll(() => reader.highlightedExcerpts())
    .toEqual([
      { text: GATE, before: 0, page: null },
      { text: SHIFT, before: 1, page: null },
      { text: TOLD, before: 0, page: null },
    ]);
  // Both overlapping excerpts show, and so does their overlap.
  expect(await reader.highlighted('casebook-excerpt-overlap')).toEqual(['shift']);
  // Clicking one shows it beside the text, with its comment and its tag's place in the codebook.
  const gate = await reader.pointAtHighlight(GATE);
  await page.mouse.click(gate.x, gate.y);
  await expect(reader.sidePanel).toContainText('Nobody checks the log at night');
  await expect(reader.sidePanel.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText([WITNESSES.path]);

  await reader.open(LOG.title);
  await expect.poll(() => reader.highlightedExcerpts()).toEqual([{ text: MANIFEST, before: 0, page: null }]);

  await reader.open(AUDIT.title);
  await page.getByRole('group', { name: 'Page 2 of 3' }).scrollIntoViewIfNeeded();
  await expect.poll(() => reader.highlightedExcerpts()).toEqual([{ text: EUROS, before: 0, page: 2 }]);

  // The parent tag finds what its sub-tags code (newest first), not the excerpt under another tag; the entity its one.
  await excerpts.open();
  await expect(excerpts.rows).toHaveCount(5);
  await excerpts.filterBy('tag', 'Evidence');
  await expect(excerpts.quotes()).toHaveText([EUROS, MANIFEST, TOLD, GATE]);
  await excerpts.filterBy('tag', null);
  await excerpts.filterBy('entity', TERMINAL);
  await expect(excerpts.quotes()).toHaveText([GATE]);
  await excerpts.filterBy('entity', null);

  // Go to source opens the document at the passage, marked and scrolled into view; the PDF's on page 2.
  await excerpts.row(GATE).click();
  await excerpts.opened.getByRole('link', { name: 'Go to source' }).click();
  await expect(page).toHaveURL(/documents\/[^?]+\?excerpt=[^&]+$/);
  await expect(reader.heading).toHaveText(ARTICLE.title);
  await expect.poll(() => reader.sourceTarget()).toEqual({ text: GATE, page: null, inView: true });

  await excerpts.open();
  await excerpts.row(EUROS).click();
  await excerpts.opened.getByRole('link', { name: 'Go to source' }).click();
  await expect(page).toHaveURL(/documents\/[^?]+\?excerpt=[^&]+&page=2$/);
  await expect.poll(() => reader.sourceTarget()).toEqual({ text: EUROS, page: 2, inView: true });

  // Deleting the web page with its excerpts: they go with it.
  await reader.open(ARTICLE.title);
  let dialog = await workspace.askToDelete('document');
  await expect(dialog).toContainText('This document has 3 excerpts. What happens to them?');
  await dialog.getByRole('radio', { name: 'Delete them too' }).check();
  await dialog.getByRole('button', { name: 'Delete document' }).click();
  await expect(dialog).toBeHidden();
  await excerpts.open();
  await expect(excerpts.quotes()).toHaveText([EUROS, MANIFEST]);

  // Deleting the PDF but keeping its excerpt: a detached quote that still says where it came from.
  await reader.open(AUDIT.title);
  dialog = await workspace.askToDelete('document');
  await expect(dialog).toContainText('This document has 1 excerpt. What happens to it?');
  await dialog.getByRole('radio', { name: 'Keep it as detached quotes, with the document’s citation' }).check();
  await dialog.getByRole('button', { name: 'Delete document' }).click();
  await expect(dialog).toBeHidden();
  await workspace.openSection('Documents');
  await expect(documents.list.getByRole('link')).toHaveText([new RegExp(`^${LOG.title}`)]);

  await excerpts.open();
  await expect(excerpts.quotes()).toHaveText([EUROS, MANIFEST]);
  await excerpts.row(EUROS).click();
  await expect(excerpts.opened.locator('blockquote')).toHaveText(EUROS);
  await expect(excerpts.opened).toContainText(`From “${AUDIT.title}”, page 2 (source deleted)`);
  await expect(excerpts.opened.getByLabel('Citation')).toHaveText(
    /^Office of the Port Examiner\. Harbour Dues Audit 2022\. .*p\. 2\. Accessed \d+ \w+ \d{4}\. Document no longer in the case \(SHA-256 [0-9a-f]{64}\)\.$/,
  );
  await expect(excerpts.opened.getByRole('link', { name: 'Go to source' })).toHaveCount(0);
  await expect(excerpts.opened.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText([PAYMENTS.path]);
});
