import { expect, type Page } from '@playwright/test';
import { WorkspacePage } from './workspace.model';

/** Names under which the reader registers its CSS highlights. */
export type HighlightName = 'casebook-find' | 'casebook-find-current' | 'casebook-excerpt';

/** An open document in the Documents section: its details, its views, find and clean-up. */
export class ReaderPage {
  constructor(readonly page: Page) {}

  /** Adds a plain-text document through the "New document" form and waits for it to open. */
  async addTextDocument(title: string, text: string) {
    await new WorkspacePage(this.page).openSection('Documents');
    await this.page.getByRole('link', { name: 'New document' }).first().click();
    const form = this.page.getByRole('form', { name: 'New document' });
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Text').fill(text);
    await form.getByRole('button', { name: 'Add document' }).click();
    await expect(this.heading).toHaveText(title);
  }

  async open(title: string | RegExp) {
    await new WorkspacePage(this.page).openSection('Documents');
    await this.page.getByRole('list', { name: 'Documents' }).getByRole('link', { name: title }).click();
    await expect(this.heading).toBeVisible();
  }

  /** The open document's title: the reader's own heading, not another one in the section (the import report's). */
  get heading() {
    return this.page.getByRole('article').getByRole('heading', { level: 2 }).first();
  }

  /** The one-line summary of the document's details, which opens to all of them. */
  get detailsSummary() {
    return this.page.getByRole('article').locator('.document-details summary');
  }

  /** Opens the document's full details (they show as one line until asked for). */
  async showAllDetails() {
    const details = this.page.getByRole('article').locator('.document-details details');
    if (!(await details.evaluate((element: HTMLDetailsElement) => element.open))) await this.detailsSummary.click();
    await expect(this.page.getByLabel('About this document')).toBeVisible();
  }

  /** The value shown for one of the document's details ("Published", "Tags"...), shown or folded away. */
  detail(label: string) {
    return this.page
      .getByLabel('About this document')
      .locator('.meta-row')
      .filter({ has: this.page.locator('dt').filter({ hasText: new RegExp(`^${label}$`) }) })
      .locator('dd');
  }

  /** The document's text as shown in the Text view. */
  get body() {
    return this.page.locator('.reader-body');
  }

  view(name: 'Text' | 'Pages' | 'Original page') {
    return this.page.getByRole('group', { name: 'View' }).getByRole('button', { name, exact: true });
  }

  // Find

  get findBar() {
    return this.page.getByRole('search', { name: 'Find in document' });
  }

  get findBox() {
    return this.findBar.getByRole('searchbox', { name: 'Find in document' });
  }

  get findStatus() {
    return this.findBar.getByRole('status');
  }

  async find(query: string) {
    if (!(await this.findBar.isVisible())) await this.page.getByRole('button', { name: 'Find', exact: true }).click();
    await this.findBox.fill(query);
  }

  /** The text of each range under a highlight, in document order. */
  highlighted(name: HighlightName): Promise<string[]> {
    return this.page.evaluate(
      (highlight) =>
        [...((CSS.highlights.get(highlight) as Iterable<Range> | undefined) ?? [])].map((range) => range.toString()),
      name,
    );
  }

  /** The page number (data-page) the current find match is drawn on, for PDFs in the Pages view. */
  currentMatchPage(): Promise<number | null> {
    return this.page.evaluate(() => {
      const [range] = [...((CSS.highlights.get('casebook-find-current') as Iterable<Range> | undefined) ?? [])];
      const node = range?.startContainer;
      const element = node instanceof Element ? node : node?.parentElement;
      const page = element?.closest<HTMLElement>('[data-page]')?.dataset.page;
      return page ? Number(page) : null;
    });
  }

  // Details

  get detailsForm() {
    return this.page.getByRole('form', { name: 'Document details' });
  }

  async editDetails(values: Partial<Record<'Title' | 'Authors' | 'Source address' | 'Published' | 'Language' | 'Tags', string>>, summary?: string) {
    if (!(await this.detailsForm.isVisible())) await this.page.getByRole('button', { name: 'Edit details' }).click();
    for (const [label, value] of Object.entries(values)) await this.detailsForm.getByLabel(label, { exact: true }).fill(value);
    if (summary !== undefined) {
      const editor = this.detailsForm.getByRole('textbox', { name: 'Document summary' });
      await editor.click();
      await this.page.keyboard.type(summary);
    }
    await this.detailsForm.getByRole('button', { name: 'Save details' }).click();
  }

  // Selection, excerpts and clean-up

  /** Selects the first occurrence of `phrase` in the reader's text, as a mouse drag would. */
  async select(phrase: string) {
    await this.page.evaluate((wanted) => {
      const root = document.querySelector('.reader-body')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error(`“${wanted}” is not in the reader.`);
    }, phrase);
  }

  async quoteSelection(phrase: string) {
    await this.select(phrase);
    await this.page.getByRole('button', { name: 'Quote selection' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Marked excerpt' })).toBeVisible();
  }

  /** The note on a document whose site text was removed: how many lines, Review, Undo. */
  get siteTextNote() {
    return this.page.getByRole('note', { name: 'Site text' });
  }

  /** Opens the review of the lines removed as site text. */
  async openReview() {
    await this.siteTextNote.getByRole('button', { name: 'Review' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Site text removed from/ });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async openCleanup() {
    await this.page.getByRole('button', { name: 'Clean up' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Clean up/ });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
