import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY } from '../../shared/contract';
import { buildBridge } from './bridge';

/**
 * The sandboxed preload: it exposes the contract's bridge as named functions on `window.casebook` and nothing else,
 * no ipcRenderer and no channel names. Imports are limited to electron and the contract, which has no runtime
 * dependencies, so the bundle stays one small CommonJS file.
 */

contextBridge.exposeInMainWorld(
  BRIDGE_KEY,
  buildBridge({
    invoke: (channel, argument) => ipcRenderer.invoke(channel, argument),
    on(channel, listener) {
      const receive = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, receive);
      return () => void ipcRenderer.removeListener(channel, receive);
    },
  }),
);
