import { bindDatabase } from './bindDatabase';
import { db, searchIndexing } from './database';
import * as domainOperations from '../domain/operations';
import * as databaseQueries from '../db/queries';
import { ImportWorkerClient } from '../import/client';
import { importFiles as importBatch, type IncomingFile, type ParseFn } from '../import/pipeline';
import { OcrJobs } from '../ocr/jobs';
import { recogniseDocumentText } from '../ocr/recognise';

/** What views use to change the case: the domain's operations, bound to the app's database. */
export const operations = bindDatabase(domainOperations, db);

/** What views use to read the case (inside `useLiveQuery`): the typed queries, bound to the app's database. */
export const queries = bindDatabase(databaseQueries, db);

/** The open search index of a case, opened (loaded, caught up or built) on first use. */
export const searchIndexOf = (caseId: string) => searchIndexing.indexFor(caseId);

let importWorker: ImportWorkerClient | null = null;

/** Parses in the import worker, started on first use and kept for the session. */
const parseInWorker: ParseFn = (file, { signal }) => (importWorker ??= new ImportWorkerClient()).parse(file, { signal });

/** Imports a batch of files into a case, parsing each in the import worker. */
export const importFiles = (caseId: string, files: readonly IncomingFile[], options: Parameters<typeof importBatch>[4] = {}) =>
  importBatch(db, caseId, files, parseInWorker, options);

/**
 * Text recognition (OCR) of scanned PDFs and images, one job per document, run in Tesseract's worker and stored
 * through the domain; the reader starts, follows and cancels them here.
 */
export const ocrJobs = new OcrJobs((documentId, language, options) => recogniseDocumentText(db, documentId, language, options));

export { onStorageProblem } from './database';
export { describeStorageError } from '../db/errors';
