import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY, CHANNELS, HostError, type CasebookApi, type HostReply } from '../../shared/contract';

/**
 * The sandboxed preload: it exposes the contract as named functions on `window.casebook` and nothing else, no
 * ipcRenderer and no channel names. Imports are limited to electron and the contract, which has no runtime
 * dependencies, so the bundle stays one small CommonJS file.
 */

async function invoke<T>(channel: string, request?: unknown): Promise<T> {
  const reply = (await ipcRenderer.invoke(channel, request)) as HostReply<T>;
  if (!reply.ok) throw new HostError(reply.message);
  return reply.value;
}

const api: CasebookApi = {
  getAppInfo: () => invoke(CHANNELS.getAppInfo),
  openFiles: (request) => invoke(CHANNELS.openFiles, request),
  saveFile: (request) => invoke(CHANNELS.saveFile, request),
  printToPdf: (request) => invoke(CHANNELS.printToPdf, request),
  openExternal: (url) => invoke(CHANNELS.openExternal, url),
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, api);
