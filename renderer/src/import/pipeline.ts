import { documentWithHash } from '../db/queries/documents';
import type { CasebookDB } from '../db/schema';
import { DuplicateDocumentError, importDocument, sha256Hex } from '../domain/documents';
import { explainError } from '../domain/errors';
import { sanitizeHtml } from '../html/sanitize';
import { IMPORT_LIMITS, ImportError, type ParsedDocument } from './types';

/** One file to import, as the host's file dialog, a drop or a paste delivers it. */
export interface IncomingFile {
  name: string;
  size: number;
  /** Null when the host could not read the file; `error` says why. */
  bytes: Uint8Array | null;
  error?: string | null;
  mimeType?: string;
  /** Overrides what the parser found: a pasted page's address, typed by the user. */
  sourceUrl?: string | null;
}

export type ImportOutcome =
  | { name: string; status: 'imported'; documentId: string; title: string; warnings: string[] }
  | { name: string; status: 'duplicate'; documentId: string; title: string; message: string }
  | { name: string; status: 'failed'; message: string }
  | { name: string; status: 'cancelled'; message: string };

export interface ImportProgress {
  done: number;
  total: number;
  current: string | null;
}

export type ParseFn = (
  file: { name: string; bytes: Uint8Array; mimeType?: string },
  options: { signal: AbortSignal },
) => Promise<ParsedDocument>;

/** A file name as it may be shown and stored: no folders, no control characters, never empty. */
export function safeFileName(name: string): string {
  const base = name.split(/[/\\]/).filter(Boolean).at(-1) ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
  return cleaned || 'untitled';
}

const MEGABYTE = 1024 * 1024;

export const tooLargeMessage = (name: string, size: number) =>
  `${name} is ${Math.ceil(size / MEGABYTE)} MB; Casebook imports files up to ${IMPORT_LIMITS.maxFileBytes / MEGABYTE} MB. Split it into smaller files and import those.`;

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The import pipeline, an application service beside the parsers: imports a batch one file at a time. Each file is read, checked for duplicates, parsed in the worker, sanitised
 * and stored in its own transaction: a file that fails leaves the case as it was, and the others still import.
 * Between files the UI gets the main thread back, so a batch of a thousand files never freezes it.
 */
export async function importFiles(
  db: CasebookDB,
  caseId: string,
  files: readonly IncomingFile[],
  parse: ParseFn,
  options: { signal?: AbortSignal; onProgress?: (progress: ImportProgress) => void } = {},
): Promise<ImportOutcome[]> {
  const signal = options.signal ?? new AbortController().signal;
  const outcomes: ImportOutcome[] = [];
  for (const [index, file] of files.entries()) {
    const name = safeFileName(file.name);
    const cancelled = { name, status: 'cancelled', message: `${name}: not imported, the import was cancelled.` } as const;
    if (signal.aborted) {
      outcomes.push(cancelled);
      continue;
    }
    options.onProgress?.({ done: index, total: files.length, current: name });
    outcomes.push(signal.aborted ? cancelled : await importOne(db, caseId, { ...file, name }, parse, signal));
    await yieldToUi();
  }
  options.onProgress?.({ done: files.length, total: files.length, current: null });
  return outcomes;
}

async function importOne(
  db: CasebookDB,
  caseId: string,
  file: IncomingFile,
  parse: ParseFn,
  signal: AbortSignal,
): Promise<ImportOutcome> {
  const { name } = file;
  const fail = (message: string): ImportOutcome => ({ name, status: 'failed', message: `${name}: ${message}` });
  // The host's own messages already name the file.
  if (!file.bytes) return { name, status: 'failed', message: file.error ?? `${name}: the file could not be read.` };
  if (file.bytes.byteLength === 0) return fail('the file is empty.');
  if (file.bytes.byteLength > IMPORT_LIMITS.maxFileBytes)
    return { name, status: 'failed', message: tooLargeMessage(name, file.bytes.byteLength) };

  try {
    const sha256 = await sha256Hex(file.bytes);
    const existing = await documentWithHash(db, caseId, sha256);
    if (existing)
      return { name, status: 'duplicate', documentId: existing.id, title: existing.title, message: `${name}: already imported as “${existing.title}”.` };

    // The worker receives its own copy: the bytes stay here to be stored as the original.
    const parsed = await parse({ name, bytes: file.bytes.slice(), mimeType: file.mimeType }, { signal });
    const document = await importDocument(db, caseId, {
      fileName: name,
      mimeType: file.mimeType || mimeTypeOf(parsed.kind),
      bytes: file.bytes,
      sha256,
      extracted: {
        ...parsed,
        html: parsed.html === null ? null : sanitizeHtml(parsed.html),
        sourceUrl: file.sourceUrl ?? parsed.sourceUrl,
      },
    });
    return { name, status: 'imported', documentId: document.id, title: document.title, warnings: parsed.warnings };
  } catch (error) {
    if (signal.aborted) return { name, status: 'cancelled', message: `${name}: not imported, the import was cancelled.` };
    if (error instanceof DuplicateDocumentError)
      return { name, status: 'duplicate', documentId: error.existing.id, title: error.existing.title, message: `${name}: ${error.message.replace(/^A/, 'a')}` };
    if (error instanceof ImportError || (error instanceof Error && error.name === 'ImportError')) return fail(error.message);
    return fail(explainError(error));
  }
}

const MIME_TYPES: Record<ParsedDocument['kind'], string> = {
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  text: 'text/plain',
  markdown: 'text/markdown',
};

const mimeTypeOf = (kind: ParsedDocument['kind']) => MIME_TYPES[kind];
