// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_BACKUP_SETTINGS, HostError } from '../../../shared/contract';
import { browserHost, emitBrowserHostEvent } from './browserHost';
import { NO_PRINT_ENGINE } from './printEngine';

// The in-app question is the e2e test's (tests/e2e/external-links.spec.ts); here, the answer it gives.
const { confirm } = vi.hoisted(() => ({ confirm: vi.fn<(address: string) => Promise<boolean>>() }));
vi.mock('./confirmExternalLink', () => ({ confirmExternalLink: confirm }));

afterEach(() => {
  vi.restoreAllMocks();
  confirm.mockReset();
  delete window.casebookPrintEngine;
});

describe('the browser host', () => {
  it('asks first with the normalised address, then opens exactly that in a new tab without a way back to the app', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    confirm.mockResolvedValue(true);
    await browserHost.openExternal('https://аpple.com/report');
    expect(confirm).toHaveBeenCalledWith('https://xn--pple-43d.com/report');
    expect(open).toHaveBeenCalledWith('https://xn--pple-43d.com/report', '_blank', 'noopener,noreferrer');
    await browserHost.openExternal('mailto:someone@example.org?body=Secret&attach=/etc/passwd');
    expect(open).toHaveBeenLastCalledWith('mailto:someone@example.org', '_blank', 'noopener,noreferrer');
  });

  it('opens nothing when the researcher cancels', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    confirm.mockResolvedValue(false);
    await browserHost.openExternal('https://example.org/report');
    expect(confirm).toHaveBeenCalledWith('https://example.org/report');
    expect(open).not.toHaveBeenCalled();
  });

  it('refuses other addresses with an invalid-request HostError, as Electron does, without asking', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const cases: [string, string][] = [
      ['javascript:alert(1)', 'Only http, https and mailto addresses open outside the app.'],
      ['file:///etc/passwd', 'Only http, https and mailto addresses open outside the app.'],
      ['not a url', 'The address holds spaces or control characters.'],
      ['https://app.casebook@evil.example/', 'The address holds a user name or password before its host, which hides where it leads.'],
    ];
    for (const [url, reason] of cases) {
      const failure = browserHost.openExternal(url);
      await expect(failure).rejects.toBeInstanceOf(HostError);
      await expect(failure).rejects.toMatchObject({ code: 'invalid-request', message: `Casebook could not open the link: ${reason}` });
    }
    expect(confirm).not.toHaveBeenCalled();
    expect(open).not.toHaveBeenCalled();
  });

  it('offers every event subscription; each unsubscribes, and events reach only current subscribers', () => {
    const backups: string[] = [];
    const stop = browserHost.onBackupFinished((event) => backups.push(event.fileName));
    const finished = { fileName: 'library.zip', finishedAt: '2025-03-01T09:30:00.000Z', error: null };
    emitBrowserHostEvent('backupFinished', finished);
    stop();
    stop();
    emitBrowserHostEvent('backupFinished', { ...finished, fileName: 'later.zip' });
    expect(backups).toEqual(['library.zip']);

    // A browser has no application menu and is never handed a case file; subscribing is harmless all the same.
    const menu = vi.fn();
    const stopMenu = browserHost.onMenuCommand(menu);
    const stopFiles = browserHost.onCaseFileOpened(menu);
    expect(typeof stopMenu).toBe('function');
    stopMenu();
    stopFiles();
    emitBrowserHostEvent('menuCommand', { commandId: 'go.entities' });
    expect(menu).not.toHaveBeenCalled();
  });

  it('prints a report to PDF bytes with the print engine of the page embedding the app, in bytes or base64', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4 report');
    const engine = vi.fn(async (html: string) => (html.includes('base64') ? btoa('%PDF-1.4 report') : pdf));
    window.casebookPrintEngine = engine;
    expect([...(await browserHost.printToPdf({ html: '<h1>Lantern Quay</h1>' }))]).toEqual([...pdf]);
    expect([...(await browserHost.printToPdf({ html: '<h1>base64</h1>' }))]).toEqual([...pdf]);
    expect(engine).toHaveBeenCalledWith('<h1>Lantern Quay</h1>');
  });

  it('without a print engine, says that the desktop app makes the PDF and Print… offers the print dialog', async () => {
    const failure = browserHost.printToPdf({ html: '<h1>Lantern Quay</h1>' });
    await expect(failure).rejects.toBeInstanceOf(HostError);
    await expect(failure).rejects.toMatchObject({ code: 'not-found', message: NO_PRINT_ENGINE });
    expect(NO_PRINT_ENGINE).toMatch(/desktop app.*Print….*Save as PDF/);
  });

  it('refuses an engine’s answer that is not a PDF', async () => {
    window.casebookPrintEngine = async () => 'not a pdf';
    await expect(browserHost.printToPdf({ html: '<p>x</p>' })).rejects.toMatchObject({
      message: 'The print engine of this page did not answer with a PDF. Try again, or use Print… instead.',
    });
  });

  it('keeps no backups and reads no files by token: each such request says to export an archive instead', async () => {
    const token = '0b5b1f5e-8c1e-4f51-9a38-2d7c1d2f4a10';
    const requests = [
      browserHost.readFileRange({ token, offset: 0, length: 10 }),
      browserHost.getBackupStatus(),
      browserHost.setBackupSettings(DEFAULT_BACKUP_SETTINGS),
      browserHost.beginBackup({ caseId: 'case-1', caseName: 'Harbour', reason: 'changes' }),
      browserHost.writeBackup({ writeId: token, bytes: new Uint8Array(1) }),
      browserHost.finishBackup({ writeId: token, commit: true }),
    ];
    for (const request of requests) {
      await expect(request).rejects.toBeInstanceOf(HostError);
      await expect(request).rejects.toMatchObject({
        code: 'not-found',
        message: expect.stringMatching(/backups are kept by the desktop app\. In a browser, keep a copy of a case by exporting it \(File > Export case archive…\)\.$/),
      });
    }
    await expect(browserHost.getBackupStatus()).rejects.toThrow(/^Casebook in a browser cannot list backups: /);
  });

  it('notes the library without complaint, keeping nothing', async () => {
    await expect(browserHost.noteLibrary({ caseCount: 3 })).resolves.toBeUndefined();
  });
});
