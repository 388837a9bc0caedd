import Dexie from 'dexie';
import type { CaseDocument, DocumentFile, DocumentVersion, Excerpt, RecognisedPage } from '../../../../shared/domain';
import type { CasebookDB } from '../schema';

/** A document as the Documents list shows it: no text, which can be megabytes. */
export type DocumentRow = Pick<CaseDocument, 'id' | 'title' | 'kind' | 'size' | 'importedAt'>;

/** The case's documents, last imported first, without their text. */
export function documentRows(db: CasebookDB, caseId: string): Promise<DocumentRow[]> {
  return db.documents
    .where('[caseId+importedAt]')
    .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
    .reverse()
    .toArray((rows) => rows.map(({ id, title, kind, size, importedAt }) => ({ id, title, kind, size, importedAt })));
}

/** The case's documents by title, without their text: what a form offers to choose from. */
export function documentChoices(db: CasebookDB, caseId: string): Promise<Pick<CaseDocument, 'id' | 'title'>[]> {
  return db.documents
    .where('caseId')
    .equals(caseId)
    .toArray((rows) => rows.map(({ id, title }) => ({ id, title })).sort((a, b) => a.title.localeCompare(b.title)));
}

/** Documents by id, with their text, in the order asked; those gone are left out (a batch read for suggestions). */
export async function documentsByIds(db: CasebookDB, ids: readonly string[]): Promise<CaseDocument[]> {
  return (await db.documents.bulkGet([...ids])).filter((document): document is CaseDocument => document !== undefined);
}

/** A document with the excerpts marked in it, read together so the reader never shows one without the other. */
export async function documentWithExcerpts(
  db: CasebookDB,
  documentId: string,
): Promise<{ document: CaseDocument; excerpts: Excerpt[] } | null> {
  return db.transaction('r', [db.documents, db.excerpts], async () => {
    const document = await db.documents.get(documentId);
    if (!document) return null;
    const excerpts = await db.excerpts.where('documentId').equals(documentId).toArray();
    return { document, excerpts };
  });
}

/** The original file's bytes, kept apart from the document. */
export function originalFile(db: CasebookDB, documentId: string): Promise<DocumentFile | undefined> {
  return db.documentFiles.get(documentId);
}

/** The words recognised (OCR) on each page of a document, in page order; none when its text was not recognised. */
export function recognisedPages(db: CasebookDB, documentId: string): Promise<RecognisedPage[]> {
  return db.recognisedPages.where('documentId').equals(documentId).sortBy('page');
}

/**
 * The languages of the case's documents other than this one (those with a language), read from the index alone so
 * no document's text is loaded: what text recognition proposes a language from.
 */
export async function otherDocumentLanguages(db: CasebookDB, caseId: string, documentId: string): Promise<string[]> {
  const languages: string[] = [];
  await db.documents
    .where('[caseId+language]')
    .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
    .eachKey((key, cursor) => {
      if (cursor.primaryKey !== documentId) languages.push(String((key as [string, string])[1]));
    });
  return languages;
}

/** The document of the case with these exact bytes, if one was imported before. */
export function documentWithHash(db: CasebookDB, caseId: string, sha256: string): Promise<CaseDocument | undefined> {
  return db.documents.where('[caseId+sha256]').equals([caseId, sha256]).first();
}

/** An earlier text of a document as the reader lists it: which, when and why it was replaced, without the text. */
export type DocumentVersionRow = Pick<DocumentVersion, 'number' | 'replacedAt' | 'replacedBy'>;

/** The earlier texts of a document, the most recent first, without their text. */
export function documentVersionRows(db: CasebookDB, documentId: string): Promise<DocumentVersionRow[]> {
  return db.documentVersions
    .where('[documentId+number]')
    .between([documentId, Dexie.minKey], [documentId, Dexie.maxKey])
    .reverse()
    .toArray((rows) => rows.map(({ number, replacedAt, replacedBy }) => ({ number, replacedAt, replacedBy })));
}

/** A document's text as extracted from its file (version 1), which clean-up removes lines from. */
export async function textAsExtracted(db: CasebookDB, documentId: string): Promise<string | null> {
  return db.transaction('r', [db.documents, db.documentVersions], async () => {
    const document = await db.documents.get(documentId);
    if (!document) return null;
    if (document.textVersion <= 1) return document.text;
    return (await db.documentVersions.where('[documentId+number]').equals([documentId, 1]).first())?.text ?? null;
  });
}
