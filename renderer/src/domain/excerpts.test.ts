import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseDocument, CaseFile } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { recordsToLink, rejection, withCase } from '../../../tests/unit/database';
import { ValidationError, applyCleanup, createExcerpt, createTag, createTextDocument, deleteRecord, linkRecords, markExcerptMentioning, reattachExcerpt, updateExcerpt } from '.';

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

  it('finds a typed quote in its document when no place is given', async () => {
    const found = await createExcerpt(db, caseFile.id, { documentId: document.id, quote: 'on the quay' });
    expect(found.anchor).toMatchObject({ start: at('on the quay').start, end: at('on the quay').end });
    const unsourced = await createExcerpt(db, caseFile.id, { quote: 'Heard at the quay' });
    expect(unsourced.anchor).toBeNull();
  });

  it('refuses a typed quote its document does not say, on the quote field, and stores nothing', async () => {
    const error = (await rejection(
      createExcerpt(db, caseFile.id, { documentId: document.id, quote: 'Heard at the quay' }),
    )) as ValidationError;
    expect(error.messageFor('quote')).toBe(
      '“Quay log” does not say “Heard at the quay”: a quote is the document’s own words, word for word. Select the passage in the document and mark it, or put a paraphrase in the comment.',
    );
    expect(await db.excerpts.count()).toBe(0);
  });

  it('refuses to give an unsourced quote a document that does not say it', async () => {
    const excerpt = await createExcerpt(db, caseFile.id, { quote: 'Heard at the quay' });
    const error = (await rejection(
      updateExcerpt(db, excerpt.id, { documentId: document.id, quote: 'Heard at the quay' }),
    )) as ValidationError;
    expect(error.messageFor('quote')).toMatch(/^“Quay log” does not say “Heard at the quay”/);
    expect((await db.excerpts.get(excerpt.id))!.documentId).toBeNull();
  });
});

describe('markExcerptMentioning: a passage linked to an entity in one step', () => {
  it('writes the excerpt at the place selected and its "mentions" link, as one change', async () => {
    const { person } = await recordsToLink(db, caseFile.id);
    const historyBefore = await db.history.count();
    const second = TEXT.lastIndexOf('was found');
    const { excerpt, entity } = await markExcerptMentioning(
      db,
      caseFile.id,
      { documentId: document.id, quote: 'was found', anchor: at('was found', second) },
      person.id,
    );
    expect(entity.id).toBe(person.id);
    expect(excerpt.anchor?.start).toBe(second);
    const links = await db.links.where('ends').equals(excerpt.id).toArray();
    expect(links.map(({ from, to, kind }) => ({ from, to, kind }))).toEqual([
      { from: { type: 'excerpt', id: excerpt.id }, to: { type: 'entity', id: person.id }, kind: 'mentions' },
    ]);
    expect(await db.history.count()).toBe(historyBefore + 1);
    expect((await db.history.toCollection().last())?.summary).toBe('Marked excerpt “was found”, mentioning “Zoë Müller”');
  });

  it('writes nothing when the entity is gone or the quote is not at the place selected', async () => {
    const { person, organisation } = await recordsToLink(db, caseFile.id);
    await deleteRecord(db, { type: 'entity', id: person.id });
    const gone = (await rejection(
      markExcerptMentioning(db, caseFile.id, { documentId: document.id, quote: 'was found', anchor: at('was found') }, person.id),
    )) as ValidationError;
    expect(gone.messageFor('entityId')).toMatch(/not in the case any more/);
    await expect(
      markExcerptMentioning(db, caseFile.id, { documentId: document.id, quote: 'at dusk', anchor: at('at dawn') }, organisation.id),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await db.excerpts.count()).toBe(0);
    expect(await db.links.count()).toBe(0);
  });
});

