import { BRIDGE_KEY, type CasebookApi } from '../../../shared/contract';
import { browserHost } from './browserHost';

declare global {
  interface Window {
    [BRIDGE_KEY]?: CasebookApi;
  }
}

/** The host the app runs in: the Electron preload's bridge when present, otherwise the browser's own means. */
export const host: CasebookApi = window[BRIDGE_KEY] ?? browserHost;
export const isElectron = window[BRIDGE_KEY] !== undefined;
