import { expect, type Locator, type Page } from '@playwright/test';
import { WorkspacePage } from './workspace.model';

/** The Notes section: its tree of folders and notes, and the note open beside it, saved as it is typed. */
export class NotesModel {
  readonly workspace: WorkspacePage;
  constructor(readonly page: Page) {
    this.workspace = new WorkspacePage(page);
  }

  get tree() {
    return this.page.getByRole('tree', { name: 'Notes' });
  }

  item(name: string) {
    return this.tree.getByRole('treeitem', { name, exact: true });
  }

  /** The names of the rows shown, in order, each indented two spaces a level ("Leads", "  Harbour lead"). */
  async outline(): Promise<string[]> {
    await expect(this.tree).toBeVisible();
    return this.tree.getByRole('treeitem').evaluateAll((rows) =>
      rows.map((row) => `${'  '.repeat(Number(row.getAttribute('aria-level')) - 1)}${row.querySelector('.title, input')?.textContent ?? ''}`),
    );
  }

  /** The note's form, named by its saved title. */
  form(title: string) {
    return this.page.getByRole('form', { name: `Note ${title}`, exact: true });
  }

  text(form: Locator) {
    return form.getByRole('textbox', { name: 'Note text' });
  }

  status(form: Locator) {
    return form.getByRole('status');
  }

  async addNote(title: string) {
    await this.workspace.addNote(title);
    await expect(this.form(title)).toBeVisible();
  }

  /** Makes a folder in the current folder and names it in place. */
  async addFolder(name: string) {
    await this.page.getByRole('button', { name: 'New folder' }).click();
    const input = this.tree.getByRole('textbox', { name: 'Folder name' });
    await input.fill(name);
    await input.press('Enter');
    await expect(this.item(name)).toBeVisible();
  }

  /** Types into a note's text at its end. */
  async typeInto(form: Locator, text: string) {
    const box = this.text(form);
    await box.click();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.page.keyboard.type(text);
  }
}
