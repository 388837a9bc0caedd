import type { DocumentKind } from '../../../shared/domain';
import { FILE_SIZE } from '../../../shared/limits';
import { detectKind, unsupportedMessage } from './detect';
import { finishDocument } from './document';
import { completeMetadata } from './metadata';
import { looksLikeMarkdown, parseText } from './text';
import type { CleanupOptions } from './text-cleanup';
import { ImportError, type ParsedDocument } from './types';

export { detectKind } from './detect';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
  /** The type the host reported, used only when neither the content nor the name tells. */
  mimeType?: string;
}

/** Each format's parser, loaded on first use so the worker starts fast and a text-only batch never loads pdf.js. */
const PARSERS: Record<DocumentKind, (bytes: Uint8Array, options: CleanupOptions) => Promise<ParsedDocument>> = {
  // A text file written in Markdown is shown formatted (its kind says so; nothing went wrong, so no note).
  text: async (bytes) => {
    const document = parseText(bytes);
    return looksLikeMarkdown(document.text) ? (await import('./markdown')).readMarkdown(document.text, document) : document;
  },
  html: async (bytes, options) => (await import('./html')).parseHtml(bytes, options),
  markdown: async (bytes, options) => (await import('./markdown')).parseMarkdown(bytes, options),
  pdf: async (bytes) => (await import('./pdf')).parsePdf(bytes),
  docx: async (bytes, options) => (await import('./docx')).parseDocx(bytes, options),
  image: async (bytes) => (await import('./image')).parseImage(bytes),
};

/**
 * One file's bytes made into a document, or an ImportError whose message completes a sentence that starts with the
 * file's name ("is empty, with nothing in it to import.", "is protected by a password. …"). Pure: no DOM, no
 * network; runs in the import worker and in the unit tests.
 */
export async function parseFile(input: ImportFile, options: CleanupOptions = {}): Promise<ParsedDocument> {
  const { name, bytes } = input;
  if (bytes.byteLength === 0) throw new ImportError('is empty, with nothing in it to import.');
  if (bytes.byteLength > FILE_SIZE.max) throw new ImportError(FILE_SIZE.refusal(bytes.byteLength));
  const kind = detectKind(name, bytes, input.mimeType);
  if (!kind) throw new ImportError(unsupportedMessage(name, bytes));
  return finishDocument(await completeMetadata(await PARSERS[kind](bytes, options)), name);
}
