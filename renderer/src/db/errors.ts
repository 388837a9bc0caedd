import Dexie from 'dexie';

/**
 * Says in words what went wrong with storage and what to do, or returns null for errors that are not storage
 * failures (those are the caller's to explain).
 */
export function describeStorageError(error: unknown): string | null {
  const name = errorName(error);
  switch (name) {
    case 'QuotaExceededError':
      return 'The disk is full, or the storage this app may use is used up, so nothing was saved. Free some disk space (or export and remove old cases), then try again.';
    case 'VersionError':
      return 'This case library was written by a newer version of Casebook. Update Casebook to open it; nothing was changed.';
    case 'DatabaseClosedError':
    case 'InvalidStateError':
      return 'The case library was closed, perhaps because Casebook was updated in another window. Reload this window to go on; what was saved is safe.';
    case 'OpenFailedError':
    case 'UnknownError':
      return 'The case library could not be opened. Close other Casebook windows and reload; if it persists, the browser profile may be damaged.';
    case 'AbortError':
      return 'Saving was interrupted and nothing was written. Try again.';
    default:
      return null;
  }
}

function errorName(error: unknown): string | null {
  if (error instanceof Dexie.DexieError) {
    // Dexie wraps the browser's error; the inner one names the real cause (QuotaExceededError inside an AbortError).
    const inner = (error as { inner?: unknown }).inner;
    return (inner instanceof Error && describeStorageError(inner) ? inner.name : null) ?? error.name;
  }
  if (error instanceof Error || error instanceof DOMException) return error.name;
  return null;
}

/** The message shown while an upgrade waits for another window holding the old version to close. */
export const BLOCKED_UPGRADE_MESSAGE =
  'Casebook is waiting for another Casebook window or tab, still running an older version, to close. Close it (or reload it) and this window will open the library.';
