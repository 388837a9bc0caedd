import type { z } from 'zod';
import type { AnyCommandId } from './commands';
import type {
  backupSettingsSchema,
  beginBackupRequestSchema,
  finishBackupRequestSchema,
  noteLibraryRequestSchema,
  openFilesRequestSchema,
  readFileRangeRequestSchema,
  writeBackupRequestSchema,
  printToPdfRequestSchema,
  saveFileRequestSchema,
  fileFilterSchema,
} from './contractSchemas';

/**
 * The one door between the renderer and whatever hosts it: requests from the renderer (answered by the host) and
 * events from the host (to which the renderer subscribes). In Electron the preload exposes the `HostBridge` form of it
 * as `window.casebook` and `renderer/src/platform/` turns that into a `CasebookApi`; in a plain browser
 * `renderer/src/platform/browserHost.ts` implements `CasebookApi` itself.
 * Every request and event has a schema in `contractSchemas.ts`: the main process parses each request before acting and
 * each event before sending it, and the renderer parses each event again as it arrives.
 * This file holds no runtime dependency, so the sandboxed preload can import it whole.
 */

/** Name under which the preload exposes the bridge on `window`. */
export const BRIDGE_KEY = 'casebook';

export type FileFilter = z.infer<typeof fileFilterSchema>;
export type OpenFilesRequest = z.input<typeof openFilesRequestSchema>;
export type SaveFileRequest = z.input<typeof saveFileRequestSchema>;
export type PrintToPdfRequest = z.input<typeof printToPdfRequestSchema>;

/** A file the user picked, read whole. `error` is set instead of `bytes` when it could not be read. */
export interface PickedFile {
  name: string;
  size: number;
  bytes: Uint8Array | null;
  error: string | null;
}

export interface SaveResult {
  /** False when the user cancelled the dialog: cancelling is an answer, not a failure. */
  saved: boolean;
  /** Where it was written, when the host knows. */
  location: string | null;
}

export interface AppInfo {
  name: string;
  version: string;
  host: 'electron' | 'browser';
  platform: string;
  /** The folder the desktop app keeps its data in (Electron's userData: the case library, backups); null in a browser. */
  dataFolder: string | null;
}

/**
 * How a report is printed, in the names of Electron's `webContents.printToPDF`: the one options object of both paths.
 * Electron receives it as it is; the browser path gives Chromium's `page.pdf()` the same values through
 * `playwrightPdfOptions` (`shared/pdfOptions.ts`), so the layout tested in Chromium is the one users get. Margins in
 * inches; the paper size is the fallback, the report's own `@page` size (A4 or Letter, as chosen) wins.
 */
export interface ReportPdfOptions {
  pageSize: 'A4' | 'Letter';
  printBackground: boolean;
  margins: { top: number; bottom: number; left: number; right: number };
  displayHeaderFooter: boolean;
  preferCSSPageSize: boolean;
  /** A tagged (accessible) PDF: its text in reading order with its structure (headings, lists, tables). */
  generateTaggedPDF: boolean;
  /** The PDF's outline (bookmarks), made from the page's headings. */
  generateDocumentOutline: boolean;
}

export const REPORT_PDF_OPTIONS: Readonly<ReportPdfOptions> = {
  pageSize: 'A4',
  printBackground: true,
  margins: { top: 0.8, bottom: 0.8, left: 0.8, right: 0.8 },
  displayHeaderFooter: false,
  preferCSSPageSize: true,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
};

export type ReadFileRangeRequest = z.input<typeof readFileRangeRequestSchema>;
export type BackupSettings = z.infer<typeof backupSettingsSchema>;
export type BeginBackupRequest = z.input<typeof beginBackupRequestSchema>;
export type WriteBackupRequest = z.input<typeof writeBackupRequestSchema>;
export type FinishBackupRequest = z.input<typeof finishBackupRequestSchema>;
export type NoteLibraryRequest = z.input<typeof noteLibraryRequestSchema>;

/** The backup settings a desktop app starts with: after changes, at most hourly, the last 10 plus one a day for a week. */
export const DEFAULT_BACKUP_SETTINGS: Readonly<BackupSettings> = {
  enabled: true,
  minutesBetween: 60,
  keepLast: 10,
  keepDailyForDays: 7,
};

/** Why a backup was written. */
export type BackupReason = 'changes' | 'upgrade';

/** One backup in the desktop app's backups folder, as its manifest describes it. */
export interface BackupEntry {
  /** Stands for the file in main: `readFileRange` reads it. */
  token: string;
  fileName: string;
  caseId: string;
  caseName: string;
  /** When it was written (ISO 8601), the manifest's export time. */
  createdAt: string;
  /** The file's size in bytes. */
  size: number;
  /** Rows of each table, from its manifest. */
  counts: Record<string, number>;
  reason: BackupReason;
}

