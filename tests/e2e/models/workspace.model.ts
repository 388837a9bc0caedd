import { expect, type Page } from '@playwright/test';

export type SectionName = 'Overview' | 'Documents' | 'Excerpts' | 'Entities' | 'Timeline' | 'Notes';

/** An open case: its section navigation and the forms inside each section. */
export class WorkspacePage {
  constructor(readonly page: Page) {}

  get nav() {
    return this.page.getByRole('navigation', { name: 'Case sections' });
  }

  async openSection(name: SectionName) {
    const link = this.nav.getByRole('link', { name: new RegExp(`^${name}`) });
    await link.click();
    // The section is the one shown (not only a heading of the one before, still there while it loads).
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(this.page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  }

  list(section: string) {
    return this.page.getByRole('list', { name: section });
  }

  count(kind: 'documents' | 'excerpts' | 'entities' | 'events' | 'notes') {
    return this.page.getByTestId(`count-${kind}`);
  }

  async addEntity(name: string, type = 'person', aliases = '') {
    await this.openSection('Entities');
    await this.page.getByRole('link', { name: 'New entity' }).first().click();
    const form = this.page.getByRole('form', { name: 'New entity' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Type').selectOption(type);
    if (aliases) await form.getByLabel('Aliases').fill(aliases);
    await form.getByRole('button', { name: 'Add entity' }).click();
    // Saved (its page opens, which would otherwise pull the next step back to Entities) or refused at the form.
    await expect(form.getByRole('alert').or(this.page.getByRole('heading', { level: 2, name, exact: true }))).toBeVisible();
  }

  async addEvent(title: string, date: string) {
    await this.openSection('Timeline');
    await this.page.getByRole('link', { name: 'New event' }).first().click();
    const form = this.page.getByRole('form', { name: 'New event' });
    await form.getByLabel('What happened').fill(title);
    await form.getByLabel('Date', { exact: true }).fill(date);
    await form.getByRole('button', { name: 'Add event' }).click();
    await expect(form.getByRole('alert').or(this.page.getByRole('heading', { level: 2, name: title, exact: true }))).toBeVisible();
  }

  /**
   * Clicks New note in Notes: the note is made at once, "Untitled note", and opened with its title focused and
   * selected. Returns its form (named by its title as saved).
   */
  async newNote() {
    await this.openSection('Notes');
    await this.page.getByRole('link', { name: 'New note' }).first().click();
    const form = this.page.getByRole('form', { name: 'Note Untitled note', exact: true });
    await expect(form.getByLabel('Title')).toBeFocused();
    return form;
  }

  async addNote(title: string) {
    const form = await this.newNote();
    await form.getByLabel('Title').fill(title);
    // A note's page is its form, named by its title once saved.
    await expect(this.page.getByRole('form', { name: `Note ${title}`, exact: true })).toBeVisible();
  }

  /** Clicks the delete button of the open record and returns the confirmation dialog. */
  async askToDelete(kind: string) {
    await this.page.getByRole('button', { name: `Delete ${kind}` }).click();
    return this.page.getByRole('dialog');
  }

  /**
   * Deletes the open record, confirming, and waits for the dialog to close, which it does once the record is gone:
   * until then the dialog is modal, and the page behind it takes no typing.
   */
  async deleteOpenRecord(kind: string) {
    const dialog = await this.askToDelete(kind);
    await dialog.getByRole('button', { name: `Delete ${kind}` }).click();
    await expect(dialog).toBeHidden();
  }
}
