import type { ExtractedDocument } from '../domain/documents';

/**
 * What a format parser makes of one file, before anything is stored. Parsers run in a Web Worker; `html` is NOT yet
 * sanitised: the import pipeline passes it through DOMPurify on the main thread (a real DOM) before it is stored,
 * which makes it the domain's ExtractedDocument.
 */
export type ParsedDocument = ExtractedDocument;

/** A parser's refusal, with a message that names the problem for the user (the pipeline adds the file name). */
export class ImportError extends Error {
  override name = 'ImportError';
}