/** The desktop app's backups: where, how, which, and what the library held when last seen. */
export interface BackupStatus {
  /** The backups folder, to show the researcher. */
  folder: string;
  settings: BackupSettings;
  /** Newest first. Files that are not readable backups are left out. */
  backups: BackupEntry[];
  /**
   * What the library held when the app last noted it, kept in a file outside IndexedDB so that an empty library can
   * be told from one emptied behind Casebook's back; null before the first note.
   */
  library: { caseCount: number; notedAt: string } | null;
}

/** What the renderer asks of its host. Each resolves with the answer or rejects with a `HostError`. */
export interface HostRequests {
  getAppInfo(): Promise<AppInfo>;
  /** Shows the system's open dialog; resolves to [] when the user cancels. */
  openFiles(request: OpenFilesRequest): Promise<PickedFile[]>;
  /** Shows the system's save dialog and writes the bytes where the user chose. */
  saveFile(request: SaveFileRequest): Promise<SaveResult>;
  /**
   * Lays the HTML out in an isolated page (no script runs, nothing is fetched) and prints it with `REPORT_PDF_OPTIONS`,
   * resolving with the PDF's bytes; saving them is `saveFile`'s. A browser can print to bytes only with a print
   * engine the page embedding the app provides (`browserHost.ts`); without one it rejects, saying what to do.
   */
  printToPdf(request: PrintToPdfRequest): Promise<Uint8Array>;
  /** Opens an http(s) or mailto address in the system's browser or mail program. */
  openExternal(url: string): Promise<void>;
  /**
   * Bytes of a file main holds a token for (a case archive the system opened, a backup), from `offset`, at most
   * `length` (fewer at the file's end). Archives are read a window at a time, never whole.
   */
  readFileRange(request: ReadFileRangeRequest): Promise<Uint8Array>;
  /** The backups and their settings. Only the desktop app keeps backups: the browser rejects with `not-found`. */
  getBackupStatus(): Promise<BackupStatus>;
  /** Saves the backup settings and prunes the backups they no longer keep; answers with what was saved. */
  setBackupSettings(settings: BackupSettings): Promise<BackupSettings>;
  /** Starts writing a case's backup (to a temporary file): its bytes follow with `writeBackup`. */
  beginBackup(request: BeginBackupRequest): Promise<{ writeId: string }>;
  /** The next bytes of a backup being written. */
  writeBackup(request: WriteBackupRequest): Promise<void>;
  /**
   * Ends a backup: with `commit`, the file takes its place among the backups (older ones pruned by the settings) and
   * the answer is its entry; without, it is deleted and the answer is null. Main sends `backupFinished` after a commit,
   * saying why when the backup could not be written; never after an abort.
   */
  finishBackup(request: FinishBackupRequest): Promise<BackupEntry | null>;
  /** Notes how many cases the library holds, in the marker kept outside IndexedDB. */
  noteLibrary(request: NoteLibraryRequest): Promise<void>;
}

export type HostRequestName = keyof HostRequests;

/** IPC channel names, one per request; only the preload and main use them. */
export const CHANNELS = {
  getAppInfo: 'casebook:get-app-info',
  openFiles: 'casebook:open-files',
  saveFile: 'casebook:save-file',
  printToPdf: 'casebook:print-to-pdf',
  openExternal: 'casebook:open-external',
  readFileRange: 'casebook:read-file-range',
  getBackupStatus: 'casebook:get-backup-status',
  setBackupSettings: 'casebook:set-backup-settings',
  beginBackup: 'casebook:begin-backup',
  writeBackup: 'casebook:write-backup',
  finishBackup: 'casebook:finish-backup',
  noteLibrary: 'casebook:note-library',
} as const satisfies Record<HostRequestName, string>;

// Events from the host

/** The researcher chose an item of the application menu: the renderer runs that command through its registry. */
export interface MenuCommandEvent {
  commandId: AnyCommandId;
}

/**
 * The system asked Casebook to open a `.casebook` case archive (double-click on macOS, the command line on Windows and
 * Linux, or a second start of the app). The path stays in main: the renderer gets the file's name and a token the
 * archive feature will hand back to read it.
 */
export interface CaseFileOpenedEvent {
  name: string;
  /** The file's size in bytes, read with `readFileRange`; null with `error`. */
  size: number | null;
  /** Identifies the file to main; null when it could not be opened, with `error` saying why. */
  token: string | null;
  error: string | null;
}

/** A backup of the library finished, written or not. */
export interface BackupFinishedEvent {
  /** The backup's file name, as shown to the researcher. */
  fileName: string;
  /** When it finished (ISO 8601). */
  finishedAt: string;
  /** Why it failed, in words for the researcher; null when it was written. */
  error: string | null;
}

