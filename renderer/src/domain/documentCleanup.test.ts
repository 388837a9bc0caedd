import { describe, expect, it } from 'vitest';
import type { CaseDocument, CaseFile, Excerpt } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { rejection, withCase } from '../../../tests/unit/database';
import { emptyDocument } from '../import/document';
import { keptTextOf } from '../cleanup/keptText';
import { ValidationError, createExcerpt, createTextDocument, deleteCase, deleteRecord, importDocument, sha256Hex } from '.';
import { anchorAt } from '../anchoring/anchor';
import { applyCleanup, canCleanUp, countRemovedLines, restoreRemovedLines, undoTextChange } from './documentCleanup';

let db: CasebookDB;
let caseFile: CaseFile;
withCase((fresh) => ({ db, caseFile } = fresh));

const lastHistory = async () => (await db.history.orderBy('seq').last())?.summary;
const versionsOf = (documentId: string) => db.documentVersions.where('[documentId+number]').between([documentId, 0], [documentId, Infinity]).toArray();

/** Where an excerpt's anchor points in its document's current text, read back from the database. */
async function quotedText(excerpt: Excerpt): Promise<string | null> {
  const stored = (await db.excerpts.get(excerpt.id))!;
  const document = (await db.documents.get(stored.documentId!))!;
  return stored.anchor ? document.text.slice(stored.anchor.start, stored.anchor.end) : null;
}

async function excerptOf(document: CaseDocument, quote: string, occurrence = 0) {
  let start = document.text.indexOf(quote);
  for (let skip = occurrence; skip > 0; skip--) start = document.text.indexOf(quote, start + 1);
  return createExcerpt(db, caseFile.id, { documentId: document.id, quote, anchor: anchorAt(document.text, start, start + quote.length) });
}

describe('countRemovedLines', () => {
  it('counts the non-blank lines removed, and refuses anything but removal', () => {
    expect(countRemovedLines('a\n\nb\nc', 'a\n\nc')).toBe(1);
    expect(countRemovedLines('a\n\nb\nc', 'a\nb\nc')).toBe(0);
    expect(countRemovedLines('a\nb\nc', 'a\nB\nc')).toBeNull();
    expect(countRemovedLines('a\nb\nc', 'c\na')).toBeNull();
  });
});

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
const CHROME = [0, 1, 5, 9, 10];
const chosen = (indexes: number[]) => indexes.map((index) => ({ index, text: PASTED.split('\n')[index]!, reason: 'Site text' }));

