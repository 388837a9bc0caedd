import {
  HostError,
  type AppInfo,
  type CasebookApi,
  type HostEventListener,
  type HostEventName,
  type HostEventPayloads,
  type OpenFilesRequest,
  type PickedFile,
  type PrintToPdfRequest,
  type SaveFileRequest,
  type SaveResult,
  type Unsubscribe,
} from '../../../shared/contract';
import { decideNavigation } from '../../../shared/linkPolicy';

/**
 * The host's events inside the page. A browser has no application menu and is never asked to open a case file, so
 * nothing in the browser sends those two; code that runs in the page (a backup made in the browser) emits through
 * `emitBrowserHostEvent`. The subscriptions exist all the same, so the app subscribes the same way in both hosts.
 */
const listeners: { [K in HostEventName]: Set<HostEventListener<K>> } = {
  menuCommand: new Set(),
  caseFileOpened: new Set(),
  backupFinished: new Set(),
};

function subscribe<K extends HostEventName>(name: K, listener: HostEventListener<K>): Unsubscribe {
  // A wrapper of its own, so subscribing the same function twice gives two subscriptions.
  const subscribed: HostEventListener<K> = (event) => listener(event);
  (listeners[name] as Set<HostEventListener<K>>).add(subscribed);
  return () => void (listeners[name] as Set<HostEventListener<K>>).delete(subscribed);
}

export function emitBrowserHostEvent<K extends HostEventName>(name: K, event: HostEventPayloads[K]): void {
  for (const listener of [...(listeners[name] as Set<HostEventListener<K>>)]) listener(event);
}

/** Backups and files read by token are the desktop app's: a page cannot write to a folder of its own. */
const desktopOnly = (action: string) => (): Promise<never> =>
  Promise.reject(
    new HostError(
      'not-found',
      `Casebook in a browser cannot ${action}: backups are kept by the desktop app. In a browser, keep a copy of a case by exporting it (File > Export case archive…).`,
    ),
  );

/**
 * The contract implemented with what any Chromium offers, so the app runs without Electron (`npm run web`).
 * File pickers are <input type=file>, saving is a download, and the report is printed by the page's print engine
 * when it has one (the report's *Print…* offers it to the browser's print dialog otherwise).
 */
export const browserHost: CasebookApi = {
  async getAppInfo(): Promise<AppInfo> {
    return { name: 'Casebook', version: __APP_VERSION__, host: 'browser', platform: navigator.platform, dataFolder: null };
  },

  openFiles(request: OpenFilesRequest): Promise<PickedFile[]> {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.multiple = request.multiple ?? false;
      const extensions = (request.filters ?? []).flatMap((filter) => filter.extensions).filter((ext) => ext !== '*');
      if (extensions.length) input.accept = extensions.map((ext) => `.${ext}`).join(',');
      input.addEventListener('cancel', () => resolve([]));
      input.addEventListener('change', () => {
        // Read by a module of its own, loaded then: the limits it checks stay out of the app's start.
        const files = Array.from(input.files ?? []);
        void import('./pickedFile').then(({ readPickedFile }) => Promise.all(files.map(readPickedFile))).then(resolve);
      });
      input.click();
    });
  },

  async saveFile(request: SaveFileRequest): Promise<SaveResult> {
    const url = URL.createObjectURL(new Blob([request.bytes as Uint8Array<ArrayBuffer>]));
    try {
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = request.suggestedName;
      anchor.click();
    } finally {
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }
    return { saved: true, location: null };
  },

  // Loaded with the first report: the app starts without it.
  printToPdf: (request: PrintToPdfRequest): Promise<Uint8Array> => import('./printEngine').then((engine) => engine.printWithEngine(request.html)),

  /**
   * Asks first, in the app's own dialog, showing the normalised address (`decideNavigation`), and opens exactly that
   * address in a new tab with no way back to the app. Cancelling is an answer, not a failure.
   */
  async openExternal(url: string): Promise<void> {
    const decision = decideNavigation({ kind: 'open-external', url });
    if (decision.action === 'deny') throw new HostError('invalid-request', `Casebook could not open the link: ${decision.reason}`);
    const { confirmExternalLink } = await import('./confirmExternalLink');
    if (decision.action === 'ask' && (await confirmExternalLink(decision.address)))
      window.open(decision.address, '_blank', 'noopener,noreferrer');
  },

  readFileRange: desktopOnly('read a file the desktop app opened'),
  getBackupStatus: desktopOnly('list backups'),
  setBackupSettings: desktopOnly('change the backup settings'),
  beginBackup: desktopOnly('write a backup'),
  writeBackup: desktopOnly('write a backup'),
  finishBackup: desktopOnly('write a backup'),
  // The browser keeps no marker outside its storage: noting the library does nothing here.
  noteLibrary: async () => undefined,

  onMenuCommand: (listener) => subscribe('menuCommand', listener),
  onCaseFileOpened: (listener) => subscribe('caseFileOpened', listener),
  onBackupFinished: (listener) => subscribe('backupFinished', listener),
};
