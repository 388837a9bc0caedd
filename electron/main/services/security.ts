import { decideNavigation, normaliseExternalAddress, originOf } from '../../../shared/linkPolicy';
import { APP_ORIGIN, APP_SCHEME } from './appProtocol';

/**
 * The decisions behind the main process's guards, free of Electron so they are tested in Node: which pages are
 * the app's own, where a page may navigate, what happens to window.open, which requests leave the session, which
 * permission a page gets. Where a page may go and which links open outside is `decideNavigation`
 * (shared/linkPolicy.ts), shared with the browser host.
 */

export { originOf };

/** The origins whose pages may call the API: the app protocol, and the dev server while developing. */
export function trustedOrigins(devServerUrl: string | undefined): string[] {
  const devOrigin = devServerUrl ? originOf(devServerUrl) : null;
  return devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];
}

export function isTrustedOrigin(url: string | null | undefined, allowed: readonly string[]): boolean {
  if (!url) return false;
  const origin = originOf(url);
  return origin !== null && allowed.includes(origin);
}

/** A page may only move within the app itself (a reload, Vite's full reload in development). */
export function isAllowedNavigation(url: string, allowed: readonly string[]): boolean {
  return decideNavigation({ kind: 'redirect', url, allowedOrigins: allowed }).action === 'allow';
}

/** True for the addresses handed to the system's browser or mail program when a page asks to open them. */
export function opensExternally(url: string): boolean {
  return normaliseExternalAddress(url).ok;
}

/**
 * Whether a request of any page of the session may go ahead: the app's own protocol (served from the app's files by
 * its handlers, never from the network), data: and blob: (made inside the page), and while developing the dev
 * server's origin with its websocket (Vite's hot reload) and DevTools' own pages (devtools://, whose frontend the
 * development build's menu opens). Everything else is cancelled: nothing in Casebook fetches from the internet, and a
 * request that tries, from a saved page, a spell-check dictionary download or a bug, never leaves the computer.
 * chrome-extension: is not allowed: the app loads no extension.
 */
export function isRequestAllowed(url: string, options: { allowedOrigins: readonly string[]; development: boolean }): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  switch (parsed.protocol) {
    case `${APP_SCHEME}:`:
    case 'data:':
    case 'blob:':
      return true;
    case 'devtools:':
      return options.development;
    case 'ws:':
    case 'wss:': {
      // Only the dev server's hot-reload socket: ws://host:port of an allowed http://host:port.
      const origin = originOf(url.replace(/^ws/i, 'http'));
      return origin !== null && options.allowedOrigins.includes(origin);
    }
    default: {
      const origin = originOf(url);
      return origin !== null && options.allowedOrigins.includes(origin);
    }
  }
}

/**
 * Where Chromium would fetch Hunspell spell-check dictionaries (Windows and Linux; macOS uses its own checker). By
 * default that is Google's servers; this address is on the app's protocol but not its host, so its handler answers
 * every file with Not found (`resolveAppFile`): no dictionary is ever downloaded, and spell-check uses what the system
 * has (the Windows and macOS checkers, or dictionaries already on the computer). The request blocker is the second
 * guard.
 */
export const SPELLCHECK_DICTIONARY_URL = `${APP_SCHEME}://no-spellcheck-dictionaries/`;

/**
 * Every permission is refused, except persistent storage for the app's own pages: the researcher's case files
 * live in IndexedDB, and a persisted origin is not evicted when the disk runs low.
 */
export function isPermissionGranted(permission: string, requestingUrl: string, allowed: readonly string[]): boolean {
  return permission === 'persistent-storage' && isTrustedOrigin(requestingUrl, allowed);
}