describe('applyCleanup', () => {
  const pastedDocument = () => createTextDocument(db, caseFile.id, { title: 'Raids', text: PASTED });

  it('replaces the text, keeps the original bytes, the text before as version 1, and says how many lines went', async () => {
    const document = await pastedDocument();
    const bytesBefore = new Uint8Array(await (await db.documentFiles.get(document.id))!.bytes.arrayBuffer());
    const { document: cleaned, removedLines } = await applyCleanup(db, document.id, chosen(CHROME));

    expect(removedLines).toBe(5);
    expect(cleaned).toMatchObject({ text: CLEANED, sha256: document.sha256, size: document.size, textVersion: 2 });
    expect(cleaned.cleanup!.removed.map((line) => line.text)).toEqual(CHROME.map((index) => PASTED.split('\n')[index]));
    expect(await db.documents.get(document.id)).toEqual(cleaned);
    const bytesAfter = new Uint8Array(await (await db.documentFiles.get(document.id))!.bytes.arrayBuffer());
    expect(bytesAfter).toEqual(bytesBefore);
    expect(await sha256Hex(bytesAfter)).toBe(document.sha256);
    expect(await versionsOf(document.id)).toEqual([
      expect.objectContaining({ number: 1, text: PASTED, cleanup: null, replacedBy: 'Removed 5 lines' }),
    ]);
    expect(await lastHistory()).toBe('Cleaned up “Raids”: removed 5 lines');
  });

  it('moves excerpt anchors to where their quotes now are, in the same write', async () => {
    const document = await pastedDocument();
    const excerpt = await excerptOf(document, 'seized €2.4 million');
    const { relocated, orphaned } = await applyCleanup(db, document.id, chosen(CHROME));

    const stored = await db.excerpts.get(excerpt.id);
    expect(stored!.anchor!.start).toBe(CLEANED.indexOf('seized €2.4 million'));
    expect(await quotedText(excerpt)).toBe('seized €2.4 million');
    expect(stored!.anchor!.prefix).toBe(CLEANED.slice(stored!.anchor!.start - 32, stored!.anchor!.start));
    expect(relocated.map((moved) => moved.id)).toEqual([excerpt.id]);
    expect(orphaned).toEqual([]);
    expect(stored!.orphaned).toBe(false);
    const entry = await db.history.orderBy('seq').last();
    expect(entry!.records).toEqual([
      { type: 'document', id: document.id },
      { type: 'excerpt', id: excerpt.id },
    ]);
  });

  it('marks an excerpt whose quote was removed orphaned, keeping its quote and last place, and says so', async () => {
    const document = await pastedDocument();
    const excerpt = await excerptOf(document, 'Port police seize record haul');
    const { orphaned, document: cleaned } = await applyCleanup(db, document.id, chosen(CHROME));

    expect(orphaned.map((gone) => gone.id)).toEqual([excerpt.id]);
    expect(await db.excerpts.get(excerpt.id)).toMatchObject({
      quote: 'Port police seize record haul',
      anchor: excerpt.anchor,
      orphaned: true,
    });
    expect(cleaned.warnings).toEqual([]);
    const entry = await db.history.orderBy('seq').last();
    expect(entry!.records).toContainEqual({ type: 'excerpt', id: excerpt.id });

    // Putting the line back finds the quote again: the excerpt is no longer orphaned.
    const back = await undoTextChange(db, document.id);
    expect(back.relocated.map((found) => found.id)).toEqual([excerpt.id]);
    expect(await db.excerpts.get(excerpt.id)).toMatchObject({ anchor: excerpt.anchor, orphaned: false });
  });

  it('refuses lines that are not lines of the text as extracted, or no change, and writes nothing', async () => {
    const document = await pastedDocument();
    const historyBefore = await db.history.count();
    const edited = await rejection(applyCleanup(db, document.id, [{ index: 3, text: 'Police arrested 44 people in Vellport on Monday.' }]), ValidationError);
    expect(edited.message).toBe('The text of “Raids” changed since the clean-up was proposed. Open Clean up again.');
    const unchanged = await rejection(applyCleanup(db, document.id, []), ValidationError);
    expect(unchanged.message).toBe('No line is marked for removal.');
    const emptied = await rejection(applyCleanup(db, document.id, chosen([0, 1, 3, 5, 7, 9, 10])), ValidationError);
    expect(emptied.message).toBe('Clean-up cannot remove every line of the document.');
    expect(await db.documents.get(document.id)).toEqual(document);
    expect(await versionsOf(document.id)).toEqual([]);
    expect(await db.history.count()).toBe(historyBefore);
  });

  it('takes the lines of the text as extracted when run again: leaving a removed line out puts it back', async () => {
    const document = await pastedDocument();
    await applyCleanup(db, document.id, chosen(CHROME));
    const { document: again, removedLines, restoredLines } = await applyCleanup(db, document.id, chosen([0, 1, 5, 9]));
    expect({ removedLines, restoredLines }).toEqual({ removedLines: 0, restoredLines: 1 });
    expect(again.text).toBe(`${CLEANED}\n\nRelated: Port police seize record haul`);
    expect(again.textVersion).toBe(3);
    expect(await lastHistory()).toBe('Cleaned up “Raids”: put back 1 line');
  });

  it('refuses a paged document, and a formatted one whose HTML does not number its lines', async () => {
    const bytes = new TextEncoder().encode('<p>Menu</p><p>Story.</p>');
    const document = await importDocument(db, caseFile.id, {
      fileName: 'story.html',
      mimeType: 'text/html',
      bytes,
      sha256: await sha256Hex(bytes),
      extracted: { ...emptyDocument('html'), title: 'Story', text: 'Menu\nStory.', html: '<p>Menu</p><p>Story.</p>', charset: 'utf-8' },
    });
    expect(canCleanUp(document)).toBe(false);
    const error = await rejection(applyCleanup(db, document.id, [{ index: 0, text: 'Menu' }]), ValidationError);
    expect(error.message).toMatch(/^“Story” was imported before Casebook numbered the lines of formatted documents/);
    expect(canCleanUp({ html: '<p data-lines="0">Menu</p>', pages: null })).toBe(true);
    expect(canCleanUp({ html: null, pages: [{ page: 1, start: 0, end: 4 }] })).toBe(false);
  });
});

