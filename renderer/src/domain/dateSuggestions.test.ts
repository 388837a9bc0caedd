import { describe, expect, it } from 'vitest';
import type { CaseFile, CaseDocument } from '../../../shared/domain';
import { rejection, withCase } from '../../../tests/unit/database';
import { DATE_SUGGESTION_TYPE } from '../dates/suggestions';
import { dateSuggestionsContext, dismissedSuggestionsOf } from '../db/queries';
import type { CasebookDB } from '../db/schema';
import {
  NotFoundError,
  ValidationError,
  createCase,
  createEntity,
  createExcerpt,
  createTextDocument,
  dismissDateSuggestion,
  dismissSuggestion,
  makeEventFromSentence,
} from '.';

let db: CasebookDB;
let caseFile: CaseFile;
withCase((fresh) => ({ db, caseFile } = fresh));

const TEXT = 'Divers searched the hull on Tuesday. Mara Quill and Odo Brandt met in July last year at the quay.';
const SENTENCE = 'Mara Quill and Odo Brandt met in July last year at the quay.';

async function setUp() {
  const document: CaseDocument = await createTextDocument(db, caseFile.id, { title: 'Quay notes', text: TEXT });
  const mara = await createEntity(db, caseFile.id, { name: 'Mara Quill', type: 'person' });
  const odo = await createEntity(db, caseFile.id, { name: 'Odo Brandt', type: 'person' });
  const start = TEXT.indexOf(SENTENCE);
  const sentence = { documentId: document.id, quote: SENTENCE, start, end: start + SENTENCE.length };
  const event = {
    title: 'Mara Quill and Odo Brandt met',
    start: { value: '2020-07', precision: 'month' as const },
    participants: [
      { entityId: mara.id, role: null },
      { entityId: odo.id, role: null },
    ],
  };
  return { document, mara, odo, sentence, event };
}

const counts = async () => ({ excerpts: await db.excerpts.count(), events: await db.events.count(), links: await db.links.count(), history: await db.history.where('caseId').equals(caseFile.id).count() });

describe('makeEventFromSentence', () => {
  it('writes the sentence as an excerpt anchored where it stands and the event with it as evidence and its participants, as one change', async () => {
    const { document, mara, odo, sentence, event } = await setUp();
    const before = await db.history.count();
    const { event: made, excerpt } = await makeEventFromSentence(db, caseFile.id, sentence, event);
    expect(excerpt).toMatchObject({ documentId: document.id, quote: SENTENCE, anchor: { start: sentence.start, end: sentence.end, page: null }, orphaned: false });
    expect(excerpt.anchor!.prefix.endsWith('on Tuesday. ')).toBe(true);
    expect(made).toMatchObject({
      title: 'Mara Quill and Odo Brandt met',
      start: { value: '2020-07', precision: 'month', qualifier: null },
      end: null,
      evidenceIds: [excerpt.id],
      participantIds: [mara.id, odo.id],
    });
    const links = await db.links.where('ends').equals(made.id).toArray();
    expect(links.map((link) => [link.kind, link.to.id]).sort()).toEqual(
      [
        ['evidence', excerpt.id],
        ['involves', mara.id],
        ['involves', odo.id],
      ].sort(),
    );
    const history = await db.history.where('caseId').equals(caseFile.id).toArray();
    expect(history).toHaveLength(before + 1);
    expect(history.at(-1)!.summary).toBe('Added event “Mara Quill and Odo Brandt met” from a date in “Quay notes”, its sentence as evidence');

    // The panel then shows the sentence as made into that event.
    const context = await dateSuggestionsContext(db, caseFile.id, document.id);
    expect(context.events).toEqual([{ eventId: made.id, title: made.title, anchor: expect.objectContaining({ start: sentence.start, end: sentence.end }), quote: SENTENCE }]);
    expect(context.excerpts).toEqual([{ id: excerpt.id, start: sentence.start, end: sentence.end }]);
  });

  it('uses the excerpt that already quotes exactly that sentence there', async () => {
    const { document, sentence, event } = await setUp();
    const quoted = await createExcerpt(db, caseFile.id, { documentId: document.id, quote: SENTENCE });
    const { excerpt } = await makeEventFromSentence(db, caseFile.id, sentence, event);
    expect(excerpt.id).toBe(quoted.id);
    expect(await db.excerpts.count()).toBe(1);
  });

  it('keeps nothing when the event is refused or the text has changed under the sentence', async () => {
    const { sentence, event, odo } = await setUp();
    const before = await counts();
    await db.entities.delete(odo.id);
    const refused = await rejection(makeEventFromSentence(db, caseFile.id, sentence, event), ValidationError);
    expect(refused.issues[0]!.message).toMatch(/A participant chosen is not in this case any more/);
    expect(await counts()).toEqual(before);

    const moved = await rejection(makeEventFromSentence(db, caseFile.id, { ...sentence, start: sentence.start - 1, end: sentence.end - 1 }, { ...event, participants: [] }), ValidationError);
    expect(moved.issues[0]!.message).toMatch(/The quote is not at the marked place in “Quay notes”/);
    expect(await counts()).toEqual(before);

    const other = await createCase(db, { name: 'Another case' });
    await rejection(makeEventFromSentence(db, other.id, sentence, { ...event, participants: [] }), NotFoundError);
    expect(await counts()).toEqual(before);
  });
});

describe('dismissDateSuggestion', () => {
  it('remembers a date dismissed in its document, once, apart from the names dismissed', async () => {
    const { document } = await setUp();
    const dismissal = { documentId: document.id, words: 'Tuesday', sentence: 'Divers searched the hull on Tuesday.' };
    const first = await dismissDateSuggestion(db, caseFile.id, dismissal);
    const historyAfter = await db.history.count();
    expect(await dismissDateSuggestion(db, caseFile.id, dismissal)).toEqual(first);
    expect(await db.history.count()).toBe(historyAfter);
    expect(first.type).toBe(DATE_SUGGESTION_TYPE);

    const other = await createTextDocument(db, caseFile.id, { title: 'Other notes', text: `${TEXT} More.` });
    expect((await dateSuggestionsContext(db, caseFile.id, document.id)).dismissedKeys).toEqual(new Set([first.key]));
    expect((await dateSuggestionsContext(db, caseFile.id, other.id)).dismissedKeys.size).toBe(0);

    // The entity suggester sees only the names dismissed.
    await dismissSuggestion(db, caseFile.id, { name: 'Odo Brandt', type: 'person' });
    expect((await dismissedSuggestionsOf(db, caseFile.id)).map((row) => row.name)).toEqual(['Odo Brandt']);
  });

  it('refuses a document of another case', async () => {
    const { document } = await setUp();
    const other = await createCase(db, { name: 'Another case' });
    await rejection(dismissDateSuggestion(db, other.id, { documentId: document.id, words: 'Tuesday', sentence: 'On Tuesday.' }), NotFoundError);
    expect(await db.dismissedSuggestions.count()).toBe(0);
  });
});
