import type { CaseDocument, DateSource, DocumentKind, LanguageSource, PageSpan, RemovedLine } from '../../../shared/domain';
import { LIMITS } from '../../../shared/limits';
import { textDocumentInputSchema, type TextDocumentInput } from '../../../shared/validation';
import { keptTextOf } from '../cleanup/keptText';
import { documentWithHash } from '../db/queries/documents';
import type { CasebookDB } from '../db/schema';
import { newId, now, parseInput, quoted, writeCase } from './writeCase';
import { ValidationError } from './errors';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The same bytes are already in the case: the import is refused, naming the document that has them. */
export class DuplicateDocumentError extends ValidationError {
  constructor(readonly existing: Pick<CaseDocument, 'id' | 'title'>) {
    super([{ field: '', message: `Already imported as ${quoted(existing.title)}.` }]);
  }
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
    siteName: null,
    charset: 'utf-8',
    pages: null,
    pageCount: null,
    textLayer: true,
    ocr: null,
    warnings: [],
    cleanup: null,
    textVersion: 1,
    createdAt: at,
    updatedAt: at,
  };
  return writeCase(db, caseId, ['documents', 'documentFiles'], async () => {
    const duplicate = await documentWithHash(db, caseId, sha256);
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

/** What an importer extracted from a file, its HTML sanitised before it reaches the domain. */
export interface ExtractedDocument {
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
  /** Where `publishedAt` was found, shown in the reader ("from the text: “Filed March 3, 2021”"); null with no date. */
  publishedAtSource?: DateSource | null;
  sourceUrl: string | null;
  siteName: string | null;
  /** BCP 47 language tag when declared or detected ("es", "pl", "zh"), else null. */
  language: string | null;
  /** Whether `language` was declared by the file or detected from its text; null with no language. */
  languageSource?: LanguageSource | null;
  pages: PageSpan[] | null;
  pageCount: number | null;
  /** False for a PDF with no text on any page (scanned images), and for an image. */
  textLayer: boolean;
  warnings: string[];
  /** The lines of site chrome the importer took out of `text`, and the text as extracted before; null if none. */
  cleanup: { originalText: string; removed: RemovedLine[] } | null;
}

export interface ImportedFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  /** Hex SHA-256 of `bytes`, computed once by the caller, which also uses it to skip duplicates early. */
  sha256: string;
  extracted: ExtractedDocument;
}

/**
 * Stores an imported file: the document with its extracted text and the original bytes, in one transaction with its
 * history entry. Refuses bytes the case already holds with a DuplicateDocumentError. When the importer took lines
 * of site text out, the text as extracted is kept as version 1, so that they can be put back and the clean-up undone.
 */
export async function importDocument(db: CasebookDB, caseId: string, file: ImportedFile): Promise<CaseDocument> {
  const { title } = parseInput(textDocumentInputSchema.pick({ title: true }), {
    title: file.extracted.title.slice(0, LIMITS.titleLength),
  });
  const { cleanup: removedAtImport, ...extracted } = file.extracted;
  const removed = removedAtImport?.removed.length ? checkedRemoval(removedAtImport, extracted.text, file.fileName) : null;
  const at = now();
  const document: CaseDocument = {
    ...extracted,
    cleanup: removed ? { removed } : null,
    textVersion: removed ? 2 : 1,
    id: newId(),
    caseId,
    title,
    fileName: file.fileName,
    mimeType: file.mimeType,
    size: file.bytes.byteLength,
    sha256: file.sha256,
    importedAt: at,
    tags: [],
    summary: null,
    ocr: null,
    createdAt: at,
    updatedAt: at,
  };
  const removal = removed ? `removed ${removed.length} ${removed.length === 1 ? 'line' : 'lines'} of site text` : '';
  return writeCase(db, caseId, ['documents', 'documentFiles', 'documentVersions'], async () => {
    const duplicate = await documentWithHash(db, caseId, file.sha256);
    if (duplicate) throw new DuplicateDocumentError(duplicate);
    await db.documents.add(document);
    await db.documentFiles.add({
      id: document.id,
      caseId,
      bytes: new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mimeType }),
    });
    if (removed)
      await db.documentVersions.add({
        id: newId(),
        caseId,
        documentId: document.id,
        number: 1,
        text: removedAtImport!.originalText,
        cleanup: null,
        anchors: {},
        replacedAt: at,
        replacedBy: `${removal[0]!.toUpperCase()}${removal.slice(1)} at import`,
      });
    return {
      result: document,
      change: {
        action: 'import',
        summary: `Imported ${file.fileName} as ${quoted(title)}${removed ? ` (${removal})` : ''}`,
        records: [{ type: 'document', id: document.id }],
      },
    };
  });
}

/**
 * The lines an importer says it removed, checked against the text it kept: each must be a line of the text as
 * extracted, and the kept text must be exactly that text without them, or undoing the clean-up would not give it back.
 */
function checkedRemoval(cleanup: NonNullable<ExtractedDocument['cleanup']>, keptText: string, fileName: string): RemovedLine[] {
  const lines = cleanup.originalText.split('\n');
  const removed = [...cleanup.removed].sort((a, b) => a.index - b.index);
  const valid =
    removed.every((line, position) => lines[line.index] === line.text && line.text.trim() && (position === 0 || removed[position - 1]!.index < line.index)) &&
    keptTextOf(cleanup.originalText, new Set(removed.map((line) => line.index))) === keptText;
  if (!valid)
    throw new ValidationError([{ field: '', message: `The lines of site text removed from ${fileName} do not match its text. Import it again.` }]);
  return removed.map(({ index, text, reason }) => ({ index, text, reason: reason.slice(0, 200) }));
}
