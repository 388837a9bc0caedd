import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { LibraryPage } from './models/library.model';
import { CommandPalettePage } from './models/palette.model';
import { readPdf } from './report/readPdf';
import { PrintEngine } from './models/printEngine';
import { ReportExportPage } from './models/report.model';

test.describe('with a print engine, as a page embedding Casebook may give it', () => {
  let engine: PrintEngine;
  let report: ReportExportPage;

  test.beforeEach(async ({ page }) => {
    engine = await PrintEngine.provide(page.context());
    report = new ReportExportPage(page);
    const library = new LibraryPage(page);
    await library.goto();
    await library.openSample();
  });

  test('exports the sample case through the dialog: progress, a preview, then a saved PDF with its properties and outline', async () => {
    await report.open();
    await report.field('Title').fill('Lantern Quay: the evidence');
    await report.field('Author').fill('Ilse Maren');

    engine.hold();
    await report.exportButton.click();
    await expect(report.progress).toBeVisible();
    await expect(report.dialog.getByRole('status').filter({ hasText: /Laying out pages/ })).toBeVisible();
    engine.release();

    await expect(report.previewPage(1)).toBeVisible({ timeout: 20_000 });
    const summary = report.dialog.getByRole('status').filter({ hasText: /ready to save/ });
    await expect(summary).toContainText('Lantern Quay: the evidence');
    const shownPages = Number((await summary.textContent())?.match(/(\d+) pages?/)?.[1]);
    expect(engine.printed).toBeGreaterThanOrEqual(2);

    const download = await report.save();
    expect(download.suggestedFilename()).toMatch(/^Sample case - Operation Lantern Quay – report – \d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = await readPdf(new Uint8Array(await readFile(await download.path())));
    expect(pdf.pageCount).toBe(shownPages);
    expect(pdf.pageCount).toBeGreaterThan(1);
    expect(pdf.info).toMatchObject({ Title: 'Lantern Quay: the evidence', Author: 'Ilse Maren', Creator: expect.stringMatching(/^Casebook \d/) });
    expect(pdf.tagged).toBe(true);
    // Every section is a bookmark, in order (the change history is not chosen by default).
    expect(pdf.outline.filter((item) => item.depth === 0).map((item) => item.title)).toEqual([
      'Lantern Quay: the evidence',
      'Contents',
      'Notes',
      'Chronology',
      'Entity index',
      'Excerpts',
      'Sources',
    ]);
    // The contents' page numbers, read back and laid out again, are the pages its links land on.
    const contentsPage = pdf.outline.find((item) => item.title === 'Contents')!.page!;
    const listed = pdf.pages[contentsPage - 1]!.split('\nContents\n')[1]!.split('\n').map((line) => Number(line.match(/ (\d+)$/)?.[1]));
    const landing = pdf.links.filter((link) => link.onPage === contentsPage).map((link) => link.page);
    expect(listed.length).toBeGreaterThan(5);
    expect(listed).toEqual(landing);
    // Saved: the preview stays, saying so.
    await expect(report.dialog.getByRole('status').filter({ hasText: 'saved to your downloads' })).toBeVisible();
    await expect(report.previewPage(1)).toBeVisible();
  });

  test('cancelling while it prints leaves no download and returns to the options', async ({ page }) => {
    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));
    await report.open();
    engine.hold();
    await report.exportButton.click();
    await expect(report.progress).toBeVisible();
    await expect.poll(() => engine.printing).toBe(true);
    await report.dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(report.progress).toBeHidden();
    await expect(report.exportButton).toBeVisible();

    // The print under way is let finish; its PDF is dropped: no preview, nothing saved.
    engine.release();
    await expect.poll(() => engine.printing).toBe(false);
    expect(engine.printed).toBe(1);
    await expect(report.preview).toBeHidden();
    await expect(report.exportButton).toBeVisible();
    expect(downloads).toEqual([]);
  });

  test('remembers the options of the case: they are there when the dialog opens again, after a reload', async ({ page }) => {
    await report.open();
    await report.field('Title').fill('For counsel');
    await report.field('Confidentiality line').fill('Privileged: prepared for counsel');
    await report.dialog.getByRole('radio', { name: 'Letter' }).check();
    await report.dialog.getByRole('checkbox', { name: 'Entity index' }).uncheck();
    await report.dialog.getByRole('checkbox', { name: 'Appendix: change history' }).check();
    await report.dialog.getByText('What goes in').click();
    await report.field('Events from').fill('March 2021');
    await expect(report.dialog.getByText('Understood as: March 2021')).toBeVisible();
    await report.exportButton.click();
    await expect(report.previewPage(1)).toBeVisible({ timeout: 20_000 });
    await report.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(report.dialog).toBeHidden();

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: /Operation Lantern Quay/ })).toBeVisible();
    await report.open();
    await expect(report.field('Title')).toHaveValue('For counsel');
    await expect(report.field('Confidentiality line')).toHaveValue('Privileged: prepared for counsel');
    await expect(report.dialog.getByRole('radio', { name: 'Letter' })).toBeChecked();
    await expect(report.dialog.getByRole('checkbox', { name: 'Entity index' })).not.toBeChecked();
    await expect(report.dialog.getByRole('checkbox', { name: 'Appendix: change history' })).toBeChecked();
    await expect(report.field('Events from')).toHaveValue('2021-03');
  });
});

