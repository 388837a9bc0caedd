import type { CaseDocument } from '../../../shared/domain';
import { documentMetadataSchema, type DocumentMetadataInput } from '../../../shared/validation';
import type { CasebookDB } from '../db/schema';
import { editRecord, now, parseInput, quoted } from './writeCase';
import { NotFoundError } from './errors';

const METADATA_FIELDS = ['title', 'authors', 'sourceUrl', 'publishedAt', 'language', 'tags', 'summary'] as const;

/** The document, or NotFoundError in words when it is gone. */
export async function getDocument(db: CasebookDB, documentId: string): Promise<CaseDocument> {
  const document = await db.documents.get(documentId);
  if (!document)
    throw new NotFoundError('This document no longer exists. It may have been deleted in another window.');
  return document;
}

/**
 * Changes a document's details (title, authors, source, published date, language, tags, summary). Fields left out of
 * `input` keep their value; when nothing changes, nothing is written and no history entry is added.
 */
export async function updateDocumentMetadata(
  db: CasebookDB,
  documentId: string,
  input: Partial<DocumentMetadataInput>,
): Promise<CaseDocument> {
  const parsed = parseInput(documentMetadataSchema.partial(), input);
  const existing = await getDocument(db, documentId);
  const changed = METADATA_FIELDS.filter(
    (field) => field in parsed && JSON.stringify(parsed[field]) !== JSON.stringify(existing[field]),
  );
  if (changed.length === 0) return existing;
  const missing = 'This document no longer exists. It may have been deleted in another window.';
  return editRecord(db, db.documents, documentId, missing, [], async (current) => {
    const updated: CaseDocument = { ...current, ...parsed, updatedAt: now() };
    // A date or language set by hand no longer comes from where the import found the old one.
    if ('publishedAt' in parsed && parsed.publishedAt !== current.publishedAt) updated.publishedAtSource = null;
    if ('language' in parsed && parsed.language !== current.language) updated.languageSource = null;
    await db.documents.put(updated);
    return {
      result: updated,
      change: {
        action: 'update',
        // A change of title alone reads as a rename, the word a researcher looks for in the history.
        summary:
          changed.length === 1 && changed[0] === 'title'
            ? `Renamed document ${quoted(current.title)} to ${quoted(updated.title)}`
            : `Edited details of ${quoted(updated.title)}`,
        records: [{ type: 'document', id: documentId }],
      },
    };
  });
}
