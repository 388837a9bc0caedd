import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { CHANNELS, EVENT_SUBSCRIPTIONS } from '../../shared/contract';
import { readPdf } from '../e2e/report/readPdf';
import { backupArchive } from '../unit/backupArchive';
import { binary, launchCasebook, NO_BINARY } from './launch';

/**
 * The desktop shell as a user gets it: the production build loaded from app://casebook/, with the guards the main
 * process promises. The renderer's own stories are told in tests/e2e against plain Chromium.
 */

test.skip(binary === null, NO_BINARY);
test.describe.configure({ mode: 'serial' });

let app: ElectronApplication;
let page: Page;
let userData: string;

/** The bridge as the page sees it, reached without the renderer's types. */
type Bridge = Record<string, (...args: unknown[]) => Promise<unknown>>;

test.beforeAll(async () => {
  ({ app, page, userData } = await launchCasebook());
});

test.afterAll(async () => {
  await app?.close();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

test('opens one window titled Casebook, served from app://casebook/', async () => {
  await expect(page).toHaveTitle('Casebook');
  expect(page.url()).toMatch(/^app:\/\/casebook\//);
  expect(app.windows()).toHaveLength(1);
});

test('runs the window isolated and sandboxed, without Node', async () => {
  const preferences = await app.evaluate(({ BrowserWindow }) => {
    // Not in Electron's typings, but what Electron's own tests read to see the settings in force.
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
      getLastWebPreferences(): Record<string, unknown>;
    };
    const { contextIsolation, sandbox, nodeIntegration, webSecurity, webviewTag } = contents.getLastWebPreferences();
    return { contextIsolation, sandbox, nodeIntegration, webSecurity, webviewTag };
  });
  expect(preferences).toEqual({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    webviewTag: false,
  });
  expect(await page.evaluate(() => [typeof require, typeof process, typeof module])).toEqual([
    'undefined',
    'undefined',
    'undefined',
  ]);
});

test('exposes exactly the functions of the contract on window.casebook', async () => {
  const exposed = await page.evaluate(() => {
    const bridge = (window as unknown as { casebook: Bridge }).casebook;
    return Object.entries(bridge).map(([name, value]) => [name, typeof value]);
  });
  const contract = [...Object.keys(CHANNELS), ...Object.values(EVENT_SUBSCRIPTIONS)];
  expect(exposed.sort()).toEqual(contract.sort().map((name) => [name, 'function']));
  expect(await page.evaluate(() => 'ipcRenderer' in window || 'electron' in window)).toBe(false);
});

test('answers through the bridge with results as data, failures with their code', async () => {
  const info = await page.evaluate(() => (window as unknown as { casebook: Bridge }).casebook.getAppInfo?.());
  expect(info).toMatchObject({ ok: true, value: { name: 'Casebook', host: 'electron' } });

  const refused = await page.evaluate(() =>
    (window as unknown as { casebook: Bridge }).casebook.saveFile?.({ suggestedName: '../escape.txt', bytes: new Uint8Array([1]) }),
  );
  expect(refused).toMatchObject({
    ok: false,
    error: { code: 'invalid-request', message: expect.stringContaining('A file name cannot contain / or \\') },
  });

  const link = await page.evaluate(() => (window as unknown as { casebook: Bridge }).casebook.openExternal?.('file:///etc/passwd'));
  expect(link).toMatchObject({
    ok: false,
    error: { code: 'invalid-request', message: expect.stringContaining('Only http, https and mailto addresses open outside the app.') },
  });
});

test('keeps a backup written through the bridge in the Backups folder of its user data, and reads it back', async () => {
  const archive = await backupArchive({ caseId: 'case-e2e', caseName: 'Harbour / contracts', exportedAt: '2026-03-01T09:30:00.000Z' });
  const answers = await page.evaluate(async (bytes) => {
    const bridge = (window as unknown as { casebook: Bridge }).casebook;
    const archive = new Uint8Array(bytes);
    const begun = (await bridge.beginBackup!({ caseId: 'case-e2e', caseName: 'Harbour / contracts', reason: 'changes' })) as { value: { writeId: string } };
    const { writeId } = begun.value;
    await bridge.writeBackup!({ writeId, bytes: archive.subarray(0, 100) });
    await bridge.writeBackup!({ writeId, bytes: archive.subarray(100) });
    const finished = (await bridge.finishBackup!({ writeId, commit: true })) as { ok: boolean; value: { token: string; fileName: string } };
    const read = (await bridge.readFileRange!({ token: finished.value.token, offset: 0, length: archive.byteLength })) as { value: Uint8Array };
    const status = (await bridge.getBackupStatus!()) as { value: { folder: string; backups: { fileName: string }[] } };
    return { finished, same: read.value.every((byte, index) => byte === archive[index]) && read.value.byteLength === archive.byteLength, status: status.value };
  }, [...archive]);
  expect(answers.finished).toMatchObject({ ok: true, value: { fileName: expect.stringMatching(/^Harbour - contracts \d{4}-\d{2}-\d{2} \d{2}\.\d{2}\.\d{2}\.casebook$/) } });
  expect(answers.same).toBe(true);
  expect(answers.status.folder).toBe(path.join(userData, 'Backups'));
  expect(answers.status.backups.map((backup) => backup.fileName)).toEqual([answers.finished.value.fileName]);
  expect(readdirSync(path.join(userData, 'Backups')).filter((name) => name.endsWith('.casebook'))).toEqual([answers.finished.value.fileName]);
});

test('runs a command chosen in the application menu', async () => {
  await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('palette.open')?.click());
  const palette = page.getByRole('dialog', { name: 'Commands' });
  await expect(palette).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
});

test('denies window.open', async () => {
  expect(await page.evaluate(() => window.open('about:blank') === null)).toBe(true);
  expect(await page.evaluate(() => window.open('app://casebook/index.html', '_blank') === null)).toBe(true);
  expect(app.windows()).toHaveLength(1);
});

test('stays in the app when a page tries to navigate elsewhere; a web address is asked about, Cancel opens nothing', async () => {
  // The main process asks with dialog.showMessageBox; answer Cancel and record what was asked and what opened.
  await app.evaluate(({ dialog, shell }) => {
    const state = globalThis as unknown as { askedLinks: string[]; openedLinks: string[] };
    state.askedLinks = [];
    state.openedLinks = [];
    dialog.showMessageBox = (async (...args: unknown[]) => {
      const options = args.at(-1) as { detail: string; buttons: string[] };
      state.askedLinks.push(options.detail.split('\n')[0]!);
      return { response: options.buttons.indexOf('Cancel'), checkboxChecked: false };
    }) as unknown as typeof dialog.showMessageBox;
    shell.openExternal = (async (url: string) => void state.openedLinks.push(url)) as typeof shell.openExternal;
  });
  const links = () =>
    app.evaluate(() => {
      const { askedLinks, openedLinks } = globalThis as unknown as { askedLinks: string[]; openedLinks: string[] };
      return { askedLinks, openedLinks };
    });
  const before = page.url();
  for (const target of ['https://example.org/', 'file:///etc/passwd']) {
    await page.evaluate((url) => {
      window.location.href = url;
    }, target);
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
  }
  await page.evaluate(() => window.open('https://аpple.example/x'));
  await expect.poll(links).toEqual({ askedLinks: ['https://example.org/', 'https://xn--pple-43d.example/x'], openedLinks: [] });
  expect(app.windows()).toHaveLength(1);
});

test('sends the strict CSP and keeps requests inside the renderer folder', async () => {
  const result = await page.evaluate(async () => {
    const index = await fetch('app://casebook/index.html');
    const escape = await fetch('app://casebook/..%2f..%2fpackage.json');
    return { csp: index.headers.get('content-security-policy'), escapeStatus: escape.status };
  });
  expect(result.csp).toContain("default-src 'self'");
  expect(result.csp).toContain("frame-ancestors 'none'");
  expect(result.escapeStatus).toBe(404);
});

test('refuses permission requests', async () => {
  expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
  expect(await page.evaluate(async () => (await navigator.permissions.query({ name: 'geolocation' })).state)).toBe(
    'denied',
  );
});

test('asks for persistent storage at start, which the app’s own pages are granted', async () => {
  await expect.poll(() => page.evaluate(() => navigator.storage.persisted())).toBe(true);
});

test('reloading or closing with unsaved changes asks in a message box: Stay keeps the page, Leave goes on', async () => {
  // The main process asks with dialog.showMessageBoxSync; answer it as a person would, first Stay, then Leave.
  await app.evaluate(({ dialog }) => {
    const state = globalThis as unknown as { asked: string[]; answers: string[] };
    state.asked = [];
    state.answers = ['Stay', 'Leave'];
    dialog.showMessageBoxSync = ((...args: unknown[]) => {
      const options = args.at(-1) as { message: string; buttons: string[] };
      state.asked.push(options.message);
      return options.buttons.indexOf(state.answers.shift() ?? 'Leave');
    }) as typeof dialog.showMessageBoxSync;
  });
  const asked = () => app.evaluate(() => (globalThis as unknown as { asked: string[] }).asked);
  const reload = () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.reload());

  await page.getByRole('button', { name: /^(New case|Create a case)$/ }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Case name').click();
  await page.keyboard.type('Harbour contracts 2024');

  await reload();
  await expect.poll(asked).toEqual(['Leave with unsaved changes?']);
  await expect(dialog.getByLabel('Case name')).toHaveValue('Harbour contracts 2024');

  await Promise.all([page.waitForEvent('load'), reload()]);
  expect(await asked()).toHaveLength(2);
  await page.getByRole('button', { name: /^(New case|Create a case)$/ }).first().click();
  await dialog.getByRole('button', { name: 'Restore the unsaved draft' }).click();
  await expect(dialog.getByLabel('Case name')).toHaveValue('Harbour contracts 2024');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('exports the sample case’s report: printed in the hidden window, saved where the save dialog says, whole', async () => {
  test.setTimeout(120_000);
  const target = path.join(userData, 'Lantern report.pdf');
  // The save dialog answers with a path, as a person choosing one would.
  await app.evaluate(({ dialog }, chosen) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: chosen })) as unknown as typeof dialog.showSaveDialog;
  }, target);
  await page.getByRole('button', { name: 'Open the sample case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Operation Lantern Quay/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Export report…' }).click();
  const exporting = page.getByRole('dialog', { name: 'Export report' });
  await exporting.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(exporting.getByRole('img', { name: /^Page 1 of \d+$/ })).toBeVisible({ timeout: 60_000 });
  await exporting.getByRole('button', { name: 'Save PDF…' }).click();
  await expect.poll(() => existsSync(target)).toBe(true);

  const pdf = await readPdf(new Uint8Array(readFileSync(target)));
  expect(pdf.pageCount).toBeGreaterThan(3);
  expect(pdf.info).toMatchObject({ Creator: expect.stringMatching(/^Casebook \d/) });
  expect(pdf.tagged).toBe(true);
  expect(pdf.outline.map((entry) => entry.title)).toEqual(expect.arrayContaining(['Contents', 'Chronology', 'Sources']));
  // Written through a temporary file renamed at the end: nothing else is left beside it.
  expect(readdirSync(userData).filter((name) => name.startsWith('Lantern report'))).toEqual(['Lantern report.pdf']);
});
