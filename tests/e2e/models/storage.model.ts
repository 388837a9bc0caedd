import { expect, type Page } from '@playwright/test';

/** What the browser itself answers about this origin's storage, asked in the page. */
export interface BrowserStorageAnswer {
  persisted: boolean;
  usage: number;
  quota: number;
}

/** The view "Storage and safety of your cases": persistence, storage used, where it lives, durability. */
export class StorageView {
  constructor(readonly page: Page) {}

  get dialog() {
    return this.page.getByRole('dialog', { name: 'Storage and safety of your cases' });
  }

  /** One fact of the view ("Kept for good", "Storage used", "Where it lives", "Saving"): its term and what it is. */
  fact(term: string) {
    return this.dialog.getByRole('group', { name: term });
  }

  /** Opens it from the library's button. */
  async openFromLibrary() {
    await this.page.getByRole('button', { name: 'Storage and safety' }).click();
    await expect(this.fact('Saving')).toBeVisible();
  }

  /** The bytes used and allowed, as the view shows them (the exact numbers it keeps beside the words). */
  async shownBytes(): Promise<{ usage: number; quota: number; words: string[] }> {
    const numbers = this.fact('Storage used').locator('data');
    await expect(numbers).toHaveCount(2);
    const [usage, quota] = await numbers.evaluateAll((elements) => elements.map((element) => Number((element as HTMLDataElement).value)));
    return { usage: usage!, quota: quota!, words: await numbers.allTextContents() };
  }

  /** Asks the browser in the page, as the view does. */
  browserAnswer(): Promise<BrowserStorageAnswer> {
    return this.page.evaluate(async () => {
      const { usage = -1, quota = -1 } = await navigator.storage.estimate();
      return { persisted: await navigator.storage.persisted(), usage, quota };
    });
  }

  /**
   * Measures again until the view and the browser agree (usage moves while the app writes in the background: its
   * search index, a draft), and returns what both say.
   */
  async agreedBytes(): Promise<{ usage: number; quota: number; words: string[] }> {
    let agreed: { usage: number; quota: number; words: string[] } | null = null;
    await expect(async () => {
      await this.fact('Storage used').getByRole('button', { name: 'Measure again' }).click();
      const before = await this.browserAnswer();
      const shown = await this.shownBytes();
      const after = await this.browserAnswer();
      expect(before.usage).toBe(after.usage);
      expect(shown).toMatchObject({ usage: after.usage, quota: after.quota });
      agreed = shown;
    }).toPass();
    return agreed!;
  }

  async close() {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
