import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseDocument, CaseFile } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { rejection, withCase } from '../../../tests/unit/database';
import { ValidationError, createExcerpt, createTag, createTextDocument, updateExcerpt } from '.';

const TEXT = 'Cash was found on board. Later, more cash was found on the quay at dawn.';

let db: CasebookDB;
let caseFile: CaseFile;
let document: CaseDocument;
withCase((fresh) => ({ db, caseFile } = fresh));
beforeEach(async () => {
  document = await createTextDocument(db, caseFile.id, { title: 'Quay log', text: TEXT });
});

const at = (quote: string, from = 0) => {
  const start = TEXT.indexOf(quote, from);
  return { start, end: start + quote.length, prefix: '', suffix: '', page: null };
};

describe('createExcerpt anchors its quote in the transaction', () => {
  it('keeps the selected place, computing the words either side from the stored text', async () => {
    const second = TEXT.lastIndexOf('was found');
    const excerpt = await createExcerpt(db, caseFile.id, {
      documentId: document.id,
      quote: 'was found',
      anchor: { ...at('was found', second), prefix: 'forged', suffix: 'forged' },
    });
    expect(excerpt.anchor).toEqual({
      start: second,
      end: second + 'was found'.length,
      prefix: TEXT.slice(second - 32, second),
      suffix: TEXT.slice(second + 9, second + 9 + 32),
      page: null,
    });
    expect((await db.excerpts.get(excerpt.id))!.anchor).toEqual(excerpt.anchor);
  });

  it('refuses an anchor that does not hold its quote, on the quote field, and stores nothing', async () => {
    const error = (await rejection(
      createExcerpt(db, caseFile.id, { documentId: document.id, quote: 'at dusk', anchor: at('at dawn') }),
    )) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.messageFor('quote')).toBe(
      'The quote is not at the marked place in “Quay log”: the text may have changed. Select the words again.',
    );
    expect(await db.excerpts.count()).toBe(0);
  });

  it('finds the quote in its document when no place is given, and leaves it unanchored when it is not there', async () => {
    const found = await createExcerpt(db, caseFile.id, { documentId: document.id, quote: 'on the quay' });
    expect(found.anchor).toMatchObject({ start: at('on the quay').start, end: at('on the quay').end });
    const absent = await createExcerpt(db, caseFile.id, { documentId: document.id, quote: 'Heard at the quay' });
    expect(absent.anchor).toBeNull();
    const unsourced = await createExcerpt(db, caseFile.id, { quote: 'on the quay' });
    expect(unsourced.anchor).toBeNull();
  });
});

describe('updateExcerpt', () => {
  it('keeps the anchor when only the comment or tags change', async () => {
    const excerpt = await createExcerpt(db, caseFile.id, { documentId: document.id, quote: 'was found', anchor: at('was found', 30) });
    const cash = await createTag(db, caseFile.id, { name: 'cash' });
    const updated = await updateExcerpt(db, excerpt.id, { documentId: document.id, quote: 'was found', tags: [cash.id] });
    expect(updated.anchor).toEqual(excerpt.anchor);
  });

  it('anchors an edited quote again, near where the old one was', async () => {
    const excerpt = await createExcerpt(db, caseFile.id, { documentId: document.id, quote: 'was found', anchor: at('was found', 30) });
    const updated = await updateExcerpt(db, excerpt.id, { documentId: document.id, quote: 'was found on the quay' });
    const place = at('was found on the quay');
    expect(updated.anchor).toMatchObject({ start: place.start, end: place.end });
  });
});
