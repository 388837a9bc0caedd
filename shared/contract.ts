import type { z } from 'zod';
import type {
  openFilesRequestSchema,
  printToPdfRequestSchema,
  saveFileRequestSchema,
  fileFilterSchema,
} from './contractSchemas';

/**
 * The one door between the renderer and whatever hosts it. The Electron preload exposes exactly this object as
 * `window.casebook`; in a plain browser `renderer/src/platform/browserHost.ts` implements the same interface.
 * Every request has a schema in `contractSchemas.ts`: the main process parses each IPC argument with it before acting.
 * This file holds no runtime dependency, so the sandboxed preload can import it whole.
 */

/** Name under which the preload exposes the API on `window`. */
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
  /** False when the user cancelled the dialog. */
  saved: boolean;
  /** Where it was written, when the host knows. */
  location: string | null;
}

export interface AppInfo {
  name: string;
  version: string;
  host: 'electron' | 'browser';
  platform: string;
}

/**
 * The options both Electron's `webContents.printToPDF` and Chromium's `page.pdf()` receive for the report, so the
 * layout tested in Chromium is the one users get. Margins in inches; A4.
 */
export const REPORT_PDF_OPTIONS = {
  pageSize: 'A4',
  printBackground: true,
  margins: { top: 0.8, bottom: 0.8, left: 0.8, right: 0.8 },
  displayHeaderFooter: false,
  preferCSSPageSize: true,
} as const;

export interface CasebookApi {
  getAppInfo(): Promise<AppInfo>;
  /** Shows the system's open dialog; resolves to [] when the user cancels. */
  openFiles(request: OpenFilesRequest): Promise<PickedFile[]>;
  /** Shows the system's save dialog and writes the bytes where the user chose. */
  saveFile(request: SaveFileRequest): Promise<SaveResult>;
  /** Renders the HTML in an isolated page and saves it as a PDF (a browser host opens its print dialog). */
  printToPdf(request: PrintToPdfRequest): Promise<SaveResult>;
  /** Opens an http(s) or mailto address in the system's browser or mail program. */
  openExternal(url: string): Promise<void>;
}

/** IPC channel names, one per API function; only the preload and main use them. */
export const CHANNELS = {
  getAppInfo: 'casebook:get-app-info',
  openFiles: 'casebook:open-files',
  saveFile: 'casebook:save-file',
  printToPdf: 'casebook:print-to-pdf',
  openExternal: 'casebook:open-external',
} as const satisfies Record<keyof CasebookApi, string>;

/**
 * What the main process answers each IPC call with; the preload turns a failure into a HostError. A thrown error
 * would reach the renderer prefixed with "Error invoking remote method", so failures travel as data instead.
 */
export type HostReply<T> = { ok: true; value: T } | { ok: false; message: string };

/** Raised by the host with a message meant for the user. */
export class HostError extends Error {
  override name = 'HostError';
}
