import { CHANNELS } from '../../../shared/contract';
import type { Backups } from '../services/backups';
import type { FileTokens } from '../services/fileTokens';
import { getAppInfo } from './appInfo';
import { backupHandlers } from './backups';
import { printToPdf } from './export';
import { openExternal } from './external';
import { readFileRangeHandler } from './fileRange';
import { openFiles } from './files';
import { runHandler, type ApiName, type HostHandler, type RequestContext } from './guard';
import { saveFile } from './save';

/** What main keeps for the handlers: the files the renderer reads by token, and the backups folder. */
export interface HostServices {
  files: FileTokens;
  backups: Backups;
}

/** One handler per request; the type makes a missing or misnamed one a compile error. */
export function createHandlers(services: HostServices) {
  return {
    getAppInfo,
    openFiles,
    saveFile,
    printToPdf,
    openExternal,
    readFileRange: readFileRangeHandler(services.files),
    ...backupHandlers(services.backups),
  } satisfies { [K in ApiName]: HostHandler<K> };
}

export type HostHandlers = ReturnType<typeof createHandlers>;

/** The part of an IPC event the handlers look at: Electron's own, or an in-memory one in tests. */
export interface IpcRequestEvent<Sender> {
  sender: Sender;
  /** The frame that sent it: null when it has gone meanwhile; `parent` is null for the page itself. */
  senderFrame?: { url: string; parent?: unknown } | null;
}

/**
 * The address of the page that sent a request, or null when the sender is gone or is a frame inside the page: the
 * preload, and so the bridge, lives only in the main frame (nodeIntegrationInSubFrames is off), so a request from a
 * subframe is never the app's.
 */
export function senderUrlOf(frame: IpcRequestEvent<unknown>['senderFrame']): string | null {
  if (!frame || (frame.parent !== null && frame.parent !== undefined)) return null;
  return frame.url;
}

/** The part of `ipcMain` the handlers need. */
export interface IpcMainLike<Sender> {
  handle(channel: string, listener: (event: IpcRequestEvent<Sender>, argument: unknown) => Promise<unknown>): void;
}

export interface IpcSetup<Sender> {
  ipcMain: IpcMainLike<Sender>;
  /** Only pages from these origins are served. */
  allowedOrigins: readonly string[];
  /** The window a request came from, to parent its dialogs. */
  windowOf(sender: Sender): RequestContext['window'];
  services: HostServices;
}

function register<K extends ApiName, Sender>(handler: HostHandler<K>, setup: IpcSetup<Sender>): void {
  setup.ipcMain.handle(CHANNELS[handler.name], (event, argument) => {
    const context = { window: setup.windowOf(event.sender) };
    return runHandler(handler, senderUrlOf(event.senderFrame), argument, context, setup.allowedOrigins);
  });
}

/** Answers the preload's requests; `handlers` are the app's own but in tests. */
export function registerIpcHandlers<Sender>(setup: IpcSetup<Sender>, handlers: HostHandlers = createHandlers(setup.services)): void {
  for (const name of Object.keys(CHANNELS) as ApiName[]) register(handlers[name] as HostHandler<ApiName>, setup);
}
