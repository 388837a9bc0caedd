import type { CaseDocument } from '../../../shared/domain';
import { textDocumentInputSchema, type TextDocumentInput } from '../../../shared/validation';
import type { CasebookDB } from '../db/schema';
import { newId, now, parseInput, quoted, writeCase } from './core';
import { NotFoundError, ValidationError } from './errors';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Finds a document of the case with the same original bytes. */
export function findDuplicate(db: CasebookDB, caseId: string, sha256: string): Promise<CaseDocument | undefined> {
  return db.documents.where('[caseId+sha256]').equals([caseId, sha256]).first();
}

/** Creates a plain-text document from text written or pasted in the app; the text's UTF-8 bytes are its original. */
export async function createTextDocument(
  db: CasebookDB,
  caseId: string,
  input: TextDocumentInput,
): Promise<CaseDocument> {
  const { title, text, sourceUrl } = parseInput(textDocumentInputSchema, input);
  const bytes = new TextEncoder().encode(text);
  const sha256 = await sha256Hex(bytes);
  const at = now();
  const document: CaseDocument = {
    id: newId(),
    caseId,
    title,
    kind: 'text',
    fileName: null,
    mimeType: 'text/plain;charset=utf-8',
    size: bytes.byteLength,
    sha256,
    importedAt: at,
    text,
    html: null,
    sourceUrl,
    authors: [],
    publishedAt: null,
    language: null,
    tags: [],
    summary: null,
    createdAt: at,
    updatedAt: at,
  };
  return writeCase(db, caseId, ['documents', 'documentFiles'], async () => {
    const duplicate = await findDuplicate(db, caseId, sha256);
    if (duplicate)
      throw new ValidationError([
        { field: 'text', message: `This text is already in the case as ${quoted(duplicate.title)}.` },
      ]);
    await db.documents.add(document);
    await db.documentFiles.add({ id: document.id, caseId, bytes: new Blob([bytes], { type: document.mimeType }) });
    return {
      result: document,
      change: {
        action: 'create',
        summary: `Added document ${quoted(title)}`,
        records: [{ type: 'document', id: document.id }],
      },
    };
  });
}

/** Changes a document's title (its metadata editor grows with the import work). */
export async function renameDocument(db: CasebookDB, documentId: string, title: string): Promise<CaseDocument> {
  const existing = await db.documents.get(documentId);
  if (!existing)
    throw new NotFoundError('This document no longer exists. It may have been deleted in another window.');
  const parsed = parseInput(textDocumentInputSchema.pick({ title: true }), { title });
  const updated: CaseDocument = { ...existing, title: parsed.title, updatedAt: now() };
  return writeCase(db, existing.caseId, ['documents'], async () => {
    await db.documents.put(updated);
    return {
      result: updated,
      change: {
        action: 'update',
        summary: `Renamed document ${quoted(existing.title)} to ${quoted(updated.title)}`,
        records: [{ type: 'document', id: documentId }],
      },
    };
  });
}
