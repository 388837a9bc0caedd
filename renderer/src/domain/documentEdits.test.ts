import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDocument, CaseFile } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { freshDatabase } from '../db/testing';
import { emptyDocument } from '../import/document';
import { NotFoundError, ValidationError, createCase, createExcerpt, createTextDocument, importDocument, sha256Hex } from '.';
import {
  anchorAt,
  applyCleanup,
  countRemovedLines,
  locateQuote,
  updateDocumentMetadata,
} from './documentEdits';

let db: CasebookDB;
let caseFile: CaseFile;
beforeEach(async () => {
  db = freshDatabase();
  caseFile = await createCase(db, { name: 'Harbour charter' });
});
afterEach(async () => {
  await db.delete();
});

async function rejection(promise: Promise<unknown>): Promise<ValidationError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('Expected the operation to fail, but it succeeded.');
}

const lastHistory = async () => (await db.history.orderBy('seq').last())?.summary;

const SUMMARY = {
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Names the forwarder.' }] }],
};

describe('updateDocumentMetadata', () => {
  let document: CaseDocument;
  beforeEach(async () => {
    document = await createTextDocument(db, caseFile.id, { title: 'Log', text: 'Signed at 06:00.' });
  });

  it('stores every detail cleaned, and adds one history entry naming the document', async () => {
    const historyBefore = await db.history.count();
    const updated = await updateDocumentMetadata(db, document.id, {
      title: '  Harbour   log ',
      authors: [' Ana Ferreira', 'Jan Kos ', 'Ana Ferreira', ''],
      sourceUrl: ' https://example.org/log ',
      publishedAt: '2021-03',
      language: 'PT-br',
      tags: ['port', ' port ', 'charter'],
      summary: SUMMARY,
    });
    expect(updated).toMatchObject({
      title: 'Harbour log',
      authors: ['Ana Ferreira', 'Jan Kos'],
      sourceUrl: 'https://example.org/log',
      publishedAt: '2021-03',
      language: 'pt-BR',
      tags: ['port', 'charter'],
      summary: SUMMARY,
      text: 'Signed at 06:00.',
    });
    expect(await db.documents.get(document.id)).toEqual(updated);
    expect(await db.history.count()).toBe(historyBefore + 1);
    expect(await lastHistory()).toBe('Edited details of “Harbour log”');
  });

  it('clears optional details given as empty text', async () => {
    await updateDocumentMetadata(db, document.id, { sourceUrl: 'https://example.org', language: 'en', publishedAt: '2021' });
    const cleared = await updateDocumentMetadata(db, document.id, { sourceUrl: ' ', language: '', publishedAt: '' });
    expect(cleared).toMatchObject({ sourceUrl: null, language: null, publishedAt: null });
  });

  it('leaves out fields it is not given, and writes nothing when nothing changes', async () => {
    await updateDocumentMetadata(db, document.id, { tags: ['port'] });
    const historyBefore = await db.history.count();
    const same = await updateDocumentMetadata(db, document.id, { title: 'Log', tags: ['port'] });
    expect(same.tags).toEqual(['port']);
    expect(await db.history.count()).toBe(historyBefore);
  });

  it.each([
    ['2021', true],
    ['2021-03', true],
    ['2024-02-29', true],
    ['2021-02-29', 'There is no such date as 2021-02-29: check the month and the day.'],
    ['2021-13', 'There is no such date as 2021-13: check the month and the day.'],
    ['0000', 'There is no such date as 0000: check the month and the day.'],
    ['9 March 2021', 'Write the published date as YYYY, YYYY-MM or YYYY-MM-DD.'],
    ['2021-3-9', 'Write the published date as YYYY, YYYY-MM or YYYY-MM-DD.'],
    ['2021-03-09T06:00', 'Write the published date as YYYY, YYYY-MM or YYYY-MM-DD.'],
  ])('takes the published date %s only when it is a real date of a known precision', async (value, outcome) => {
    const attempt = updateDocumentMetadata(db, document.id, { publishedAt: value });
    if (outcome === true) await expect(attempt).resolves.toMatchObject({ publishedAt: value });
    else expect((await rejection(attempt)).messageFor('publishedAt')).toBe(outcome);
  });

  it('puts each mistake beside its field and stores nothing', async () => {
    const error = await rejection(
      updateDocumentMetadata(db, document.id, {
        title: 'x'.repeat(301),
        sourceUrl: 'javascript:alert(1)',
        language: 'not a language',
        tags: ['t'.repeat(61)],
      }),
    );
    expect(error.messageFor('title')).toBe('Document title is too long: at most 300 characters.');
    expect(error.messageFor('sourceUrl')).toBe(
      'The source must be an http or https address, such as https://example.org/page.',
    );
    expect(error.messageFor('language')).toBe('Write the language as a code such as “en”, “pl” or “pt-BR”.');
    expect(error.issues.find((issue) => issue.field.startsWith('tags'))?.message).toBe(
      'Each tag is at most 60 characters.',
    );
    expect(await db.documents.get(document.id)).toEqual(document);
  });

  it('refuses an empty title', async () => {
    const error = await rejection(updateDocumentMetadata(db, document.id, { title: '   ' }));
    expect(error.messageFor('title')).toBe('Document title cannot be empty.');
  });

  it('fails with NotFoundError for a document that is gone', async () => {
    await expect(updateDocumentMetadata(db, 'no-such-document', { title: 'Log' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe('locateQuote', () => {
  it('finds a quote exactly, or across different line breaks', () => {
    const text = 'The ship left\nat dawn. The ship left at noon.';
    expect(locateQuote(text, 'at dawn')).toEqual({ start: 14, end: 21 });
    expect(locateQuote(text, 'The ship left at dawn')).toEqual({ start: 0, end: 21 });
    expect(locateQuote(text, 'at dusk')).toBeNull();
  });

  it('picks the occurrence whose surroundings match the old anchor', () => {
    const text = 'Cash was found. Later, more cash was found in the boat.';
    const second = text.lastIndexOf('was found');
    const anchor = anchorAt(text, second, second + 'was found'.length);
    const moved = `Intro. ${text}`;
    expect(locateQuote(moved, 'was found', anchor)).toEqual({ start: second + 7, end: second + 16 });
  });
});

describe('countRemovedLines', () => {
  it('counts the non-blank lines removed, and refuses anything but removal', () => {
    expect(countRemovedLines('a\n\nb\nc', 'a\n\nc')).toBe(1);
    expect(countRemovedLines('a\n\nb\nc', 'a\nb\nc')).toBe(0);
    expect(countRemovedLines('a\nb\nc', 'a\nB\nc')).toBeNull();
    expect(countRemovedLines('a\nb\nc', 'c\na')).toBeNull();
  });
});

describe('applyCleanup', () => {
  const PASTED = [
    'Menu',
    'ADVERTISEMENT',
    '',
    'Police arrested 43 people in Vellport on Monday.',
    '',
    'ADVERTISEMENT',
    '',
    'Investigators seized €2.4 million in cash.',
    '',
    'Share this article',
    'Related: Port police seize record haul',
  ].join('\n');
  const CLEANED = 'Police arrested 43 people in Vellport on Monday.\n\nInvestigators seized €2.4 million in cash.';

  async function pastedDocument() {
    return createTextDocument(db, caseFile.id, { title: 'Raids', text: PASTED });
  }

  async function excerptOf(document: CaseDocument, quote: string) {
    const start = document.text.indexOf(quote);
    return createExcerpt(db, caseFile.id, {
      documentId: document.id,
      quote,
      anchor: anchorAt(document.text, start, start + quote.length),
    });
  }

  it('replaces the text, keeps the original bytes and their digest, and says how many lines went', async () => {
    const document = await pastedDocument();
    const bytesBefore = new Uint8Array(await (await db.documentFiles.get(document.id))!.bytes.arrayBuffer());
    const { document: cleaned, removedLines } = await applyCleanup(db, document.id, CLEANED);

    expect(removedLines).toBe(5);
    expect(cleaned).toMatchObject({ text: CLEANED, sha256: document.sha256, size: document.size });
    expect(await db.documents.get(document.id)).toEqual(cleaned);
    const file = await db.documentFiles.get(document.id);
    const bytesAfter = new Uint8Array(await file!.bytes.arrayBuffer());
    expect(bytesAfter).toEqual(bytesBefore);
    expect(await sha256Hex(bytesAfter)).toBe(document.sha256);
    expect(new TextDecoder().decode(bytesAfter)).toBe(PASTED);
    expect(await lastHistory()).toBe('Cleaned up “Raids”: removed 5 lines');
  });

  it('moves excerpt anchors to where their quotes now are, in the same write', async () => {
    const document = await pastedDocument();
    const excerpt = await excerptOf(document, 'seized €2.4 million');
    const { relocated, lost } = await applyCleanup(db, document.id, CLEANED);

    const stored = await db.excerpts.get(excerpt.id);
    expect(stored!.anchor!.start).toBe(CLEANED.indexOf('seized €2.4 million'));
    expect(CLEANED.slice(stored!.anchor!.start, stored!.anchor!.end)).toBe('seized €2.4 million');
    expect(stored!.anchor!.prefix).toBe(CLEANED.slice(stored!.anchor!.start - 32, stored!.anchor!.start));
    expect(relocated.map((moved) => moved.id)).toEqual([excerpt.id]);
    expect(lost).toEqual([]);
    const entry = await db.history.orderBy('seq').last();
    expect(entry!.records).toEqual([
      { type: 'document', id: document.id },
      { type: 'excerpt', id: excerpt.id },
    ]);
  });

  it('clears the anchor of an excerpt whose quote was removed, keeps its quote and warns', async () => {
    const document = await pastedDocument();
    const excerpt = await excerptOf(document, 'Port police seize record haul');
    const { lost, document: cleaned } = await applyCleanup(db, document.id, CLEANED);

    expect(lost.map((gone) => gone.id)).toEqual([excerpt.id]);
    expect(await db.excerpts.get(excerpt.id)).toMatchObject({ quote: 'Port police seize record haul', anchor: null });
    expect(cleaned.warnings).toEqual([
      'After clean-up, the quote of excerpt “Port police seize record haul” is no longer in the text.',
    ]);
  });

  it('refuses text that is not the document with lines removed, and writes nothing', async () => {
    const document = await pastedDocument();
    const historyBefore = await db.history.count();
    const edited = await rejection(applyCleanup(db, document.id, 'Police arrested 44 people in Vellport on Monday.'));
    expect(edited.message).toBe('The text of “Raids” changed since the clean-up was proposed. Open Clean up again.');
    const unchanged = await rejection(applyCleanup(db, document.id, PASTED));
    expect(unchanged.message).toBe('No line is marked for removal.');
    const emptied = await rejection(applyCleanup(db, document.id, ''));
    expect(emptied.message).toBe('Clean-up cannot remove every line of the document.');
    expect(await db.documents.get(document.id)).toEqual(document);
    expect(await db.history.count()).toBe(historyBefore);
  });

  it('refuses a document with a formatted version, whose HTML would no longer match its text', async () => {
    const bytes = new TextEncoder().encode('<p>Menu</p><p>Story.</p>');
    const document = await importDocument(db, caseFile.id, {
      fileName: 'story.html',
      mimeType: 'text/html',
      bytes,
      sha256: await sha256Hex(bytes),
      extracted: {
        ...emptyDocument('html'),
        title: 'Story',
        text: 'Menu\nStory.',
        html: '<p>Menu</p><p>Story.</p>',
        charset: 'utf-8',
      },
    });
    const error = await rejection(applyCleanup(db, document.id, 'Story.'));
    expect(error.message).toBe('“Story” has a formatted or paged version: clean-up works on plain text only.');
  });
});
