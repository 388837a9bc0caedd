import { expect, type Page } from '@playwright/test';

/** The reader's mentions (underlines, their menu, the name on hover), an entity's Mentions and the watchlist. */
export class MentionsPage {
  constructor(readonly page: Page) {}

  /** The words underlined in the reader, by highlight name ("casebook-mention-person"), in the text's order. */
  underlined(): Promise<Record<string, string[]>> {
    return this.page.evaluate(() => {
      const found: Record<string, string[]> = {};
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('casebook-mention-')) continue;
        const ranges = [...(highlight as unknown as Iterable<Range>)];
        ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
        found[name] = ranges.map((range) => range.toString());
      }
      return found;
    });
  }

  /** The middle of the first underline showing `text`, to point at it. */
  async pointAt(text: string): Promise<{ x: number; y: number }> {
    const point = await this.page.evaluate((wanted) => {
      const names = [...CSS.highlights.keys()].filter((name) => name.startsWith('casebook-mention-'));
      const range = names.flatMap((name) => [...(CSS.highlights.get(name) as unknown as Iterable<Range>)]).find((each) => each.toString() === wanted);
      const rect = range?.getClientRects()[0];
      return rect ? { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 } : null;
    }, text);
    if (!point) throw new Error(`No mention underline shows “${text}”.`);
    return point;
  }

  /** The passage a snippet opened the reader at. */
  currentMention(): Promise<string | null> {
    return this.page.evaluate(() => {
      const [range] = [...((CSS.highlights.get('casebook-current-mention') as unknown as Iterable<Range> | undefined) ?? [])];
      return range ? range.toString() : null;
    });
  }

  /** The reader's Mentions menu, opened. */
  async openMenu() {
    const menu = this.page.locator('details.mentions-menu');
    if (!(await menu.evaluate((element) => (element as HTMLDetailsElement).open))) await menu.locator('summary').click();
    return menu;
  }

  get tooltip() {
    return this.page.getByRole('tooltip');
  }

  /** The open entity's Mentions section. */
  get entitySection() {
    return this.page.getByRole('region', { name: 'Mentions' });
  }

  async openWatchlist() {
    await this.page.getByRole('link', { name: 'Watchlist' }).click();
    await expect(this.page.getByRole('heading', { name: 'Watchlist' })).toBeVisible();
    return this.page.getByRole('list', { name: 'Watchlist' });
  }
}
