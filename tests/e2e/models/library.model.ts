import { expect, type Page } from '@playwright/test';

/** The case library, as a researcher sees it. */
export class LibraryPage {
  constructor(readonly page: Page) {}

  /** Opens the library and waits for it to show, as a user would before typing anything. */
  async goto() {
    await this.page.goto('/');
    await expect(this.page.getByRole('button', { name: /^(New case|Create a case)$/ }).first()).toBeVisible();
  }

  get cases() {
    return this.page.getByRole('list', { name: 'Cases' });
  }

  caseLink(name: string) {
    return this.cases.getByRole('link', { name, exact: true });
  }

  /** `datesTypedAs`: the label of the locale the case reads typed dates in, when not the computer's. */
  async createCase(name: string, { datesTypedAs }: { datesTypedAs?: string } = {}) {
    await this.page.getByRole('button', { name: /^(New case|Create a case)$/ }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'New case' });
    await dialog.getByLabel('Case name').fill(name);
    if (datesTypedAs) await dialog.getByLabel('Dates typed as').selectOption({ label: datesTypedAs });
    // The description's editor loads on first use and pushes the button down as it appears: click it once it has.
    await expect(dialog.getByRole('textbox', { name: 'Case description' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Create case' }).click();
  }

  async openSample() {
    await this.page.getByRole('button', { name: 'Open the sample case' }).click();
    // The sample is written first (its documents imported, their excerpts anchored): seconds on a busy machine.
    await expect(this.page.getByRole('heading', { level: 1, name: /Operation Lantern Quay/ })).toBeVisible({ timeout: 30_000 });
  }
}
