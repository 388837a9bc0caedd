import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS } from '../../shared/commands';
import { hostFromBridge } from '../../shared/bridge';
import { EVENT_CHANNELS, HostError, REPORT_PDF_OPTIONS, type CasebookApi, type HostErrorCode } from '../../shared/contract';
import { registerIpcHandlers, type IpcRequestEvent } from '../main/ipc';
import { backupArchive } from '../../tests/unit/backupArchive';
import { Backups } from '../main/services/backups';
import { FileTokens } from '../main/services/fileTokens';
import { HostEventOutbox } from '../main/services/hostEvents';
import { buildMenuTemplate } from '../main/services/menu';
import { trustedOrigins } from '../main/services/security';
import { buildBridge } from './bridge';

/**
 * The whole way a request and an event travel, with nothing but Electron itself replaced: the main process's real
 * handler modules registered on an in-memory ipcMain, the preload's real bridge on the matching ipcRenderer, and the
 * renderer's real client of the bridge. Payloads are structured-cloned as IPC clones them, so a HostError thrown in
 * main arrives as data and must be rebuilt, with its code, on the page's side.
 */

const folder = mkdtempSync(join(tmpdir(), 'casebook-bridge-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// Only the system's dialogs and shell are stand-ins: the handlers' validation, file access and errors are real.
// The report's printing window is a stand-in too: it records how it was made, loads its page through the report
// session's real protocol handler and "prints" what it loaded.
const system = vi.hoisted(() => ({
  showOpenDialog: vi.fn(),
  showSaveDialog: vi.fn(),
  // The question before a link opens: Open (0) unless a test answers Cancel (1).
  showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
  openExternal: vi.fn(),
  partitions: [] as string[],
  serve: null as ((request: Request) => Response | Promise<Response>) | null,
  filter: null as ((details: { url: string }, callback: (answer: { cancel: boolean }) => void) => void) | null,
  windows: [] as { options: unknown; url: string; loaded: Response | null; destroyed: boolean; printOptions: unknown }[],
}));
vi.mock('electron', () => {
  const reportSession = {
    protocol: { handle: (_scheme: string, serve: typeof system.serve) => void (system.serve = serve) },
    webRequest: { onBeforeRequest: (filter: typeof system.filter) => void (system.filter = filter) },
  };
  class BrowserWindow {
    record: (typeof system.windows)[number];
    constructor(options: unknown) {
      this.record = { options, url: '', loaded: null, destroyed: false, printOptions: null };
      system.windows.push(this.record);
    }
    async loadURL(url: string) {
      this.record.url = url;
      this.record.loaded = await system.serve!(new Request(url));
    }
    webContents = {
      printToPDF: async (options: unknown) => {
        this.record.printOptions = options;
        return Buffer.from(`%PDF-1.7 ${await this.record.loaded!.text()}`);
      },
    };
    destroy() {
      this.record.destroyed = true;
    }
  }
  return {
    app: { getName: () => 'Casebook', getVersion: () => '0.1.0', getPath: () => folder },
    dialog: { showOpenDialog: system.showOpenDialog, showSaveDialog: system.showSaveDialog, showMessageBox: system.showMessageBox },
    shell: { openExternal: system.openExternal },
    BrowserWindow,
    session: { fromPartition: (name: string) => (system.partitions.push(name), reportSession) },
  };
});

interface Page {
  send(channel: string, payload: unknown): void;
}

/** An ipcMain and an ipcRenderer joined in memory, for one page loaded from `pageUrl`. */
function inMemoryIpc(pageUrl: string) {
  const handlers = new Map<string, (event: IpcRequestEvent<Page>, argument: unknown) => Promise<unknown>>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const page: Page = {
    send(channel, payload) {
      for (const listener of listeners.get(channel) ?? []) listener(structuredClone(payload));
    },
  };
  return {
    page,
    ipcMain: {
      handle(channel: string, handler: (event: IpcRequestEvent<Page>, argument: unknown) => Promise<unknown>) {
        handlers.set(channel, handler);
      },
    },
    ipcRenderer: {
      async invoke(channel: string, argument?: unknown) {
        const handler = handlers.get(channel);
        if (!handler) throw new Error(`No handler registered for '${channel}'`);
        return structuredClone(await handler({ sender: page, senderFrame: { url: pageUrl } }, structuredClone(argument)));
      },
      on(channel: string, listener: (payload: unknown) => void) {
        const set = listeners.get(channel) ?? new Set();
        listeners.set(channel, set.add(listener));
        return () => void set.delete(listener);
      },
    },
  };
}

/** The API as the renderer sees it, served by main's real handlers for a page at `pageUrl`. */
function connect(pageUrl = 'app://casebook/index.html#/case/1') {
  const ipc = inMemoryIpc(pageUrl);
  const files = new FileTokens();
  // Wired as main wires them: a committed backup goes out as the backupFinished event.
  const outbox = new HostEventOutbox();
  outbox.connect(ipc.page);
  const backups = new Backups({
    folder: join(folder, 'Backups'),
    tokens: files,
    log: () => undefined,
    onFinished: (event) => outbox.send('backupFinished', event),
  });
  registerIpcHandlers({ ipcMain: ipc.ipcMain, allowedOrigins: trustedOrigins(undefined), windowOf: () => null, services: { files, backups } });
  const warn = vi.fn();
  const api = hostFromBridge(buildBridge(ipc.ipcRenderer), warn);
  return { api, page: ipc.page, warn };
}

async function failureOf(promise: Promise<unknown>): Promise<{ code: HostErrorCode; message: string }> {
  const error = await promise.then(
    () => expect.fail('the request succeeded'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(HostError);
  return { code: (error as HostError).code, message: (error as HostError).message };
}

let api: CasebookApi;
beforeEach(() => {
  vi.clearAllMocks();
  ({ api } = connect());
});

describe('requests across the bridge', () => {
  it('answers with the value main returned', async () => {
    await expect(api.getAppInfo()).resolves.toEqual({ name: 'Casebook', version: '0.1.0', host: 'electron', platform: process.platform, dataFolder: folder });

    writeFileSync(join(folder, 'interview.txt'), 'hello');
    system.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [join(folder, 'interview.txt')] });
    const [picked] = await api.openFiles({ title: 'Import documents', multiple: true });
    expect(picked).toMatchObject({ name: 'interview.txt', size: 5, error: null });
    expect(new TextDecoder().decode(picked?.bytes ?? undefined)).toBe('hello');
  });

  it('tells a cancelled dialog (an answer) from a failed write (a write-failed HostError)', async () => {
    system.showSaveDialog.mockResolvedValue({ canceled: true });
    await expect(api.saveFile({ suggestedName: 'case.casebook', bytes: new Uint8Array([1]) })).resolves.toEqual({
      saved: false,
      location: null,
    });

    system.showSaveDialog.mockResolvedValue({ canceled: false, filePath: join(folder, 'gone', 'case.casebook') });
    expect(await failureOf(api.saveFile({ suggestedName: 'case.casebook', bytes: new Uint8Array([1]) }))).toEqual({
      code: 'write-failed',
      message: `case.casebook could not be saved in ${join(folder, 'gone')}: it no longer exists. Choose another folder or name and try again.`,
    });

    system.showSaveDialog.mockResolvedValue({ canceled: false, filePath: join(folder, 'case.casebook') });
    await expect(api.saveFile({ suggestedName: 'case.casebook', bytes: new Uint8Array([7, 8]) })).resolves.toEqual({
      saved: true,
      location: join(folder, 'case.casebook'),
    });
    expect([...readFileSync(join(folder, 'case.casebook'))]).toEqual([7, 8]);
  });

  it('prints the report in a hidden window with no script, in a session of its own, and answers with the PDF’s bytes', async () => {
    const html = '<!doctype html><title>Lantern Quay</title><h1>Lantern Quay</h1>';
    const pdf = await api.printToPdf({ html });
    expect(pdf).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(pdf)).toBe(`%PDF-1.7 ${html}`);
    // Nothing is saved by printing: the renderer saves the bytes later, through saveFile.
    expect(system.showSaveDialog).not.toHaveBeenCalled();

    const [printer] = system.windows;
    expect(printer?.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
    });
    expect(system.partitions).toEqual(['casebook-report']);
    expect(printer?.loaded?.headers.get('Content-Security-Policy')).toMatch(/default-src 'none'/);
    expect(printer?.printOptions).toEqual(REPORT_PDF_OPTIONS);
    expect(printer?.destroyed).toBe(true);

    // The page may fetch nothing but itself and data: URLs, and once printed it is served no more.
    const cancelled = (url: string) => {
      let answer: boolean | undefined;
      system.filter!({ url }, ({ cancel }) => (answer = cancel));
      return answer;
    };
    expect(cancelled('https://example.org/tracker.png')).toBe(true);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(printer?.url).toMatch(/^app:\/\/report\/[0-9a-f-]{36}$/);
    expect((await system.serve!(new Request(printer!.url))).status).toBe(404);
  });

  it('refuses a bad request as invalid-request before any dialog opens', async () => {
    expect(await failureOf(api.saveFile({ suggestedName: '../escape.txt', bytes: new Uint8Array([1]) }))).toEqual({
      code: 'invalid-request',
      message: 'Casebook could not save the file: A file name cannot contain / or \\ (suggestedName).',
    });
    expect(await failureOf(api.openExternal('file:///etc/passwd'))).toMatchObject({ code: 'invalid-request' });
    expect(system.showSaveDialog).not.toHaveBeenCalled();
    expect(system.openExternal).not.toHaveBeenCalled();
  });

  it('reports a link no program would open as not-found, saying what to do', async () => {
    system.openExternal.mockRejectedValue(new Error('no handler for mailto'));
    expect(await failureOf(api.openExternal('mailto:editor@example.org'))).toEqual({
      code: 'not-found',
      message:
        'No program on this computer opened mailto:editor@example.org (no handler for mailto). Copy the address and open it in your web browser or mail program.',
    });
    system.openExternal.mockResolvedValue(undefined);
    await expect(api.openExternal('https://example.org/')).resolves.toBeUndefined();
  });

  it('asks first with the normalised address, opens exactly that, and opens nothing on Cancel', async () => {
    system.openExternal.mockResolvedValue(undefined);
    await expect(api.openExternal('mailto:editor@еxample.org?subject=Hi&body=Secret')).resolves.toBeUndefined();
    expect(system.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ buttons: ['Open', 'Cancel'], cancelId: 1, defaultId: 1, detail: expect.stringMatching(/^mailto:editor@xn--xample-2of\.org\n/) }),
    );
    expect(system.openExternal).toHaveBeenCalledWith('mailto:editor@xn--xample-2of.org');

    system.openExternal.mockClear();
    system.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    await expect(api.openExternal('https://example.org/')).resolves.toBeUndefined();
    expect(system.showMessageBox).toHaveBeenCalledTimes(2);
    expect(system.openExternal).not.toHaveBeenCalled();
  });

  it('refuses a page that is not Casebook as not-allowed', async () => {
    const { api: foreign } = connect('https://evil.example/page');
    expect(await failureOf(foreign.getAppInfo())).toEqual({
      code: 'not-allowed',
      message: 'Casebook refused to report its version: the request came from https://evil.example, not from Casebook itself.',
    });
  });

  it('turns a main process that does not answer into an unknown HostError', async () => {
    const ipc = inMemoryIpc('app://casebook/');
    const silent = hostFromBridge(buildBridge(ipc.ipcRenderer));
    expect(await failureOf(silent.getAppInfo())).toEqual({
      code: 'unknown',
      message: "Casebook’s desktop process did not answer (No handler registered for 'casebook:get-app-info'). Restart Casebook and try again.",
    });
  });
});

