import { expect, type Locator, type Page } from '@playwright/test';

/** A rich-text editor in a form: its text, its toolbar, its count, and pasting into it as the clipboard would. */
export class EditorModel {
  constructor(
    readonly page: Page,
    readonly scope: Locator,
    /** The editing area's accessible name. */
    readonly name = 'Note text',
  ) {}

  get text() {
    return this.scope.getByRole('textbox', { name: this.name });
  }

  get toolbar() {
    return this.scope.getByRole('toolbar', { name: `Formatting for ${this.name}` });
  }

  button(label: string) {
    return this.toolbar.getByRole('button', { name: label, exact: true });
  }

  get count() {
    return this.scope.getByTestId('word-count');
  }

  /**
   * Puts the caret at the end of the text and types, as a researcher would: a key at a time, not faster than a
   * quick typist (keys sent faster than the page handles them reach ProseMirror as one change, which no Markdown
   * shortcut recognises, as no person types).
   */
  async type(text: string) {
    await this.text.click();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.page.keyboard.type(text, { delay: 25 });
  }

  /** Selects the words typed last on the caret's line (Shift+Home). */
  async selectLine() {
    await this.page.keyboard.press('Shift+Home');
  }

  /** Pastes at the caret what a copy from a browser or a word processor puts on the clipboard. */
  async paste(html: string, text: string) {
    await this.text.evaluate(
      (element, { html, text }) => {
        const data = new DataTransfer();
        data.setData('text/html', html);
        data.setData('text/plain', text);
        element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      { html, text },
    );
  }

  async expectCount(words: number) {
    await expect(this.count).toContainText(`${words.toLocaleString('en')} ${words === 1 ? 'word' : 'words'}`);
  }
}
