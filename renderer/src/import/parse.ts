import type { DocumentKind } from '../../../shared/domain';
import { detectKind, unsupportedMessage } from './detect';
import { finishDocument } from './document';
import { parseText } from './text';
import type { CleanupOptions } from './text-cleanup';
import { IMPORT_LIMITS, ImportError, type ParsedDocument } from './types';

export { detectKind } from './detect';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
  /** The type the host reported, used only when neither the content nor the name tells. */
  mimeType?: string;
}

/** Each format's parser, loaded on first use so the worker starts fast and a text-only batch never loads pdf.js. */
const PARSERS: Record<DocumentKind, (bytes: Uint8Array, options: CleanupOptions) => Promise<ParsedDocument>> = {
  text: async (bytes) => parseText(bytes),
  html: async (bytes, options) => (await import('./html')).parseHtml(bytes, options),
  markdown: async (bytes, options) => (await import('./markdown')).parseMarkdown(bytes, options),
  pdf: async (bytes) => (await import('./pdf')).parsePdf(bytes),
  docx: async (bytes, options) => (await import('./docx')).parseDocx(bytes, options),
};

const MEGABYTE = 1024 * 1024;

/**
 * One file's bytes made into a document, or an ImportError whose message completes a sentence that starts with the
 * file's name ("is empty, with nothing in it to import.", "is protected by a password. …"). Pure: no DOM, no
 * network; runs in the import worker and in the unit tests.
 */
export async function parseFile(input: ImportFile, options: CleanupOptions = {}): Promise<ParsedDocument> {
  const { name, bytes } = input;
  if (bytes.byteLength === 0) throw new ImportError('is empty, with nothing in it to import.');
  if (bytes.byteLength > IMPORT_LIMITS.maxFileBytes)
    throw new ImportError(
      `is ${Math.ceil(bytes.byteLength / MEGABYTE)} MB, larger than Casebook can import (${IMPORT_LIMITS.maxFileBytes / MEGABYTE} MB). Split it into smaller files and import those.`,
    );
  const kind = detectKind(name, bytes, input.mimeType);
  if (!kind) throw new ImportError(unsupportedMessage(name, bytes));
  return finishDocument(await PARSERS[kind](bytes, options), name);
}
