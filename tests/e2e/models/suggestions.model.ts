import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The suggested entities of a document (the reader's side panel) or of an import batch (a dialog): each suggestion
 * is an article named by the name, with its type, its actions and its snippets.
 */
export class SuggestionsPanel {
  constructor(
    readonly page: Page,
    readonly root: Locator,
  ) {}

  /** The reader's panel, opened with its toolbar button. */
  static async openInReader(page: Page): Promise<SuggestionsPanel> {
    await page.getByRole('toolbar', { name: 'Reading' }).getByRole('button', { name: 'Suggest entities' }).click();
    const panel = new SuggestionsPanel(page, page.getByRole('complementary', { name: 'Suggested entities' }));
    await panel.waitUntilRead();
    return panel;
  }

  /** The review of the last import's documents, opened from the import report. */
  static async openForBatch(page: Page): Promise<SuggestionsPanel> {
    await page.getByRole('region', { name: 'Import report' }).getByRole('button', { name: 'Review suggested entities' }).click();
    const panel = new SuggestionsPanel(page, page.getByRole('dialog', { name: 'Suggested entities in this import' }));
    await panel.waitUntilRead();
    return panel;
  }

  async waitUntilRead() {
    await expect(this.root).toBeVisible();
    await expect(this.root.getByText('Reading the text for names…')).toBeHidden({ timeout: 20_000 });
    await expect(this.root.getByText(/names? to review|Every name suggested|No names of people/)).toBeVisible();
  }

  /** One group of suggestions: "People", "Organisations", "Places", "Other names". */
  group(label: string) {
    return this.root.getByRole('region', { name: new RegExp(`^${label} \\(\\d+\\)$`) });
  }

  suggestion(name: string) {
    return this.root.getByRole('article', { name, exact: true });
  }

  /** The names offered, in the order shown. */
  async names(): Promise<string[]> {
    return this.root.getByRole('article').getByRole('heading', { level: 5 }).allTextContents();
  }

  get announcement() {
    return this.root.getByRole('status').filter({ hasText: /\S/ }).first();
  }

  /** The names the case already has, under "Already in the case". */
  get known() {
    return this.root.locator('details.suggestions-known');
  }

  async accept(name: string, type?: string) {
    const card = this.suggestion(name);
    if (type) await card.getByRole('combobox', { name: 'Type' }).selectOption(type);
    await card.getByRole('button', { name: 'Accept as new entity' }).click();
  }

  async addAsAliasOf(name: string, entity: string) {
    await this.suggestion(name).getByRole('button', { name: `Add as alias of ${entity}` }).click();
  }

  async dismiss(name: string) {
    await this.suggestion(name).getByRole('button', { name: 'Dismiss' }).click();
  }
}
