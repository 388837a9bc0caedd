import type { DocumentKind, PageSpan } from '../../../shared/domain';

/**
 * What a format parser makes of one file, before anything is stored. Parsers run in a Web Worker; `html` is NOT yet
 * sanitised: the import pipeline passes it through DOMPurify on the main thread (a real DOM) before it is stored.
 */
export interface ParsedDocument {
  kind: DocumentKind;
  /** Never empty: the document's own title, else a guess from its first lines, else the file name. */
  title: string;
  /** Plain text for reading, excerpts and search. Paragraphs separated by blank lines. */
  text: string;
  /** The cleaned content as HTML (article without site chrome, DOCX with headings/lists/tables), or null. */
  html: string | null;
  /** The encoding the text was decoded from; the reader decodes the original bytes with it to show the saved page. */
  charset: string | null;
  authors: string[];
  /** ISO 8601 date ("2021-03-10") or null; absurd metadata dates are dropped, with a warning. */
  publishedAt: string | null;
  sourceUrl: string | null;
  siteName: string | null;
  /** BCP 47 language tag when declared or detected ("es", "pl", "zh"), else null. */
  language: string | null;
  pages: PageSpan[] | null;
  pageCount: number | null;
  /** False for a PDF with no text on any page (scanned images). */
  textLayer: boolean;
  warnings: string[];
}

/** A parser's refusal, with a message that names the problem for the user (the pipeline adds the file name). */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** Limits every parser works within. The pipeline enforces the time limit by ending the worker. */
export const IMPORT_LIMITS = {
  /** Largest file accepted, in bytes. */
  maxFileBytes: 200 * 1024 * 1024,
  /** Longest extracted text kept, in characters. */
  maxTextChars: 50_000_000,
  /** Longest time one file may take to parse, in milliseconds. */
  parseTimeoutMs: 60_000,
  /** Most PDF pages read. */
  maxPdfPages: 5_000,
} as const;
