import { expect, type Page } from '@playwright/test';
import { CodebookPage } from './codebook.model';
import { WorkspacePage } from './workspace.model';

/** Names under which the reader registers its CSS highlights. */
export type HighlightName =
  | 'casebook-find'
  | 'casebook-find-current'
  | 'casebook-excerpt'
  | 'casebook-excerpt-overlap'
  | 'casebook-current-excerpt';

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

  /**
   * Selects the reader's text from the start of `from` to the end of `to` (the same phrase by default), each at its
   * `occurrence` (1 for the first) within one text node, as a mouse drag would: across paragraphs, list items, pages.
   */
  async select(from: string, { to = from, occurrence = 1 }: { to?: string; occurrence?: number } = {}) {
    await this.page.evaluate(
      ({ from, to, occurrence }) => {
        const root = document.querySelector('.reader-body')!;
        const find = (wanted: string, nth: number, after: { node: Node; offset: number } | null) => {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          let seen = 0;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const data = (node as Text).data;
            for (let at = data.indexOf(wanted); at >= 0; at = data.indexOf(wanted, at + 1)) {
              if (after) {
                const position = document.createRange();
                position.setStart(after.node, after.offset);
                if (position.comparePoint(node, at) < 0) continue;
              }
              if (++seen === nth) return { node, offset: at };
            }
          }
          throw new Error(`“${wanted}” (occurrence ${nth}) is not in the reader.`);
        };
        const start = find(from, occurrence, null);
        const end = to === from ? { node: start.node, offset: start.offset + from.length } : (() => {
          const found = find(to, 1, start);
          return { node: found.node, offset: found.offset + to.length };
        })();
        const range = document.createRange();
        range.setStart(start.node, start.offset);
        range.setEnd(end.node, end.offset);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      },
      { from, to, occurrence },
    );
  }

  /** The panel that opens where an excerpt was marked. */
  get markPanel() {
    return this.page.getByRole('dialog', { name: 'Marked excerpt' });
  }

  /**
   * Gives the excerpt just marked tags and a comment in the panel at the selection, then saves: each tag is picked by
   * typing part of its path (`typed`) and taking the option shown (`path`).
   */
  async describeMarked({ comment, tags = [] }: { comment: string; tags?: { typed: string; path: string }[] }) {
    await expect(this.markPanel.getByRole('status')).toContainText('Marked excerpt');
    // The panel opens with the caret in the comment (once its editor has loaded): tags are picked after, not raced.
    const commentBox = this.markPanel.getByRole('textbox', { name: 'Comment' });
    await expect(commentBox).toBeFocused();
    for (const { typed, path } of tags) {
      await CodebookPage.pick(this.markPanel, typed, path);
      await expect(this.markPanel.getByRole('list', { name: 'Chosen tags' }).getByRole('button', { name: `Remove tag ${path}` })).toBeVisible();
    }
    // The comment last: going to it closes the list of tags, which would lie over the Save button. A textarea or a
    // rich-text editor alike is a textbox named "Comment" that takes keys.
    await commentBox.pressSequentially(comment);
    await this.markPanel.getByRole('button', { name: 'Save' }).click();
    await expect(this.markPanel).toBeHidden();
  }

  /** Marks the first occurrence of `phrase` with the toolbar's button and closes the panel that opens. */
  async quoteSelection(phrase: string) {
    await this.select(phrase);
    await this.page.getByRole('button', { name: 'Quote selection' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Marked excerpt' })).toBeVisible();
    // Escape reaches the panel once the caret is in its comment, which takes it when its editor has loaded.
    await expect(this.markPanel.getByRole('textbox', { name: 'Comment' })).toBeFocused();
    await this.page.keyboard.press('Escape');
    await expect(this.markPanel).toBeHidden();
  }

  /** Each excerpt highlight's text and how many times the same words occur before it in the reader. */
  highlightedExcerpts(): Promise<{ text: string; before: number; page: number | null }[]> {
    return this.page.evaluate(() => {
      const root = document.querySelector('.reader-body')!;
      const names = [...CSS.highlights.keys()].filter((name) => /^casebook-excerpt(?!-overlap|-target)/.test(name));
      const ranges = names.flatMap((name) => [...(CSS.highlights.get(name) as Iterable<Range>)]);
      return ranges
        .map((range) => {
          const text = range.toString();
          const preceding = document.createRange();
          preceding.setStart(root, 0);
          preceding.setEnd(range.startContainer, range.startOffset);
          const node = range.startContainer;
          const page = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('[data-page]')?.dataset.page;
          return { text, before: preceding.toString().split(text).length - 1, page: page ? Number(page) : null, at: preceding.toString().length };
        })
        .sort((a, b) => a.at - b.at)
        .map(({ text, before, page }) => ({ text, before, page }));
    });
  }

  /**
   * The passage "Go to source" marked: its text, the page (data-page) it is drawn on for a PDF's pages, and whether it
   * is scrolled into the window; null until it is marked.
   */
  sourceTarget(): Promise<{ text: string; page: number | null; inView: boolean } | null> {
    return this.page.evaluate(() => {
      const [range] = [...((CSS.highlights.get('casebook-excerpt-target') as Iterable<Range> | undefined) ?? [])];
      if (!range) return null;
      const box = range.getBoundingClientRect();
      const node = range.startContainer;
      const page = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('[data-page]')?.dataset.page;
      return { text: range.toString(), page: page ? Number(page) : null, inView: box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight };
    });
  }

  /** The excerpt shown beside the text, by a click on its highlight or by Next / Previous excerpt. */
  get sidePanel() {
    return this.page.getByRole('complementary', { name: 'Selected excerpt' });
  }

  /** What the reader says as it steps through the excerpts (a live region, read out, not shown). */
  get stepAnnouncement() {
    return this.page.getByRole('article').getByRole('status').filter({ hasText: /^(Excerpt \d+ of \d+|No more excerpts|No excerpts)/ });
  }

  /** The excerpt drawn as the current one: its text and the page (data-page) it is on, or null when none is. */
  currentExcerpt(): Promise<{ text: string; page: number | null } | null> {
    return this.page.evaluate(() => {
      const [range] = [...((CSS.highlights.get('casebook-current-excerpt') as Iterable<Range> | undefined) ?? [])];
      if (!range) return null;
      const node = range.startContainer;
      const page = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('[data-page]')?.dataset.page;
      return { text: range.toString(), page: page ? Number(page) : null };
    });
  }

  /** Whether the current excerpt's highlight is inside the reader's scrolling area, where it can be seen. */
  currentExcerptInView(): Promise<boolean> {
    return this.page.evaluate(() => {
      const [range] = [...((CSS.highlights.get('casebook-current-excerpt') as Iterable<Range> | undefined) ?? [])];
      const body = document.querySelector('.reader-body');
      if (!range || !body) return false;
      let scroller: Element | null = body.parentElement;
      while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
      const area = (scroller ?? document.documentElement).getBoundingClientRect();
      const rect = range.getBoundingClientRect();
      return rect.height > 0 && rect.top >= area.top && rect.bottom <= area.bottom;
    });
  }

  /** The middle of the first line of the excerpt highlight showing `text`, to point at it. */
  async pointAtHighlight(text: string): Promise<{ x: number; y: number }> {
    const point = await this.page.evaluate((wanted) => {
      const names = [...CSS.highlights.keys()].filter((name) => /^casebook-excerpt(?!-overlap|-target)/.test(name));
      const range = names.flatMap((name) => [...(CSS.highlights.get(name) as Iterable<Range>)]).find((candidate) => candidate.toString() === wanted);
      const rect = range?.getClientRects()[0];
      return rect ? { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 } : null;
    }, text);
    if (!point) throw new Error(`No excerpt highlight shows “${text}”.`);
    return point;
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
