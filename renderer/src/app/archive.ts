/**
 * The case archive's side of the app: writing a case as a `.casebook` archive and bringing one in, on the app's
 * database and host. Only the archive's dialogs import it, so it loads with them, never at start.
 */
import type { ImportMode } from '../archive/importArchive';
import type { ReadArchive } from '../archive/readArchive';
import { host } from '../platform';
import { db } from './database';

/**
 * Writes a case as a `.casebook` archive into `target` (see `archive/writeArchive.ts`); the archive's code (zip.js)
 * loads with the first export or import.
 */
export async function exportCaseArchive(
  caseId: string,
  target: WritableStream<Uint8Array>,
  { signal, onProgress }: { signal?: AbortSignal; onProgress?: (progress: { rows: number; totalRows: number }) => void } = {},
) {
  const { writeArchive } = await import('../archive/writeArchive');
  const { version } = await host.getAppInfo();
  return writeArchive(db, caseId, target, { appVersion: version, signal, onProgress });
}

/** Reads and checks a `.casebook` archive whole, writing nothing (see `archive/importArchive.ts`). */
export async function readCaseArchive(file: Blob, fileName: string, options: { signal?: AbortSignal; onProgress?: (progress: { bytes: number; totalBytes: number }) => void } = {}) {
  const { readCheckedArchive } = await import('../archive/importArchive');
  return readCheckedArchive(file, fileName, options);
}

/** Writes a checked archive's case: as a new case, or over the case it came from. */
export async function importCaseArchive(read: ReadArchive, mode: ImportMode) {
  const { importArchive } = await import('../archive/importArchive');
  return importArchive(db, read, mode);
}

/** What replacing the case with the archive would lose, by table. */
export async function caseArchiveLosses(caseId: string, read: ReadArchive) {
  const { describeReplacement } = await import('../archive/importArchive');
  return describeReplacement(db, caseId, read);
}

/** The case of this id, if Casebook has it: the one an archive would replace. */
export const caseWithId = (caseId: string) => db.cases.get(caseId);
