import { expect, type Page } from '@playwright/test';
import { WorkspacePage } from './workspace.model';

/** The Excerpts section: the table with its filters, selection and batch actions, and the open excerpt. */
export class ExcerptsPage {
  constructor(readonly page: Page) {}

  get grid() {
    return this.page.getByRole('grid', { name: 'Excerpts' });
  }

  /** The table's rows, without its header row. */
  get rows() {
    return this.grid.getByRole('row').filter({ hasNot: this.page.getByRole('columnheader') });
  }

  row(quote: string | RegExp) {
    return this.rows.filter({ hasText: quote });
  }

  get batch() {
    return this.page.getByRole('group', { name: 'Selected excerpts' });
  }

  get opened() {
    return this.page.getByRole('article', { name: 'Excerpt' });
  }

  async open() {
    await new WorkspacePage(this.page).openSection('Excerpts');
  }

  /** Adds an excerpt through the "New excerpt" form, quoting a document of the case. */
  async add(quote: string, documentTitle: string) {
    await this.open();
    await this.page.getByRole('link', { name: 'New excerpt' }).first().click();
    const form = this.page.getByRole('form', { name: 'New excerpt' });
    await form.getByRole('textbox', { name: 'Quote' }).fill(quote);
    await form.getByLabel('Source document').selectOption({ label: documentTitle });
    await form.getByRole('button', { name: 'Add excerpt' }).click();
    await expect(this.opened.locator('blockquote')).toHaveText(quote);
  }

  async filterBy(what: 'document' | 'tag' | 'entity' | 'event', label: string | null) {
    const select = this.page.getByLabel(`Filter by ${what}`);
    if (label === null) await select.selectOption('');
    else await select.selectOption({ label });
  }

  /** The quotes of the rows shown, top to bottom. */
  quotes() {
    return this.rows.locator('.col-quote');
  }

  async tagSelected(tagPath: string) {
    await this.batch.getByLabel('Tag to add or remove').selectOption({ label: tagPath });
    await this.batch.getByRole('button', { name: 'Tag', exact: true }).click();
  }

  async untagSelected(tagPath: string) {
    await this.batch.getByLabel('Tag to add or remove').selectOption({ label: tagPath });
    await this.batch.getByRole('button', { name: 'Remove tag', exact: true }).click();
  }

  async linkSelected(name: string) {
    await this.batch.getByLabel('Entity or event to link to').selectOption({ label: name });
    await this.batch.getByRole('button', { name: 'Link', exact: true }).click();
  }
}