describe('updateExcerpt', () => {
  it('keeps the anchor when only the comment or tags change', async () => {
    const excerpt = await createExcerpt(db, caseFile.id, { documentId: document.id, quote: 'was found', anchor: at('was found', 30) });
    const cash = await createTag(db, caseFile.id, { name: 'cash' });
    const updated = await updateExcerpt(db, excerpt.id, { documentId: document.id, quote: 'was found', tags: [cash.id] });
    expect(updated.anchor).toEqual(excerpt.anchor);
  });

  it('refuses to have the quote of a document typed over: the passage is selected again instead', async () => {
    const excerpt = await createExcerpt(db, caseFile.id, { documentId: document.id, quote: 'was found', anchor: at('was found', 30) });
    const error = await rejection(updateExcerpt(db, excerpt.id, { documentId: document.id, quote: 'was found on the quay' }), ValidationError);
    expect(error.messageFor('quote')).toMatch(/^The quote is the document’s own words and cannot be typed over/);
    expect(await db.excerpts.get(excerpt.id)).toEqual(excerpt);
  });

  it('edits the comment and tags of an orphaned excerpt, which stays orphaned at its last place', async () => {
    const log = await createTextDocument(db, caseFile.id, { title: 'Gossip', text: 'Title\nRumour: the Rosa sailed empty.\nFacts.' });
    const quote = 'the Rosa sailed empty';
    const start = log.text.indexOf(quote);
    const anchor = { start, end: start + quote.length, prefix: '', suffix: '', page: null };
    const excerpt = await createExcerpt(db, caseFile.id, { documentId: log.id, quote, anchor });
    await applyCleanup(db, log.id, [{ index: 1, text: 'Rumour: the Rosa sailed empty.' }]);
    const orphaned = (await db.excerpts.get(excerpt.id))!;
    // As the excerpt form sends it: the same document, quote and anchor, new tags.
    const rumour = await createTag(db, caseFile.id, { name: 'rumour' });
    const edited = await updateExcerpt(db, excerpt.id, { documentId: log.id, quote, anchor: orphaned.anchor, tags: [rumour.id] });
    expect(edited).toMatchObject({ tags: [rumour.id], orphaned: true, anchor: orphaned.anchor });
  });

  it('lets a typed quote without a document be edited', async () => {
    const excerpt = await createExcerpt(db, caseFile.id, { quote: 'Heard at the quay' });
    expect((await updateExcerpt(db, excerpt.id, { quote: 'Heard on the quay' })).quote).toBe('Heard on the quay');
  });
});

describe('bad selections', () => {
  it('refuses an empty or blank selection and a selection outside the document, storing nothing', async () => {
    const blank = await rejection(createExcerpt(db, caseFile.id, { documentId: document.id, quote: '  \n ', anchor: at('Cash') }), ValidationError);
    expect(blank.messageFor('quote')).toBe('The quote cannot be empty.');
    const beyond = { start: TEXT.length - 4, end: TEXT.length + 6, prefix: '', suffix: '', page: null };
    const outside = await rejection(createExcerpt(db, caseFile.id, { documentId: document.id, quote: 'dawn.', anchor: beyond }), ValidationError);
    expect(outside.messageFor('quote')).toBe(
      `The selection is outside the text of “Quay log”, which has ${TEXT.length} characters. Select the words in the document again.`,
    );
    expect(await db.excerpts.count()).toBe(0);
  });

  it('refuses a link from an excerpt to itself', async () => {
    const excerpt = await createExcerpt(db, caseFile.id, { documentId: document.id, quote: 'Cash', anchor: at('Cash') });
    const self = { type: 'excerpt' as const, id: excerpt.id };
    const error = await rejection(linkRecords(db, caseFile.id, { from: self, to: self, kind: 'corroborates' }), ValidationError);
    expect(error.message).toBe('A record cannot be linked to itself.');
    expect(await db.links.count()).toBe(0);
  });
});

describe('reattachExcerpt', () => {
  const LOG = 'Harbour log\nAdvertisement\nThe crates were unloaded at night.\nEnd of log';
  it('attaches an orphaned excerpt to the passage selected again, with the new words as its quote', async () => {
    const log = await createTextDocument(db, caseFile.id, { title: 'Log', text: LOG });
    const start = LOG.indexOf('Advertisement');
    const excerpt = await createExcerpt(db, caseFile.id, {
      documentId: log.id,
      quote: 'Advertisement',
      anchor: { start, end: start + 13, prefix: '', suffix: '', page: null },
    });
    const { orphaned, document: cleaned } = await applyCleanup(db, log.id, [{ index: 1, text: 'Advertisement' }]);
    expect(orphaned.map((lost) => lost.id)).toEqual([excerpt.id]);

    const quote = 'unloaded at night';
    const place = cleaned.text.indexOf(quote);
    const attached = await reattachExcerpt(db, excerpt.id, {
      quote,
      anchor: { start: place, end: place + quote.length, prefix: '', suffix: '', page: null },
    });
    expect(attached).toMatchObject({ quote, orphaned: false, anchor: { start: place, end: place + quote.length } });
    expect(await db.excerpts.get(excerpt.id)).toEqual(attached);
    expect((await db.history.orderBy('seq').last())!.summary).toBe('Re-attached excerpt “unloaded at night” to its passage in “Log”');
  });

  it('refuses no selection, a blank one, or words not at the selected place, and changes nothing', async () => {
    const excerpt = await createExcerpt(db, caseFile.id, { documentId: document.id, quote: 'Cash', anchor: at('Cash') });
    const none = await rejection(reattachExcerpt(db, excerpt.id, { quote: 'on the quay', anchor: null }), ValidationError);
    expect(none.messageFor('quote')).toBe('Select the passage this excerpt quotes in the document’s text first.');
    await rejection(reattachExcerpt(db, excerpt.id, { quote: ' ', anchor: at('Cash') }), ValidationError);
    await rejection(reattachExcerpt(db, excerpt.id, { quote: 'at dusk', anchor: at('at dawn') }), ValidationError);
    expect(await db.excerpts.get(excerpt.id)).toEqual(excerpt);
  });
});
