import { BRIDGE_KEY, type CasebookApi, type HostBridge } from '../../../shared/contract';
import { hostFromBridge } from '../../../shared/bridge';
import { browserHost } from './browserHost';

declare global {
  interface Window {
    [BRIDGE_KEY]?: HostBridge;
  }
}

const bridge = window[BRIDGE_KEY];

/**
 * The host the app runs in: the Electron preload's bridge when present (its failures rebuilt as `HostError`s with
 * their codes, its events checked), otherwise the browser's own means.
 */
export const host: CasebookApi = bridge ? hostFromBridge(bridge) : browserHost;
export const isElectron = bridge !== undefined;
