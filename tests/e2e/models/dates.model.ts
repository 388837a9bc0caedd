import { expect, type Locator, type Page } from '@playwright/test';

/** The reader's "Dates in this document" panel: each date found is an article named by its words. */
export class DatesPanel {
  constructor(
    readonly page: Page,
    readonly root: Locator,
  ) {}

  /** Opened with the reader toolbar's *Find dates* button (or as `open` says), once the text is read. */
  static async openInReader(page: Page, open?: () => Promise<void>): Promise<DatesPanel> {
    if (open) await open();
    else await page.getByRole('toolbar', { name: 'Reading' }).getByRole('button', { name: 'Find dates' }).click();
    const panel = new DatesPanel(page, page.getByRole('complementary', { name: 'Dates in this document' }));
    await expect(panel.root).toBeVisible();
    await expect(panel.root.getByText('Reading the text for dates…')).toBeHidden({ timeout: 20_000 });
    await expect(panel.list).toBeVisible();
    return panel;
  }

  get list() {
    return this.root.getByRole('list', { name: 'Dates found' });
  }

  /** The date found as these words ("Tuesday", "July last year"). */
  date(words: string) {
    return this.root.getByRole('article', { name: words, exact: true });
  }

  /** The words of each date offered, in text order. */
  async words(): Promise<string[]> {
    return this.list.getByRole('article').getByRole('heading', { level: 4 }).allTextContents();
  }

  get announcement() {
    return this.root.getByRole('status').filter({ hasText: /\S/ }).first();
  }

  /** The text the reader marks as the sentence shown (after a click on a date's sentence), or null. */
  async sentenceShown(): Promise<string | null> {
    return this.page.evaluate(() => {
      const highlight = CSS.highlights.get('casebook-date-sentence') as unknown as Iterable<Range> | undefined;
      const [range] = highlight ? [...highlight] : [];
      return range ? range.toString() : null;
    });
  }
}
