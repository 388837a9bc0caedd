import { expect, type Page } from '@playwright/test';

/** The case's time range (the range brush): its controls above the timeline, and the chip each filtered view shows. */
export class RangeBrush {
  constructor(readonly page: Page) {}

  get controls() {
    return this.page.getByRole('group', { name: 'Time range' });
  }

  /** The chip that says the view shows only what falls in the range (the first: one per view). */
  get chip() {
    return this.page.locator('.range-chip');
  }

  /** Sets the range by typed dates on the timeline: "From" and, if given, "To". */
  async typeDates(from: string, to = '') {
    await this.controls.getByRole('button', { name: 'Type dates…' }).click();
    const form = this.page.getByRole('form', { name: 'Time range by dates' });
    await form.getByRole('textbox', { name: 'From' }).fill(from);
    await form.getByRole('textbox', { name: 'To' }).fill(to);
    await form.getByRole('button', { name: 'Filter the case to these dates' }).click();
    await expect(form).toBeHidden();
  }

  async clear() {
    await this.chip.getByRole('button', { name: 'Clear the time range' }).click();
    await expect(this.chip).toBeHidden();
  }
}
