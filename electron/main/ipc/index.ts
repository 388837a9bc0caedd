import { CHANNELS } from '../../../shared/contract';
import { getAppInfo } from './appInfo';
import { printToPdf } from './export';
import { openExternal } from './external';
import { openFiles } from './files';
import { runHandler, type ApiName, type HostHandler, type RequestContext } from './guard';
import { saveFile } from './save';

/** One handler per request; the type makes a missing or misnamed one a compile error. */
export const handlers = { getAppInfo, openFiles, saveFile, printToPdf, openExternal } satisfies {
  [K in ApiName]: HostHandler<K>;
};

/** The part of an IPC event the handlers look at: Electron's own, or an in-memory one in tests. */
export interface IpcRequestEvent<Sender> {
  sender: Sender;
  senderFrame?: { url: string } | null;
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
}

function register<K extends ApiName, Sender>(handler: HostHandler<K>, setup: IpcSetup<Sender>): void {
  setup.ipcMain.handle(CHANNELS[handler.name], (event, argument) => {
    const context = { window: setup.windowOf(event.sender) };
    return runHandler(handler, event.senderFrame?.url, argument, context, setup.allowedOrigins);
  });
}

/** Answers the preload's requests. */
export function registerIpcHandlers<Sender>(setup: IpcSetup<Sender>): void {
  register(handlers.getAppInfo, setup);
  register(handlers.openFiles, setup);
  register(handlers.saveFile, setup);
  register(handlers.printToPdf, setup);
  register(handlers.openExternal, setup);
}