describe('a web page cleaned up at import', () => {
  /** A saved page as the importer extracts it, with the site's lines it took out and why. */
  const EXTRACTED = [
    'Share this article',
    '',
    'The harbour board met on Monday to discuss the missing ledger.',
    '',
    '- Advertisement -',
    '',
    'The ledger was last seen on a Friday. The board met again on Monday.',
    '',
    'Whatsapp Facebook Pinterest',
    '',
    'Related: The board met again on Monday',
  ].join('\n');
  const REMOVED = [
    { index: 0, text: 'Share this article', reason: 'Share button' },
    { index: 4, text: '- Advertisement -', reason: 'Advertisement label' },
    { index: 8, text: 'Whatsapp Facebook Pinterest', reason: 'Share buttons in a row' },
    { index: 10, text: 'Related: The board met again on Monday', reason: 'Link to another article' },
  ];
  const KEPT = keptTextOf(EXTRACTED, new Set(REMOVED.map((line) => line.index)));

  async function importPage(removed = REMOVED, text = KEPT) {
    const bytes = new TextEncoder().encode(`<html><body>${EXTRACTED}</body></html>`);
    return importDocument(db, caseFile.id, {
      fileName: 'board.html',
      mimeType: 'text/html',
      bytes,
      sha256: await sha256Hex(bytes),
      extracted: {
        ...emptyDocument('html'),
        title: 'Board meets',
        text,
        html: EXTRACTED.split('\n').map((line, index) => (line ? `<p data-lines="${index}">${line}</p>` : '')).join(''),
        cleanup: { originalText: EXTRACTED, removed },
      },
    });
  }

  it('stores the cleaned text, the removed lines with their reasons, and the text as extracted as version 1', async () => {
    const document = await importPage();
    expect(document).toMatchObject({ text: KEPT, cleanup: { removed: REMOVED }, textVersion: 2 });
    expect(KEPT).toBe('The harbour board met on Monday to discuss the missing ledger.\n\nThe ledger was last seen on a Friday. The board met again on Monday.');
    const [version] = await versionsOf(document.id);
    expect(version).toMatchObject({ number: 1, text: EXTRACTED, cleanup: null, replacedBy: 'Removed 4 lines of site text at import' });
    expect(await lastHistory()).toBe('Imported board.html as “Board meets” (removed 4 lines of site text)');
    expect(canCleanUp(document)).toBe(true);
  });

  it('refuses an importer’s clean-up that does not match the text it kept, and stores nothing', async () => {
    const error = await rejection(importPage(REMOVED, `${KEPT}\n\nAn extra line.`), ValidationError);
    expect(error.message).toBe('The lines of site text removed from board.html do not match its text. Import it again.');
    expect(await db.documents.count()).toBe(0);
    expect(await db.documentVersions.count()).toBe(0);
  });

  it('puts a removed line back, keeps the text before as version 2, and keeps excerpts on their quotes', async () => {
    const document = await importPage();
    // "The board met again on Monday" appears once in the cleaned text; the line put back holds it a second time.
    const excerpt = await excerptOf(document, 'The board met again on Monday');
    const result = await restoreRemovedLines(db, document.id, [10]);

    expect(result.document.text).toBe(`${KEPT}\n\nRelated: The board met again on Monday`);
    expect(result.document.cleanup!.removed.map((line) => line.index)).toEqual([0, 4, 8]);
    expect(result.document.textVersion).toBe(3);
    expect(await quotedText(excerpt)).toBe('The board met again on Monday');
    // Still the sentence in the article, not the same words in the line put back.
    expect((await db.excerpts.get(excerpt.id))!.anchor!.start).toBe(KEPT.indexOf('The board met again on Monday'));
    expect((await versionsOf(document.id)).map((version) => [version.number, version.replacedBy])).toEqual([
      [1, 'Removed 4 lines of site text at import'],
      [2, 'Put back 1 line'],
    ]);
    expect(await lastHistory()).toBe('Put back 1 line in “Board meets”');
  });

  it('refuses to put back a line that is not removed, or nothing, and writes nothing', async () => {
    const document = await importPage();
    const historyBefore = await db.history.count();
    expect((await rejection(restoreRemovedLines(db, document.id, [2]), ValidationError)).message).toBe(
      'A line to put back is no longer removed from “Board meets”. Open the review again.',
    );
    expect((await rejection(restoreRemovedLines(db, document.id, []), ValidationError)).message).toBe('Choose the lines to put back.');
    expect(await db.documents.get(document.id)).toEqual(document);
    expect(await db.history.count()).toBe(historyBefore);
  });

  it('undoes each change in turn, back to the text as extracted, with the excerpt on its quote throughout', async () => {
    const document = await importPage();
    const excerpt = await excerptOf(document, 'The ledger was last seen on a Friday');
    await restoreRemovedLines(db, document.id, [4]);
    expect(await quotedText(excerpt)).toBe('The ledger was last seen on a Friday');

    const first = await undoTextChange(db, document.id);
    expect(first.undone).toBe('Put back 1 line');
    expect(first.document).toMatchObject({ text: KEPT, textVersion: 2, cleanup: { removed: REMOVED } });
    expect(await quotedText(excerpt)).toBe('The ledger was last seen on a Friday');
    expect(await lastHistory()).toBe('Undid “Put back 1 line” in “Board meets”');

    const second = await undoTextChange(db, document.id);
    expect(second.undone).toBe('Removed 4 lines of site text at import');
    expect(second.document).toMatchObject({ text: EXTRACTED, textVersion: 1, cleanup: null });
    expect(await quotedText(excerpt)).toBe('The ledger was last seen on a Friday');
    expect((await db.excerpts.get(excerpt.id))!.anchor!.start).toBe(EXTRACTED.indexOf('The ledger was last seen on a Friday'));
    expect(await versionsOf(document.id)).toEqual([]);

    const nothing = await rejection(undoTextChange(db, document.id), ValidationError);
    expect(nothing.message).toBe('The text of “Board meets” has no change to undo.');
  });

  it('gives an excerpt made in a line put back its anchor back when that line is put back again', async () => {
    const document = await importPage();
    await restoreRemovedLines(db, document.id, [10]);
    const restored = (await db.documents.get(document.id))!;
    const excerpt = await excerptOf(restored, 'Related: The board met', 0);
    await undoTextChange(db, document.id);
    expect(await db.excerpts.get(excerpt.id)).toMatchObject({ anchor: excerpt.anchor, orphaned: true, quote: 'Related: The board met' });
    await restoreRemovedLines(db, document.id, [10]);
    expect(await quotedText(excerpt)).toBe('Related: The board met');
    expect((await db.excerpts.get(excerpt.id))!.orphaned).toBe(false);
  });

  it('goes with its document and with its case', async () => {
    const document = await importPage();
    await deleteRecord(db, { type: 'document', id: document.id });
    expect(await db.documentVersions.count()).toBe(0);
    const again = await importPage();
    expect(await versionsOf(again.id)).toHaveLength(1);
    await deleteCase(db, caseFile.id);
    expect(await db.documentVersions.count()).toBe(0);
  });
});