describe('backups across the bridge', () => {
  it('writes a backup in pieces, announces it, lists it and reads it back a range at a time', async () => {
    const { api } = connect();
    const announced: unknown[] = [];
    api.onBackupFinished((event) => announced.push(event));
    const bytes = await backupArchive({ caseId: 'case-1', caseName: 'Lantern Quay', exportedAt: '2026-03-01T09:30:00.000Z' });

    const { writeId } = await api.beginBackup({ caseId: 'case-1', caseName: 'Lantern Quay', reason: 'upgrade' });
    await api.writeBackup({ writeId, bytes: bytes.subarray(0, 300) });
    await api.writeBackup({ writeId, bytes: bytes.subarray(300) });
    const entry = await api.finishBackup({ writeId, commit: true });
    expect(entry).toMatchObject({ caseId: 'case-1', caseName: 'Lantern Quay', size: bytes.byteLength, reason: 'upgrade' });
    expect(entry?.fileName).toMatch(/^Lantern Quay \d{4}-\d{2}-\d{2} \d{2}\.\d{2}\.\d{2} before upgrade\.casebook$/);
    await vi.waitFor(() => expect(announced).toEqual([{ fileName: entry?.fileName, finishedAt: expect.any(String), error: null }]));

    const status = await api.getBackupStatus();
    expect(status.backups.map((backup) => backup.fileName)).toContain(entry?.fileName);
    const read = await api.readFileRange({ token: entry!.token, offset: 0, length: bytes.byteLength });
    expect(read).toBeInstanceOf(Uint8Array);
    expect(read).toEqual(bytes);

    expect(await failureOf(api.writeBackup({ writeId, bytes: new Uint8Array(1) }))).toMatchObject({ code: 'not-found' });
  });
});

