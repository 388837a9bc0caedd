import { expect, type Page } from '@playwright/test';
import { CommandPalettePage } from './palette.model';

/**
 * The case archive's dialogs. Chromium's save dialog cannot be driven by a test, so `stubSaveFilePicker` gives the page
 * one that answers with a file of the origin's private file system (OPFS): the archive is streamed into a real file,
 * as into the one a researcher would choose, and read back from there.
 */
export class ArchivePage {
  constructor(readonly page: Page) {}

  static async stubSaveFilePicker(page: Page): Promise<void> {
    await page.addInitScript(() => {
      (window as unknown as { showSaveFilePicker: unknown }).showSaveFilePicker = async ({ suggestedName }: { suggestedName: string }) => {
        const root = await navigator.storage.getDirectory();
        return root.getFileHandle(suggestedName, { create: true });
      };
    });
  }

  get openDialog() {
    return this.page.getByRole('dialog', { name: 'Open case archive' });
  }

  /** Exports the open case through its dialog; answers with the name of the file saved. */
  async exportCase(): Promise<string> {
    const palette = new CommandPalettePage(this.page);
    await palette.openWithKeyboard();
    await palette.run('Export case archive');
    const dialog = this.page.getByRole('dialog', { name: 'Export case archive' });
    const saved = dialog.getByRole('status').filter({ hasText: /^Saved “/ });
    await expect(saved).toBeVisible({ timeout: 30_000 });
    const name = (await saved.textContent())!.match(/“(.+?\.casebook)”/)![1]!;
    await dialog.getByRole('button', { name: 'Close' }).click();
    return name;
  }

  /** The bytes of a file the page saved. */
  async savedBytes(name: string): Promise<Buffer> {
    const numbers = await this.page.evaluate(async (file) => {
      const root = await navigator.storage.getDirectory();
      return Array.from(new Uint8Array(await (await (await root.getFileHandle(file)).getFile()).arrayBuffer()));
    }, name);
    return Buffer.from(numbers);
  }
}