test('without a print engine, says the desktop app makes the PDF and offers the browser’s print dialog', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.openSample();
  const report = new ReportExportPage(page);
  // From the command palette this time: the command reaches the dialog from anywhere in the case.
  const palette = new CommandPalettePage(page);
  await palette.openWithKeyboard();
  await palette.run('export report');
  await expect(report.dialog.getByRole('form', { name: 'Report options' })).toBeVisible();
  await report.exportButton.click();
  const alert = report.dialog.getByRole('alert');
  await expect(alert).toContainText('A PDF of the report is made by the Casebook desktop app');
  await expect(alert).toContainText('Save as PDF');
  await expect(report.exportButton).toBeVisible();

  // Print… lays the report out once and hands it to the browser's print dialog, in a frame where no script runs.
  await page.evaluate(() => {
    const frames: { sandbox: string; html: string }[] = [];
    Object.assign(window, { printedFrames: frames });
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof HTMLIFrameElement) frames.push({ sandbox: node.getAttribute('sandbox') ?? '', html: node.srcdoc });
    }).observe(document.body, { childList: true });
  });
  await alert.getByRole('button', { name: 'Print…' }).click();
  const printed = () => page.evaluate(() => (window as unknown as { printedFrames: { sandbox: string; html: string }[] }).printedFrames);
  await expect.poll(async () => (await printed()).length).toBe(1);
  const [frame] = await printed();
  expect(frame?.sandbox.split(' ')).not.toContain('allow-scripts');
  expect(frame?.html).toMatch(/^<!doctype html>/i);
  // The frame goes once the print dialog has closed.
  await expect(page.locator('iframe[title="Report for printing"]')).toHaveCount(0);
});

test.describe('in the desktop app', () => {
  /**
   * The renderer as Electron runs it, with a stand-in for the preload (as in host-events.spec.ts): printing goes to the
   * test's print engine (Chromium's, as Electron's is); the save dialog is cancelled first, then the disk refuses.
   */
  test('a cancelled save dialog says nothing and keeps the preview; a failed save says where and why', async ({ page }) => {
    await PrintEngine.provide(page.context());
    await page.addInitScript(() => {
      const saves: unknown[] = [
        { ok: true, value: { saved: false, location: null } },
        {
          ok: false,
          error: {
            code: 'write-failed',
            message: 'Lantern.pdf could not be saved in /media/usb: the disk is read-only. Choose another folder or name and try again.',
          },
        },
      ];
      const engine = () => (window as unknown as { casebookPrintEngine: (html: string) => Promise<string> }).casebookPrintEngine;
      Object.assign(window, {
        casebook: {
          getAppInfo: async () => ({ ok: true, value: { name: 'Casebook', version: '9.9.9', host: 'electron', platform: 'linux' } }),
          openFiles: async () => ({ ok: true, value: [] }),
          saveFile: async () => saves.shift(),
          printToPdf: async ({ html }: { html: string }) => ({
            ok: true,
            value: Uint8Array.from(atob(await engine()(html)), (char) => char.charCodeAt(0)),
          }),
          openExternal: async () => ({ ok: true }),
          onMenuCommand: () => () => undefined,
          onCaseFileOpened: () => () => undefined,
          onBackupFinished: () => () => undefined,
        },
      });
    });
    const library = new LibraryPage(page);
    await library.goto();
    await library.openSample();
    const report = new ReportExportPage(page);
    await report.open();
    await report.exportButton.click();
    await expect(report.previewPage(1)).toBeVisible({ timeout: 20_000 });

    const save = report.dialog.getByRole('button', { name: 'Save PDF…' });
    await save.click();
    // Cancelled: no message, the preview stays to save later.
    await expect(save).toBeEnabled();
    await expect(report.dialog.getByRole('alert')).toHaveCount(0);
    await expect(report.dialog.getByText(/^Saved as/)).toHaveCount(0);
    await expect(report.previewPage(1)).toBeVisible();

    await save.click();
    await expect(report.dialog.getByRole('alert')).toHaveText(
      'Lantern.pdf could not be saved in /media/usb: the disk is read-only. Choose another folder or name and try again.',
    );
    await expect(report.previewPage(1)).toBeVisible();
  });
});
