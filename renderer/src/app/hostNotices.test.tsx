// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostError } from '../../../shared/contract';
import { Notices } from '../components/Notices';
import { HtmlText } from '../features/documents/reader/ReaderText';
import { browserHost, emitBrowserHostEvent } from '../platform/browserHost';
import { openExternalLink } from './externalLinks';
import { listenToHostEvents } from './hostEvents';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// jsdom has <dialog> without its modal methods.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
  this.open = false;
};

let root: Root;
let container: HTMLElement;
beforeEach(async () => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<Notices />));
});
afterEach(async () => {
  // Dismiss what a test left, so the next starts with no notice.
  for (const button of container.querySelectorAll('button')) await act(async () => button.click());
  await act(async () => root.unmount());
  container.remove();
  vi.restoreAllMocks();
});

const alerts = () => Array.from(container.querySelectorAll('[role="alert"]'), (element) => element.textContent);
const statuses = () => Array.from(container.querySelectorAll('[role="status"]'), (element) => element.textContent);

describe('links that do not open', () => {
  it('show the host’s message instead of failing silently', async () => {
    const message = 'No program on this computer opened mailto:a@example.org (no handler). Copy the address and open it in your web browser or mail program.';
    const failing = { openExternal: vi.fn().mockRejectedValue(new HostError('not-found', message)) };
    await act(() => openExternalLink('mailto:a@example.org', failing));
    expect(alerts()).toEqual([`${message}Dismiss`]);
  });

  it('show nothing when the link opened', async () => {
    await act(() => openExternalLink('https://example.org/', { openExternal: async () => undefined }));
    expect(container.textContent).toBe('');
  });

  it('in a document’s text: a link the browser will not open is explained', async () => {
    vi.spyOn(window, 'open').mockImplementation(() => {
      throw new Error('pop-ups are blocked');
    });
    const text = document.createElement('div');
    document.body.append(text);
    const textRoot = createRoot(text);
    await act(async () => textRoot.render(<HtmlText html='<p>See <a href="https://example.org/source">the source</a>.</p>' />));
    await act(async () => text.querySelector('a')?.click());
    // The link asks first (confirmExternalLink), with the address it would open; Open tries it.
    const question = await vi.waitFor(() => {
      const found = document.querySelector('dialog');
      if (!found) throw new Error('the link has not asked yet');
      return found;
    });
    expect(question.textContent).toContain('https://example.org/source');
    await act(async () => (Array.from(question.querySelectorAll('button')).find((button) => button.textContent === 'Open') as HTMLButtonElement).click());
    await vi.waitFor(() =>
      expect(alerts()).toEqual([
        'Casebook could not open https://example.org/source: pop-ups are blocked. Copy the address and open it in your web browser.Dismiss',
      ]),
    );
    await act(async () => textRoot.unmount());
    text.remove();
  });

  it('dismiss when asked', async () => {
    await act(() => openExternalLink('https://example.org/', { openExternal: async () => Promise.reject(new Error('no')) }));
    expect(alerts()).toHaveLength(1);
    await act(async () => container.querySelector('button')?.click());
    expect(alerts()).toEqual([]);
  });
});

describe('host events', () => {
  it('open a case archive the system handed over in the archive’s dialog, read through the host; or say why it could not be opened', async () => {
    const ranges: { token: string; offset: number; length: number }[] = [];
    const notZip = new TextEncoder().encode('Harbour notes, saved as plain text: not a zip at all.\n'.repeat(40));
    const host = {
      ...browserHost,
      // Not an archive: the dialog reads it through the host and says what is wrong with it.
      readFileRange: async (request: { token: string; offset: number; length: number }) => {
        ranges.push(request);
        return notZip.slice(request.offset, request.offset + request.length);
      },
    };
    const stop = listenToHostEvents(host);
    const token = '0b5b1f5e-8c1e-4f51-9a38-2d7c1d2f4a10';
    await act(async () => emitBrowserHostEvent('caseFileOpened', { name: 'Harbour.casebook', size: notZip.byteLength, token, error: null }));
    const dialog = await vi.waitFor(
      () => {
        const found = document.querySelector('dialog');
        if (!found?.querySelector('[role="alert"]')) throw new Error(`the dialog has not said what is wrong yet: ${found?.textContent}`);
        return found;
      },
      { timeout: 20_000 },
    );
    expect(dialog.querySelector('h2')?.textContent).toBe('Open case archive');
    expect(dialog.querySelector('[role="alert"]')?.textContent).toMatch(/^Harbour\.casebook is not a Casebook archive: it is not a zip file/);
    expect(ranges.length).toBeGreaterThan(0);
    expect(ranges.every((range) => range.token === token)).toBe(true);
    await act(async () => (Array.from(dialog.querySelectorAll('button')).find((button) => button.textContent === 'Cancel') as HTMLButtonElement).click());
    expect(document.querySelector('dialog')).toBeNull();

    await act(async () =>
      emitBrowserHostEvent('caseFileOpened', { name: 'Moved.casebook', size: null, token: null, error: 'Moved.casebook could not be opened: it no longer exists.' }),
    );
    expect(alerts()).toEqual(['Moved.casebook could not be opened: it no longer exists.Dismiss']);
    stop();
  }, 30_000);

  it('say nothing of a backup written, and why one failed', async () => {
    const stop = listenToHostEvents(browserHost);
    await act(async () => emitBrowserHostEvent('backupFinished', { fileName: 'Harbour 2025-03-01 09.30.00.casebook', finishedAt: '2025-03-01T09:30:00.000Z', error: null }));
    await act(async () =>
      emitBrowserHostEvent('backupFinished', { fileName: 'Harbour 2025-03-01 10.30.00.casebook', finishedAt: '2025-03-01T10:30:00.000Z', error: 'the disk is full. Free some space.' }),
    );
    stop();
    await act(async () => emitBrowserHostEvent('backupFinished', { fileName: 'after.casebook', finishedAt: '2025-03-01T11:30:00.000Z', error: 'later' }));
    expect(statuses()).toEqual([]);
    expect(alerts()).toEqual(['The backup Harbour 2025-03-01 10.30.00.casebook was not made: the disk is full. Free some space.Dismiss']);
  });
});
