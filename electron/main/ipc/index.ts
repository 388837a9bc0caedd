import { BrowserWindow, ipcMain } from 'electron';
import { CHANNELS } from '../../../shared/contract';
import { getAppInfo } from './appInfo';
import { printToPdf } from './export';
import { openExternal } from './external';
import { openFiles } from './files';
import { runHandler, type ApiName, type HostHandler } from './guard';
import { saveFile } from './save';

/** One handler per API function; the type makes a missing or misnamed one a compile error. */
const handlers = { getAppInfo, openFiles, saveFile, printToPdf, openExternal } satisfies {
  [K in ApiName]: HostHandler<K>;
};

function register<K extends ApiName>(handler: HostHandler<K>, allowedOrigins: readonly string[]): void {
  ipcMain.handle(CHANNELS[handler.name], (event, argument: unknown) => {
    const context = { window: BrowserWindow.fromWebContents(event.sender) };
    return runHandler(handler, event.senderFrame?.url, argument, context, allowedOrigins);
  });
}

/** Answers the preload's calls; only pages from `allowedOrigins` are served. */
export function registerIpcHandlers(allowedOrigins: readonly string[]): void {
  register(handlers.getAppInfo, allowedOrigins);
  register(handlers.openFiles, allowedOrigins);
  register(handlers.saveFile, allowedOrigins);
  register(handlers.printToPdf, allowedOrigins);
  register(handlers.openExternal, allowedOrigins);
}
