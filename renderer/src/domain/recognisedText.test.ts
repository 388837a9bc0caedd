import { describe, expect, it } from 'vitest';
import { NO_TEXT_LAYER_WARNING, type CaseDocument, type CaseFile } from '../../../shared/domain';
import { rejection, withCase } from '../../../tests/unit/database';
import { otherDocumentLanguages, recognisedPages } from '../db/queries/documents';
import type { CasebookDB } from '../db/schema';
import { emptyDocument } from '../import/document';
import {
  ValidationError,
  createCase,
  createExcerpt,
  createTextDocument,
  deleteCase,
  deleteRecord,
  importDocument,
  sha256Hex,
} from '.';
import { canRecognise, recordRecognisedText, type RecognisedPageInput, type RecognisedTextInput } from './recognisedText';

let db: CasebookDB;
let caseFile: CaseFile;
withCase((fresh) => ({ db, caseFile } = fresh));

/** A scanned PDF as the importer stores it: pages with no text, marked as having no text layer. */
async function scannedPdf(pageCount = 2, language: string | null = null): Promise<CaseDocument> {
  const bytes = new TextEncoder().encode(`%PDF-1.7 scan ${crypto.randomUUID()}`);
  return importDocument(db, caseFile.id, {
    fileName: 'scan.pdf',
    mimeType: 'application/pdf',
    bytes,
    sha256: await sha256Hex(bytes),
    extracted: {
      ...emptyDocument('pdf'),
      title: 'Harbour scan',
      language,
      pages: Array.from({ length: pageCount }, (_, index) => ({ page: index + 1, start: 0, end: 0 })),
      pageCount,
      textLayer: false,
      warnings: [NO_TEXT_LAYER_WARNING],
    },
  });
}

/** A page as text recognition reports it: the words of `text`, one line, boxes side by side. */
function page(number: number, text: string, confidence = 90): RecognisedPageInput {
  const words: RecognisedPageInput['words'] = [];
  for (const match of text.matchAll(/\S+/g))
    words.push({ text: match[0], start: match.index, end: match.index + match[0].length, box: [match.index * 10, 100, (match.index + match[0].length) * 10, 120], confidence, line: 0 });
  return { page: number, text, width: 1654, height: 2339, confidence, words };
}

const recognised = (language: RecognisedTextInput['language'], ...texts: string[]): RecognisedTextInput => ({
  language,
  engine: 'tesseract.js 7.0.0',
  pages: texts.map((text, index) => page(index + 1, text, index === 0 ? 96 : 90)),
});

const lastHistory = async () => (await db.history.orderBy('seq').last())?.summary;