/** Every event the host sends, by name, with what it carries. */
export interface HostEventPayloads {
  menuCommand: MenuCommandEvent;
  caseFileOpened: CaseFileOpenedEvent;
  backupFinished: BackupFinishedEvent;
}

export type HostEventName = keyof HostEventPayloads;
export type HostEventListener<K extends HostEventName> = (event: HostEventPayloads[K]) => void;
/** Stops a subscription; calling it twice does nothing. */
export type Unsubscribe = () => void;

/** Subscriptions to the host's events, one named function per event. Each returns the function that unsubscribes. */
export interface HostEventSubscriptions {
  onMenuCommand(listener: HostEventListener<'menuCommand'>): Unsubscribe;
  onCaseFileOpened(listener: HostEventListener<'caseFileOpened'>): Unsubscribe;
  onBackupFinished(listener: HostEventListener<'backupFinished'>): Unsubscribe;
}

export type HostSubscriptionName = keyof HostEventSubscriptions;

/** The subscribe function of each event. */
export const EVENT_SUBSCRIPTIONS = {
  menuCommand: 'onMenuCommand',
  caseFileOpened: 'onCaseFileOpened',
  backupFinished: 'onBackupFinished',
} as const satisfies Record<HostEventName, HostSubscriptionName>;

/** IPC channel names of the events main sends; only main and the preload use them. */
export const EVENT_CHANNELS = {
  menuCommand: 'casebook:menu-command',
  caseFileOpened: 'casebook:case-file-opened',
  backupFinished: 'casebook:backup-finished',
} as const satisfies Record<HostEventName, string>;

/** Everything the renderer may use of its host. */
export interface CasebookApi extends HostRequests, HostEventSubscriptions {}

// Failures

/**
 * What kind of failure a request met, so the renderer can react to the kind and show the message:
 * - `cancelled`: the researcher stopped an operation the request cannot finish without (a cancelled dialog is not
 *   this: it is an answer, `saved: false` or no files);
 * - `invalid-request`: the request itself was wrong (a bad file name, an address that may not open outside);
 * - `not-found`: what it needed is not there (a file that was moved, a program to open a link);
 * - `read-failed`, `write-failed`: the disk refused;
 * - `not-allowed`: the request came from a page that is not Casebook;
 * - `unknown`: anything else, with the reason in the message.
 */
export const HOST_ERROR_CODES = [
  'cancelled',
  'invalid-request',
  'not-found',
  'read-failed',
  'write-failed',
  'not-allowed',
  'unknown',
] as const;

export type HostErrorCode = (typeof HOST_ERROR_CODES)[number];

export interface HostFailure {
  code: HostErrorCode;
  /** Meant for the researcher: what happened and what to do. */
  message: string;
}

/**
 * How each request's answer travels from main through the preload to the renderer. Errors lose their class and every
 * property but the message when they cross IPC or the context bridge, so failures travel as data and
 * `renderer/src/platform/` turns them back into `HostError`s in the page's own world.
 */
export type HostResult<T> = { ok: true; value: T } | { ok: false; error: HostFailure };

/** A request the host could not carry out, with a message meant for the user. */
export class HostError extends Error {
  override name = 'HostError';
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
  }

  get failure(): HostFailure {
    return { code: this.code, message: this.message };
  }
}

export const isHostErrorCode = (value: unknown): value is HostErrorCode =>
  (HOST_ERROR_CODES as readonly unknown[]).includes(value);

/** The value of a result, or the HostError it carries; anything that is not a result is an `unknown` failure. */
export function unwrapHostResult<T>(result: HostResult<T>): T {
  const reply = result as unknown;
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    // A void answer may arrive without its `value` key.
    if (reply.ok === true) return (reply as { value?: T }).value as T;
    if (reply.ok === false && 'error' in reply && typeof reply.error === 'object' && reply.error !== null) {
      const { code, message } = reply.error as Partial<HostFailure>;
      if (typeof message === 'string') throw new HostError(isHostErrorCode(code) ? code : 'unknown', message);
    }
  }
  throw new HostError('unknown', 'Casebook’s desktop process gave an answer Casebook does not understand. Restart Casebook and try again.');
}

/**
 * What the preload exposes: the requests answering with `HostResult`s, and the subscriptions handing over each
 * event's payload as it arrived, before the renderer checks it.
 */
export type HostBridge = {
  [K in HostRequestName]: (...args: Parameters<HostRequests[K]>) => Promise<HostResult<Awaited<ReturnType<HostRequests[K]>>>>;
} & {
  [K in HostSubscriptionName]: (listener: (payload: unknown) => void) => Unsubscribe;
};
