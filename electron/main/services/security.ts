import { externalUrlSchema } from '../../../shared/contractSchemas';
import { APP_ORIGIN } from './appProtocol';

/**
 * The decisions behind the main process's guards, free of Electron so they are tested in Node: which pages are
 * the app's own, where a page may navigate, what happens to window.open, which permission a page gets.
 */

/**
 * `scheme://host[:port]` of a URL, or null when it has none. Computed by hand because Node's URL reports the
 * origin of a custom scheme such as app:// as "null".
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!parsed.host || !/^[a-z][a-z0-9+.-]*:$/.test(parsed.protocol)) return null;
  return `${parsed.protocol}//${parsed.host}`;
}

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
  return isTrustedOrigin(url, allowed);
}

/** True for the addresses handed to the system's browser or mail program when a page asks to open them. */
export function opensExternally(url: string): boolean {
  return externalUrlSchema.safeParse(url).success;
}

/**
 * Every permission is refused, except persistent storage for the app's own pages: the researcher's case files
 * live in IndexedDB, and a persisted origin is not evicted when the disk runs low.
 */
export function isPermissionGranted(permission: string, requestingUrl: string, allowed: readonly string[]): boolean {
  return permission === 'persistent-storage' && isTrustedOrigin(requestingUrl, allowed);
}
