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
    expect(alerts()).toEqual([
      'Casebook could not open https://example.org/source: pop-ups are blocked. Copy the address and open it in your web browser.Dismiss',
    ]);
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
  it('say that case archives open with the archive feature, or why the file could not be opened', async () => {
    const stop = listenToHostEvents(browserHost);
    await act(async () =>
      emitBrowserHostEvent('caseFileOpened', { name: 'Harbour.casebook', size: 2048, token: '0b5b1f5e-8c1e-4f51-9a38-2d7c1d2f4a10', error: null }),
    );
    expect(statuses()).toEqual([
      '“Harbour.casebook” is a Casebook case archive. Opening case archives arrives with the archive feature in a later version of Casebook; keep the file until then. Nothing in your library was changed.Dismiss',
    ]);
    await act(async () =>
      emitBrowserHostEvent('caseFileOpened', { name: 'Moved.casebook', size: null, token: null, error: 'Moved.casebook could not be opened: it no longer exists.' }),
    );
    expect(alerts()).toEqual(['Moved.casebook could not be opened: it no longer exists.Dismiss']);
    stop();
  });

  it('report a finished backup, written or not', async () => {
    const stop = listenToHostEvents(browserHost);
    await act(async () => emitBrowserHostEvent('backupFinished', { fileName: 'library.zip', finishedAt: '2025-03-01T09:30:00.000Z', error: null }));
    await act(async () =>
      emitBrowserHostEvent('backupFinished', { fileName: 'library-2.zip', finishedAt: '2025-03-01T10:30:00.000Z', error: 'the disk is full. Free some space.' }),
    );
    stop();
    await act(async () => emitBrowserHostEvent('backupFinished', { fileName: 'after.zip', finishedAt: '2025-03-01T11:30:00.000Z', error: null }));
    expect(statuses()).toEqual(['Backup saved as library.zip.Dismiss']);
    expect(alerts()).toEqual(['The backup library-2.zip was not made: the disk is full. Free some space.Dismiss']);
  });
});
