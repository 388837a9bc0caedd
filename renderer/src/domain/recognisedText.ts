import { z } from 'zod';
import {
  NO_TEXT_LAYER_WARNING,
  OCR_LANGUAGES,
  type CaseDocument,
  type Excerpt,
  type PageSpan,
  type RecognisedPage,
  type RecordRef,
} from '../../../shared/domain';
import { LIMITS } from '../../../shared/limits';
import { recordTitle } from '../../../shared/vocabulary';
import type { CasebookDB } from '../db/schema';
import { OCR_LANGUAGE_INFO } from '../ocr/languages';
import { getDocument } from './documentDetails';
import { ValidationError } from './errors';
import { now, parseInput, quoted, writeCase } from './writeCase';
import { reanchorExcerpts } from './reanchoring';

/** Documents whose pages are pictures, which text recognition can read. */
export const canRecognise = (document: Pick<CaseDocument, 'kind' | 'textLayer' | 'ocr'>): boolean =>
  document.kind === 'image' || (document.kind === 'pdf' && (!document.textLayer || document.ocr !== null));

const confidence = z.number().min(0).max(100);

const wordSchema = z.object({
  text: z.string().min(1),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  confidence,
  line: z.number().int().min(0),
});

const pageSchema = z
  .object({
    page: z.number().int().min(1),
    text: z.string(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    confidence,
    words: z.array(wordSchema),
  })
  .refine((page) => page.words.every((word) => word.end <= page.text.length && page.text.slice(word.start, word.end) === word.text), {
    error: 'A recognised word is not where its page’s text says it is.',
    path: ['words'],
  });

export const recognisedTextSchema = z.object({
  language: z.enum(OCR_LANGUAGES, { error: `The language must be one of: ${OCR_LANGUAGES.join(', ')}.` }),
  engine: z.string().min(1).max(100),
  pages: z.array(pageSchema).min(1, { error: 'No page was recognised.' }),
});

/** What text recognition read in a document: each page's text, and its words with their boxes and place in it. */
export type RecognisedTextInput = z.input<typeof recognisedTextSchema>;
export type RecognisedPageInput = RecognisedTextInput['pages'][number];

export interface RecognisedTextResult {
  document: CaseDocument;
  /** Excerpts whose anchor moved to the quote's place in the new text (or found it again). */
  relocated: Excerpt[];
  /** Excerpts that became orphaned: their quote is not in the new text; quote and last place are kept. */
  orphaned: Excerpt[];
}

/** How the notes about quotes lost to a recognition start, so that a later run replaces them. */
const LOST_QUOTE = 'The quote of excerpt';

/** Pages are separated in a document's text by a blank line, as the PDF importer does. */
const PAGE_SEPARATOR = '\n\n';

/** The mean confidence of all the words, or of the pages when none was found. */
function meanConfidence(pages: readonly RecognisedPageInput[]): number {
  const words = pages.flatMap((page) => page.words);
  const values = words.length ? words.map((word) => word.confidence) : pages.map((page) => page.confidence);
  return values.length ? Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10 : 0;
}

/**
 * Stores the text recognised in a scanned PDF or an image: each page's text becomes the document's `text` with its
 * page spans (so search, find and excerpts work on it as on any text), each page's words with their boxes are kept for
 * the reader's text layer, and the document is marked as recognised, in which language and how confidently. Running
 * it again (in another language) replaces the earlier result. Excerpts already marked are found again in the new
 * text; those whose quote is gone are marked orphaned and reported.
 */
export async function recordRecognisedText(
  db: CasebookDB,
  documentId: string,
  input: RecognisedTextInput,
): Promise<RecognisedTextResult> {
  const parsed = parseInput(recognisedTextSchema, input);
  const existing = await getDocument(db, documentId);
  const checkPages = (document: CaseDocument) => {
    if (!canRecognise(document))
      throw new ValidationError([
        { field: '', message: `${quoted(document.title)} has a text of its own: text recognition is for scanned PDFs and images.` },
      ]);
    const expected = document.pageCount ?? 1;
    const numbers = parsed.pages.map((page) => page.page);
    if (numbers.length !== expected || numbers.some((number, index) => number !== index + 1))
      throw new ValidationError([
        { field: 'pages', message: `Every page of ${quoted(document.title)} must be recognised, in order: it has ${expected}.` },
      ]);
  };
  checkPages(existing);

  let text = '';
  const spans: PageSpan[] = [];
  for (const page of parsed.pages) {
    if (page.page > 1) text += PAGE_SEPARATOR;
    spans.push({ page: page.page, start: text.length, end: text.length + page.text.length });
    text += page.text;
  }
  if (text.length > LIMITS.textLength)
    throw new ValidationError([{ field: 'pages', message: 'The recognised text is longer than Casebook can keep.' }]);

  return writeCase(db, existing.caseId, ['documents', 'recognisedPages', 'excerpts'], async () => {
    // Read again inside the transaction: the document may have been deleted or recognised meanwhile.
    const current = await getDocument(db, documentId);
    checkPages(current);
    const at = now();

    await db.recognisedPages.where('documentId').equals(documentId).delete();
    const pages: RecognisedPage[] = parsed.pages.map((page) => ({
      id: `${documentId}:${page.page}`,
      documentId,
      caseId: current.caseId,
      page: page.page,
      width: page.width,
      height: page.height,
      confidence: page.confidence,
      words: page.words,
    }));
    await db.recognisedPages.bulkAdd(pages);

    const excerpts = await db.excerpts.where('documentId').equals(documentId).toArray();
    const { relocated, orphaned } = await reanchorExcerpts(db, excerpts, text, at, { pages: spans });

    const label = OCR_LANGUAGE_INFO[parsed.language].label;
    const document: CaseDocument = {
      ...current,
      text,
      pages: spans,
      textLayer: true,
      ocr: { language: parsed.language, confidence: meanConfidence(parsed.pages), recognisedAt: at, engine: parsed.engine },
      // The importer's "no text layer" note no longer holds; notes about lost quotes replace those of an earlier run.
      warnings: [
        ...current.warnings.filter((warning) => warning !== NO_TEXT_LAYER_WARNING && !warning.startsWith(LOST_QUOTE)),
        ...orphaned.map((excerpt) => `${LOST_QUOTE} ${quoted(recordTitle('excerpt', excerpt))} is not in the recognised text.`),
      ],
      updatedAt: at,
    };
    await db.documents.put(document);
    const records: RecordRef[] = [
      { type: 'document', id: documentId },
      ...[...relocated, ...orphaned].map((excerpt) => ({ type: 'excerpt' as const, id: excerpt.id })),
    ];
    return {
      result: { document, relocated, orphaned },
      change: { action: 'update', summary: `Recognised text in ${quoted(current.title)} (OCR, ${label})`, records },
    };
  });
}
