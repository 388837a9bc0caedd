import { expect, type Page } from '@playwright/test';
import { WorkspacePage } from './workspace.model';

/** A tag of the codebook as the e2e tests seed it. */
export interface SeedTag {
  id: string;
  name: string;
  parentId: string | null;
  colour: string;
}

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

  /**
   * Writes codebook tags straight into the case's IndexedDB store (the codebook's own screens are built apart), then
   * reloads so the app reads them.
   */
  async seedCodebook(tags: SeedTag[]) {
    const caseId = /#\/case\/([^/]+)/.exec(this.page.url())?.[1];
    if (!caseId) throw new Error(`No case open at ${this.page.url()}`);
    await this.page.evaluate(
      ({ caseId, tags }) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('casebook');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const transaction = db.transaction('tags', 'readwrite');
            const at = new Date().toISOString();
            for (const tag of tags)
              transaction.objectStore('tags').put({ ...tag, caseId, nameKey: tag.name.toLowerCase(), description: '', createdAt: at, updatedAt: at });
            transaction.oncomplete = () => {
              db.close();
              resolve();
            };
            transaction.onerror = () => reject(transaction.error);
          };
        }),
      { caseId, tags },
    );
    await this.page.reload();
  }
}
