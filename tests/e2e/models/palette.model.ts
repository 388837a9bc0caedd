import { expect, type Page } from '@playwright/test';

/** The command palette: opened with Ctrl+K / Cmd+K or the "All commands" button. */
export class CommandPalettePage {
  constructor(readonly page: Page) {}

  get dialog() {
    return this.page.getByRole('dialog', { name: 'Commands' });
  }

  get filterBox() {
    return this.dialog.getByRole('combobox', { name: 'Filter commands' });
  }

  get options() {
    return this.dialog.getByRole('listbox', { name: 'Commands' }).getByRole('option');
  }

  option(label: string) {
    return this.options.filter({ hasText: label });
  }

  get status() {
    return this.dialog.getByRole('status');
  }

  /** The labels of the commands offered, in order (without their shortcuts). */
  async labels(): Promise<string[]> {
    return this.options.locator('span').allTextContents();
  }

  async openWithKeyboard() {
    await this.page.keyboard.press('ControlOrMeta+k');
    await expect(this.dialog).toBeVisible();
    await expect(this.filterBox).toBeFocused();
  }

  /** Filters, then runs the command with Enter (the first one offered, unless arrows moved the choice). */
  async run(filter: string) {
    await this.filterBox.fill(filter);
    await this.page.keyboard.press('Enter');
    await expect(this.dialog).toBeHidden();
  }
}
