import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDocument, CaseFile } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { freshDatabase } from '../../../tests/unit/database';
import { emptyDocument } from '../import/document';
import { ValidationError, createCase, createExcerpt, createTextDocument, importDocument, sha256Hex } from '.';
import { anchorAt } from '../anchoring/anchor';
import { applyCleanup, countRemovedLines } from './documentCleanup';

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
