import type { Page } from '@playwright/test';

/**
 * The renderer as it runs in Electron, with a stand-in for the preload: the page gets a `window.casebook` bridge that
 * answers as main does (results as data, failures with a code) and lets the test send host events. Its backups
 * folder keeps each backup's bytes in the origin's private file system and their list and the library's marker in
 * localStorage, so they outlive a reload (and a library wiped behind the app's back) as main's folder does. What the
 * real preload and main do is tested in electron/ (Node) and, where Electron runs, in tests/electron.
 */
export async function withDesktopBridge(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const listeners = new Map<string, Set<(payload: unknown) => void>>();
    const subscribe = (name: string) => (listener: (payload: unknown) => void) => {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set.add(listener));
      return () => void set.delete(listener);
    };
    const answer = async (value: unknown) => ({ ok: true, value });
    const refuse = async (code: string, message: string) => ({ ok: false, error: { code, message } });
    /** Files main would hold for a token: a case archive the system opened, read a range at a time. */
    const hostFiles = new Map<string, Blob>();

    // The backups folder.
    type Entry = { token: string; fileName: string; caseId: string; caseName: string; createdAt: string; size: number; counts: Record<string, number>; reason: string };
    const read = <T,>(key: string, fallback: T): T => JSON.parse(localStorage.getItem(`standin.${key}`) ?? 'null') ?? fallback;
    const write = (key: string, value: unknown) => localStorage.setItem(`standin.${key}`, JSON.stringify(value));
    const folder = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('standin-backups', { create: true });
    const writing = new Map<string, { caseId: string; caseName: string; reason: string; chunks: Uint8Array[] }>();
    const fileOf = async (entry: Entry) => (await (await folder()).getFileHandle(entry.token)).getFile();

    Object.assign(window, {
      hostFiles,
      emitHostEvent: (name: string, payload: unknown) => listeners.get(name)?.forEach((listener) => listener(payload)),
      casebook: {
        getAppInfo: () => answer({ name: 'Casebook', version: 'test', host: 'electron', platform: 'linux' }),
        openFiles: () => answer([]),
        saveFile: () => answer({ saved: false, location: null }),
        printToPdf: () => answer(new Uint8Array()),
        openExternal: (url: string) =>
          refuse('not-found', `No program on this computer opened ${url} (no handler). Copy the address and open it in your web browser or mail program.`),
        readFileRange: async ({ token, offset, length }: { token: string; offset: number; length: number }) => {
          const backup = read<Entry[]>('backups', []).find((entry) => entry.token === token);
          const file = hostFiles.get(token) ?? (backup ? await fileOf(backup) : undefined);
          if (!file) return refuse('not-found', 'Casebook no longer holds that file. Open it again.');
          return answer(new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()));
        },
        getBackupStatus: () =>
          answer({
            folder: '/home/researcher/.config/Casebook/Backups',
            settings: read('settings', { enabled: true, minutesBetween: 60, keepLast: 10, keepDailyForDays: 7 }),
            backups: [...read<Entry[]>('backups', [])].reverse(),
            library: read('library', null),
          }),
        setBackupSettings: async (settings: unknown) => {
          write('settings', settings);
          return answer(settings);
        },
        beginBackup: async ({ caseId, caseName, reason }: { caseId: string; caseName: string; reason: string }) => {
          const writeId = crypto.randomUUID();
          writing.set(writeId, { caseId, caseName, reason, chunks: [] });
          return answer({ writeId });
        },
        writeBackup: async ({ writeId, bytes }: { writeId: string; bytes: Uint8Array }) => {
          writing.get(writeId)?.chunks.push(bytes.slice());
          return answer(undefined);
        },
        finishBackup: async ({ writeId, commit }: { writeId: string; commit: boolean }) => {
          const backup = writing.get(writeId)!;
          writing.delete(writeId);
          if (!commit) return answer(null);
          const bytes = new Blob(backup.chunks as BlobPart[]);
          const createdAt = new Date().toISOString();
          const entry: Entry = {
            token: crypto.randomUUID(),
            fileName: `${backup.caseName} ${createdAt.slice(0, 19).replace('T', ' ').replaceAll(':', '.')}.casebook`,
            caseId: backup.caseId,
            caseName: backup.caseName,
            createdAt,
            size: bytes.size,
            counts: {},
            reason: backup.reason,
          };
          const writable = await (await (await folder()).getFileHandle(entry.token, { create: true })).createWritable();
          await writable.write(bytes);
          await writable.close();
          write('backups', [...read<Entry[]>('backups', []), entry]);
          return answer(entry);
        },
        noteLibrary: async ({ caseCount }: { caseCount: number }) => {
          write('library', { caseCount, notedAt: new Date().toISOString() });
          return answer(undefined);
        },
        onMenuCommand: subscribe('menuCommand'),
        onCaseFileOpened: subscribe('caseFileOpened'),
        onBackupFinished: subscribe('backupFinished'),
      },
    });
  });
}

/** Sends a host event to the page, as main would. */
export const emitHostEvent = (page: Page, name: string, payload: unknown) =>
  page.evaluate(([event, data]) => (window as unknown as { emitHostEvent: (n: unknown, p: unknown) => void }).emitHostEvent(event, data), [
    name,
    payload,
  ] as const);
