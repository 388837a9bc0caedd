import { expect, type Locator, type Page } from '@playwright/test';

/** The text of a note being written, with the list `@` and `[[` open in it. */
export class NoteTextPage {
  constructor(readonly page: Page) {}

  /** The editing area of the note shown (new or open). */
  get editor(): Locator {
    return this.page.getByRole('textbox', { name: 'Note text' });
  }

  get suggestions(): Locator {
    return this.page.getByRole('listbox', { name: /^(Entities to mention|Records to link|Type of the new entity)/ });
  }

  /** The mention or link of a record in the text, found by the words it shows. */
  mention(words: string | RegExp): Locator {
    return this.editor.locator('.record-link', { hasText: words });
  }

  async type(text: string) {
    await this.page.keyboard.type(text);
  }

  /** Types `@` and words, waits for `option` to be offered and active, and takes it with Enter. */
  async mentionBy(typed: string, option: string | RegExp) {
    await this.type(`@${typed}`);
    await this.choose(option);
  }

  /** Moves to an option of the list open by keyboard and takes it with Enter. */
  async choose(option: string | RegExp) {
    const wanted = this.suggestions.getByRole('option', { name: option });
    await expect(wanted).toBeVisible();
    for (let step = 0; step < 20 && (await wanted.getAttribute('aria-selected')) !== 'true'; step++) await this.page.keyboard.press('ArrowDown');
    await expect(wanted).toHaveAttribute('aria-selected', 'true');
    await this.page.keyboard.press('Enter');
  }
}
