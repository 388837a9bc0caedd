import type { ParsedDocument } from './types';

/** What the page sends the import worker: one file, its bytes transferred. */
export interface ImportRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
  mimeType?: string;
  /** False imports without taking site text out (the benchmark's baseline). */
  cleanUp?: boolean;
}

/** The worker's answer to one request: the document, or the user-facing message of why it could not be read. */
export type ImportReply = { id: number; ok: true; document: ParsedDocument } | { id: number; ok: false; message: string };
