import { expect, type Page } from '@playwright/test';
import { WorkspacePage } from './workspace.model';

/** The Timeline section: its list in order, the event form with its fields, and the open event's page. */
export class EventsPage {
  constructor(readonly page: Page) {}

  get form() {
    return this.page.getByRole('form', { name: /^(New event|Edit )/ });
  }

  get dateField() {
    return this.form.getByLabel('Date', { exact: true });
  }

  /** What the form says it understood the typed date as, under the field. */
  get understood() {
    return this.form.getByRole('status').filter({ hasText: /^(Understood as|Not read yet)/ });
  }

  get list() {
    return this.page.getByRole('list', { name: 'Timeline' });
  }

  get opened() {
    return this.page.getByRole('article', { name: /./ }).filter({ has: this.page.locator('#event-title') });
  }

  async openNew() {
    await new WorkspacePage(this.page).openSection('Timeline');
    await this.page.getByRole('link', { name: 'New event' }).first().click();
    await expect(this.form).toBeVisible();
  }

  /** Types the title and the date, and checks what the date was understood as before anything is saved. */
  async fill(title: string, date: string, understood?: string) {
    await this.form.getByLabel('What happened').fill(title);
    await this.dateField.fill(date);
    if (understood) await expect(this.understood).toHaveText(`Understood as: ${understood}`);
  }

  async save() {
    await this.form.getByRole('button', { name: /^(Add event|Save)$/ }).click();
  }

  /** Adds an event through the form and waits for its page. */
  async add(title: string, date: string, understood?: string) {
    await this.openNew();
    await this.fill(title, date, understood);
    await this.save();
    await expect(this.page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  }

  /** Chooses an entity in one of the form's entity pickers ("Add a participant", "Choose the place"), by typing and Enter. */
  async pick(button: string, picker: string, name: string) {
    await this.form.getByRole('button', { name: button }).click();
    await this.form.getByRole('combobox', { name: picker }).fill(name);
    await this.page.keyboard.press('Enter');
  }

  /** The list's rows as their text: each event's title and its date at its precision. */
  rows() {
    return this.list.getByRole('link');
  }
}