describe('recordRecognisedText', () => {
  it('makes the recognised pages the document’s text, marks it recognised and keeps each page’s words apart', async () => {
    const scan = await scannedPdf();
    expect(canRecognise(scan)).toBe(true);
    const { document } = await recordRecognisedText(db, scan.id, recognised('eng', 'The vessel Kestrel', 'copper wire'));

    expect(document.text).toBe('The vessel Kestrel\n\ncopper wire');
    expect(document.pages).toEqual([
      { page: 1, start: 0, end: 18 },
      { page: 2, start: 20, end: 31 },
    ]);
    expect(document.textLayer).toBe(true);
    expect(document.ocr).toMatchObject({ language: 'eng', engine: 'tesseract.js 7.0.0' });
    expect(document.ocr!.confidence).toBe(Math.round(((96 * 3 + 90 * 2) / 5) * 10) / 10);
    expect(document.warnings).not.toContain(NO_TEXT_LAYER_WARNING);
    expect(await db.documents.get(scan.id)).toEqual(document);

    const pages = await recognisedPages(db, scan.id);
    expect(pages.map((stored) => [stored.id, stored.page, stored.caseId, stored.words.length])).toEqual([
      [`${scan.id}:1`, 1, caseFile.id, 3],
      [`${scan.id}:2`, 2, caseFile.id, 2],
    ]);
    expect(pages[0]!.words[2]).toMatchObject({ text: 'Kestrel', box: [110, 100, 180, 120] });
    expect(await lastHistory()).toBe('Recognised text in “Harbour scan” (OCR, English)');
  });

  it('replaces an earlier recognition when run again, in another language', async () => {
    const scan = await scannedPdf(1);
    await recordRecognisedText(db, scan.id, recognised('eng', 'Le navire Kestrel'));
    const { document } = await recordRecognisedText(db, scan.id, recognised('fra', 'Le navire « Kestrel »'));
    expect(document.text).toBe('Le navire « Kestrel »');
    expect(document.ocr?.language).toBe('fra');
    expect(canRecognise(document)).toBe(true);
    const pages = await recognisedPages(db, scan.id);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.words.map((word) => word.text)).toEqual(['Le', 'navire', '«', 'Kestrel', '»']);
    expect(await lastHistory()).toBe('Recognised text in “Harbour scan” (OCR, French)');
  });

  it('keeps excerpts of recognised text: found again after a new recognition, or unanchored and reported', async () => {
    const scan = await scannedPdf(2);
    await recordRecognisedText(db, scan.id, recognised('eng', 'The vessel Kestrel', 'forty crates of copper wire'));
    const text = (await db.documents.get(scan.id))!.text;
    const quote = 'crates of copper';
    const start = text.indexOf(quote);
    const kept = await createExcerpt(db, caseFile.id, {
      documentId: scan.id,
      quote,
      anchor: { start, end: start + quote.length, prefix: '', suffix: '', page: 2 },
    });
    expect(kept.anchor).toMatchObject({ start, page: 2 });
    const gone = await createExcerpt(db, caseFile.id, { documentId: scan.id, quote: 'The vessel Kestrel' });

    const { relocated, orphaned, document } = await recordRecognisedText(
      db,
      scan.id,
      recognised('eng', 'The vesse1 Kestre1 at berth seven', 'forty crates of copper wire'),
    );
    const moved = document.text.indexOf(quote);
    expect(relocated.map((excerpt) => excerpt.id)).toEqual([kept.id]);
    expect((await db.excerpts.get(kept.id))!.anchor).toMatchObject({ start: moved, end: moved + quote.length, page: 2 });
    expect(orphaned.map((excerpt) => excerpt.id)).toEqual([gone.id]);
    // Orphaned: its last known place is kept, to show where it was.
    expect(await db.excerpts.get(gone.id)).toMatchObject({ orphaned: true, anchor: gone.anchor });
    expect(document.warnings).toEqual([`The quote of excerpt “The vessel Kestrel” is not in the recognised text.`]);

    // A third run where the quote is back replaces the note rather than adding to it.
    const again = await recordRecognisedText(db, scan.id, recognised('eng', 'The vessel Kestrel', 'forty crates'));
    expect(again.document.warnings).toEqual([`The quote of excerpt “crates of copper” is not in the recognised text.`]);
  });

  it('refuses a result that does not fit the document, and changes nothing', async () => {
    const scan = await scannedPdf(2);
    const before = await db.documents.get(scan.id);
    const refusals: RecognisedTextInput[] = [
      recognised('eng', 'only one page'),
      { ...recognised('eng', 'a', 'b'), language: 'xyz' as 'eng' },
      {
        ...recognised('eng', 'a b', 'c'),
        pages: [{ ...page(1, 'a b'), words: [{ text: 'z', start: 0, end: 1, box: [0, 0, 1, 1], confidence: 50, line: 0 }] }, page(2, 'c')],
      },
      { ...recognised('eng', 'a', 'b'), pages: [page(2, 'b'), page(1, 'a')] },
    ];
    for (const input of refusals) expect(await rejection(recordRecognisedText(db, scan.id, input))).toBeInstanceOf(ValidationError);
    const typed = await createTextDocument(db, caseFile.id, { title: 'Notes', text: 'typed text' });
    expect(canRecognise(typed)).toBe(false);
    const error = await rejection(recordRecognisedText(db, typed.id, recognised('eng', 'text')));
    expect((error as ValidationError).message).toMatch(/has a text of its own/);
    expect(await db.documents.get(scan.id)).toEqual(before);
    expect(await db.recognisedPages.count()).toBe(0);
  });

  it('lets recognised pages go with their document, and with their case', async () => {
    const first = await scannedPdf(1);
    const second = await scannedPdf(1);
    await recordRecognisedText(db, first.id, recognised('eng', 'one'));
    await recordRecognisedText(db, second.id, recognised('eng', 'two'));
    await deleteRecord(db, { type: 'document', id: first.id });
    expect((await db.recognisedPages.toArray()).map((stored) => stored.documentId)).toEqual([second.id]);
    await deleteCase(db, caseFile.id);
    expect(await db.recognisedPages.count()).toBe(0);
  });
});

describe('otherDocumentLanguages', () => {
  it('lists the languages of the case’s other documents, from the index', async () => {
    const scan = await scannedPdf(1, 'de');
    await scannedPdf(1, 'pl');
    await scannedPdf(1, 'pl');
    await scannedPdf(1, null);
    const other = await createCase(db, { name: 'Other case' });
    await createTextDocument(db, other.id, { title: 'Elsewhere', text: 'text' });
    expect((await otherDocumentLanguages(db, caseFile.id, scan.id)).sort()).toEqual(['pl', 'pl']);
  });
});
