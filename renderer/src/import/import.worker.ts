/**
 * The import worker: parses one file per message, off the page's thread. There is no DOM here; HTML is parsed with
 * linkedom, and the page sanitises the HTML it gets back.
 */
import { parseFile } from './parse';
import { isPdfjsStrayRejection } from './pdfjsStrayRejection';
import type { ImportReply, ImportRequest } from './protocol';
import { ImportError } from './types';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportReply): void;
}

const scope = self as unknown as WorkerScope;

// pdf.js leaves some of its own fetches rejected without a handler on a damaged PDF, after the answer it gave us.
self.addEventListener('unhandledrejection', (event) => {
  if (isPdfjsStrayRejection(event.reason)) event.preventDefault();
});

scope.onmessage = async ({ data }) => {
  const { id, name, bytes, mimeType, cleanUp } = data;
  try {
    scope.postMessage({ id, ok: true, document: await parseFile({ name, bytes, mimeType }, { cleanUp }) });
  } catch (error) {
    scope.postMessage({ id, ok: false, message: messageOf(error) });
  }
};

function messageOf(error: unknown): string {
  if (error instanceof ImportError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `could not be read because of an unexpected problem in Casebook (${detail.slice(0, 200)}). Try importing it again; if it fails again, the file may use a feature Casebook does not support.`;
}