/** Lets events already sent reach their listeners: the page checks each against its schema, loaded on first use. */
const eventsSettled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('events across the bridge', () => {
  it('delivers a chosen menu item to the renderer as a menu command, checked on both sides', async () => {
    const { api, page } = connect();
    const outbox = new HostEventOutbox();
    outbox.connect(page);
    const menu = buildMenuTemplate({
      appName: 'Casebook',
      platform: 'linux',
      isDevelopment: false,
      helpUrl: null,
      openExternal: () => undefined,
      commands: MENU_COMMANDS,
      onCommand: (commandId) => outbox.send('menuCommand', { commandId }),
    });
    const chosen: string[] = [];
    const unsubscribe = api.onMenuCommand((event) => chosen.push(event.commandId));

    const goMenu = menu.find((item) => item.label === '&Go')?.submenu as { label?: string; click?: () => void }[];
    goMenu.find((item) => item.label === 'Go to Entities')?.click?.();
    await vi.waitFor(() => expect(chosen).toEqual(['go.entities']));

    unsubscribe();
    unsubscribe();
    goMenu.find((item) => item.label === 'Go to Notes')?.click?.();
    await eventsSettled();
    expect(chosen).toEqual(['go.entities']);
  });

  it('keeps events that arrive before the page subscribes, and hands them to the first subscriber', async () => {
    const { api, page } = connect();
    const outbox = new HostEventOutbox();
    // Raised while the window is still loading: main holds it, then the preload holds it until the page listens.
    outbox.send('caseFileOpened', { name: 'Harbour.casebook', size: 2048, token: '0b5b1f5e-8c1e-4f51-9a38-2d7c1d2f4a10', error: null });
    outbox.connect(page);
    const opened: unknown[] = [];
    api.onCaseFileOpened((event) => opened.push(event));
    await vi.waitFor(() =>
      expect(opened).toEqual([{ name: 'Harbour.casebook', size: 2048, token: '0b5b1f5e-8c1e-4f51-9a38-2d7c1d2f4a10', error: null }]),
    );
  });

  it('sends no event main cannot vouch for, and the renderer drops one that does not match its schema', async () => {
    const { api, page, warn } = connect();
    const log = vi.fn();
    const outbox = new HostEventOutbox(log);
    outbox.connect(page);
    const finished: unknown[] = [];
    api.onBackupFinished((event) => finished.push(event));

    expect(outbox.send('backupFinished', { fileName: '', finishedAt: 'yesterday', error: null })).toBe(false);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^did not send the backupFinished event: /));

    // Something other than the outbox writing on the channel: the page's side still checks.
    page.send(EVENT_CHANNELS.backupFinished, { fileName: 'library.zip', finishedAt: 42 });
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[casebook\] ignored a backupFinished event from the host: /));

    const written = { fileName: 'library-2025-03-01.zip', finishedAt: '2025-03-01T09:30:00.000Z', error: null };
    expect(outbox.send('backupFinished', written)).toBe(true);
    await vi.waitFor(() => expect(finished).toEqual([written]));
  });
});
