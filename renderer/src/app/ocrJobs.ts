import { OcrJobs } from '../ocr/jobs';
import { db } from './database';

/**
 * Text recognition (OCR) of scanned PDFs and images, one job per document, run in Tesseract's worker and stored
 * through the domain; the reader starts, follows and cancels them here. Apart from casebook.ts so that it loads with
 * the reader rather than at start; a module is evaluated once, so the jobs still outlive the reader that started them.
 */
export const ocrJobs = new OcrJobs(async (documentId, language, options) => {
  // Recognition, and the domain it stores through, load with the first job.
  const { recogniseDocumentText } = await import('../ocr/recognise');
  return recogniseDocumentText(db, documentId, language, options);
});
