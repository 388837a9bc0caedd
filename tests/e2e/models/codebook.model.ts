import { expect, type Locator, type Page } from '@playwright/test';

/** The case's codebook (Excerpts › Codebook) and the tag picker of the excerpt form. */
export class CodebookPage {
  constructor(readonly page: Page) {}

  get tree() {
    return this.page.getByRole('tree', { name: 'Tags' });
  }

  /** A tag in the tree, with its sub-tags when it is unfolded. */
  item(name: string): Locator {
    return this.tree.getByRole('treeitem', { name, exact: true });
  }

  /** A sub-tag shown under its parent in the tree. */
  subTag(parent: string, name: string): Locator {
    return this.item(parent).getByRole('group').getByRole('treeitem', { name, exact: true });
  }

  /** A tag's own row in the tree, without its sub-tags: its colour, name and counts. */
  row(name: string): Locator {
    return this.item(name).locator(':scope > .codebook-row');
  }

  get panel() {
    return this.page.getByRole('article', { name: /^Tag / });
  }

  async open() {
    await this.page.getByRole('link', { name: 'Codebook' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Codebook' })).toBeVisible();
  }

  async addTag(name: string, under?: string) {
    const form = this.page.getByRole('form', { name: 'New tag' });
    await form.getByLabel('Tag name').fill(name);
    await form.getByLabel('Under').selectOption({ label: under ?? 'Top of the codebook' });
    await form.getByRole('button', { name: 'Add tag' }).click();
    // Added (the box empties) or refused (a message says why).
    await expect(this.item(name).or(form.getByRole('alert')).first()).toBeVisible();
  }

  async choose(name: string) {
    await this.row(name).click();
    await expect(this.page.getByRole('article', { name: `Tag ${name}` })).toBeVisible();
  }

  /** Submits one of the chosen tag's forms ("Name", "Put under"...) and returns it, to read its message. */
  async edit(form: string, value: string, button: string): Promise<Locator> {
    const edit = this.panel.getByRole('form', { name: form });
    const field = edit.getByLabel(form);
    if ((await field.evaluate((element) => element.tagName)) === 'SELECT') await field.selectOption({ label: value });
    else await field.fill(value);
    await edit.getByRole('button', { name: button }).click();
    return edit;
  }

  async merge(into: string) {
    await this.panel.getByLabel('Merge into').selectOption({ label: into });
    await this.panel.getByRole('button', { name: 'Merge…' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens the delete dialog of the chosen tag, picks what happens to its excerpts, and returns the dialog. */
  async askToDelete(choice: RegExp): Promise<Locator> {
    await this.panel.getByRole('button', { name: 'Delete tag…' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('radio', { name: choice }).check();
    await dialog.getByRole('button', { name: 'Delete tag' }).click();
    return dialog;
  }

  /** Picks a tag in an excerpt form's tag picker by typing part of its path and pressing Enter. */
  static async pick(form: Locator, typed: string, option: string | RegExp) {
    const box = form.getByRole('combobox', { name: 'Tags' });
    await box.fill(typed);
    await expect(form.getByRole('listbox', { name: 'Tags to choose' }).getByRole('option', { selected: true })).toHaveText(option);
    await box.press('Enter');
  }
}
