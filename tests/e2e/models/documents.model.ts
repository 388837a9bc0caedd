import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type FileChooser, type Page } from '@playwright/test';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
export const fixture = (name: string) => join(FIXTURES, name);

/** The Documents section: importing, the batch report and the documents list. */
export class DocumentsPage {
  constructor(readonly page: Page) {}

  get report() {
    return this.page.getByRole('region', { name: 'Import report' });
  }

  get list() {
    return this.page.getByRole('list', { name: 'Documents' });
  }

  /** Imports fixtures through the "Import files" button and its file dialog. */
  async importFiles(...names: string[]) {
    await this.chooseFiles(names.map(fixture));
    await expect(this.report).toBeVisible({ timeout: 30_000 });
  }

  /** Imports saved web pages the test writes itself, through the same button and dialog; the caller waits for the report. */
  async importPages(...pages: { name: string; html: string }[]) {
    await this.chooseFiles(pages.map(({ name, html }) => ({ name, mimeType: 'text/html', buffer: Buffer.from(html) })));
  }

  private async chooseFiles(files: Parameters<FileChooser['setFiles']>[0]) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import files' }).click();
    await (await chooser).setFiles(files);
  }

  /** The one line that stays in the Documents section once the report has closed: "Last import: 2 imported". */
  get lastImport() {
    return this.page.getByRole('button', { name: /^Last import: / });
  }

  /** Shows the last batch's report again if it closed when the researcher moved on. */
  async showReport() {
    if (!(await this.report.isVisible())) await this.lastImport.click();
    await expect(this.report).toBeVisible();
  }

  /** Opens the document imported from one file through its link in the report (reopened if it had closed). */
  async openFromReport(name: string) {
    await this.showReport();
    await this.reportLine(name).getByRole('link').click();
  }

  /** The report's line for one file: its status and message. */
  reportLine(name: string) {
    return this.report.getByRole('listitem').filter({ hasText: name });
  }

  /** Drops files on the case as a file manager would. */
  async dropFiles(target: string, names: string[]) {
    const files = names.map((name) => ({ name, base64: readFileSync(fixture(name)).toString('base64') }));
    const dataTransfer = await this.page.evaluateHandle((list) => {
      const transfer = new DataTransfer();
      for (const { name, base64 } of list) {
        const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
        transfer.items.add(new File([bytes], name));
      }
      return transfer;
    }, files);
    const zone = this.page.locator(target);
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
  }
}
