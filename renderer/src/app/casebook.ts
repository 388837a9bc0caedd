import { bindDatabase, bindDatabaseOnDemand } from './bindDatabase';
import { db } from './database';
import { setAttachmentSource } from '../editor/attachmentSource';
import * as databaseQueries from '../db/queries';
import { host } from '../platform';
import type { ImportWorkerClient } from '../import/client';
import type { ImportOutcome, ImportProgress, IncomingFile, ParseFn } from '../import/pipeline';
import type { ReportOptions } from '../report/options';
import type { ExportedReport, ExportProgress } from '../report/print';

export { operations } from './operations';

/**
 * What views use to read the case (inside `useLiveQuery`): the typed queries, bound to the app's database. An open
 * case's views import this module; the library, where the app starts, reads through `app/library.ts` instead, so
 * these queries load with the case.
 */
export const queries = bindDatabase(databaseQueries, db);

/**
 * The case archive's operations (`archive/operations.ts`), bound to the app's database: they load, with zip.js, when
 * an archive is first exported or imported.
 */
export const archiveOperations = bindDatabaseOnDemand(() => import('../archive/operations'), db);

// Images kept for notes are shown from the case's own storage, wherever rich text is shown.
setAttachmentSource(async (id) => (await db.attachments.get(id))?.bytes ?? null);

let importWorker: Promise<ImportWorkerClient> | null = null;

/** Parses in the import worker, started on first use and kept for the session. */
const parseInWorker: ParseFn = async (file, { signal }) => {
  importWorker ??= import('../import/client').then(({ ImportWorkerClient }) => new ImportWorkerClient());
  return (await importWorker).parse(file, { signal });
};

/**
 * Imports a batch of files into a case, parsing each in the import worker. The pipeline, and the domain it writes
 * through, load with the first import: the library opens without them.
 */
export async function importFiles(
  caseId: string,
  files: readonly IncomingFile[],
  options: { signal?: AbortSignal; onProgress?: (progress: ImportProgress) => void } = {},
): Promise<ImportOutcome[]> {
  const { importFiles: importBatch } = await import('../import/pipeline');
  return importBatch(db, caseId, files, parseInWorker, options);
}

export { onStorageProblem } from './database';
export { describeStorageError } from '../db/errors';

/**
 * Exports a case's report to PDF bytes, printed by the host (see `report/print.ts`). The report's code (its sections,
 * figures, fonts, pdf-lib) loads with the first export: the case opens without it.
 */
export async function exportCaseReport(
  caseId: string,
  options: ReportOptions,
  { signal, onProgress }: { signal?: AbortSignal; onProgress?: (progress: ExportProgress) => void } = {},
): Promise<ExportedReport> {
  const { exportReport } = await import('../report/print');
  const { version } = await host.getAppInfo();
  return exportReport({ db, caseId, options, host, signal, onProgress, appVersion: version });
}

/** The report laid out once, without page numbers: what a browser with no print engine offers its print dialog. */
export async function caseReportHtml(caseId: string, options: ReportOptions, signal?: AbortSignal): Promise<string> {
  const { reportForPrintDialog } = await import('../report/print');
  return reportForPrintDialog(db, caseId, options, signal);
}

