import { expect, type Download, type Page } from '@playwright/test';

/** The case report's export dialog: its options, the export's progress, the preview and saving. */
export class ReportExportPage {
  constructor(readonly page: Page) {}

  get dialog() {
    return this.page.getByRole('dialog', { name: 'Export report' });
  }

  /** Opens the dialog from the case's overview. */
  async open() {
    await this.page.getByRole('button', { name: 'Export report…' }).click();
    await expect(this.dialog.getByRole('form', { name: 'Report options' })).toBeVisible();
  }

  field(label: string) {
    return this.dialog.getByLabel(label, { exact: true });
  }

  get exportButton() {
    return this.dialog.getByRole('button', { name: 'Export', exact: true });
  }

  get progress() {
    return this.dialog.getByRole('progressbar');
  }

  get preview() {
    return this.dialog.getByRole('region', { name: 'Preview of the report' });
  }

  /** A page of the preview, drawn. */
  previewPage(page: number) {
    return this.preview.locator('canvas[data-drawn]').and(this.page.getByRole('img', { name: new RegExp(`^Page ${page} of \\d+$`) }));
  }

  /** Saves the previewed PDF; in a browser it is a download. */
  async save(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.dialog.getByRole('button', { name: 'Save PDF…' }).click();
    return download;
  }
}
