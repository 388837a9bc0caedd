import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { CaseFile, PartialDate } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { rejection, withCase } from '../../../tests/unit/database';
import {
  NotFoundError,
  ValidationError,
  createCase,
  createEntity,
  createEvent,
  createExcerpt,
  createTag,
  deleteRecord,
  linkRecords,
  mergeEntities,
  undoMerge,
  unlinkRecords,
  updateEvent,
} from '.';

let db: CasebookDB;
let caseFile: CaseFile;
withCase((fresh) => ({ db, caseFile } = fresh));

/** The case's timeline as the view reads it: by sort key, through the compound index. */
const timeline = async (caseId = caseFile.id) =>
  (
    await db.events.where('[caseId+sortKey]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray()
  ).map((event) => event.title);

describe('createEvent', () => {
  it.each([
    [{ value: '2021', precision: 'year' }, '2021-00-00T00:00'],
    [{ value: '2021-03', precision: 'month' }, '2021-03-00T00:00'],
    [{ value: '2021-03-09', precision: 'day' }, '2021-03-09T00:00'],
    [{ value: '2021-03-09T06:30', precision: 'minute' }, '2021-03-09T06:30'],
  ] as const)('keeps a start known to the %o with its precision', async (start, sortKey) => {
    const event = await createEvent(db, caseFile.id, { title: 'Charter signed', start });
    expect(event).toMatchObject({ caseId: caseFile.id, title: 'Charter signed', start: { ...start, qualifier: null }, end: null });
    expect(event.sortKey).toBe(`${sortKey} ${event.createdAt}`);
    expect(await db.events.get(event.id)).toEqual(event);
  });

  it('keeps an end with its own precision', async () => {
    const event = await createEvent(db, caseFile.id, {
      title: 'Voyage',
      start: { value: '2021-03-09T06:00', precision: 'minute' },
      end: { value: '2021-04', precision: 'month' },
    });
    expect(event.end).toEqual({ value: '2021-04', precision: 'month', qualifier: null });
  });

  it.each([
    [{ value: '2021-02-30', precision: 'day' }, 'no 30 February'],
    [{ value: '2021-13', precision: 'month' }, 'no month 13'],
    [{ value: '2021-04-31', precision: 'day' }, 'no 31 April'],
    [{ value: '2021-03-09T25:00', precision: 'minute' }, 'no hour 25'],
    [{ value: '2021-03', precision: 'day' }, 'value and precision disagree'],
  ] as const)('rejects the start %o (%s) on start.value, and stores nothing', async (start: PartialDate, _why) => {
    const error = await rejection(createEvent(db, caseFile.id, { title: 'Charter signed', start }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).messageFor('start.value')).toMatch(/^Not a valid date/);
    expect(await db.events.count()).toBe(0);
  });

  it('rejects an invalid end on end.value', async () => {
    const error = (await rejection(
      createEvent(db, caseFile.id, {
        title: 'Voyage',
        start: { value: '2021-04-01', precision: 'day' },
        end: { value: '2021-04-31', precision: 'day' },
      }),
    )) as ValidationError;
    expect(error.messageFor('end.value')).toMatch(/^Not a valid date/);
  });

  it('rejects an end before the start on the end field, and stores nothing', async () => {
    const error = (await rejection(
      createEvent(db, caseFile.id, {
        title: 'Voyage',
        start: { value: '2021-03-09', precision: 'day' },
        end: { value: '2021-03-08T23:59', precision: 'minute' },
      }),
    )) as ValidationError;
    expect(error.messageFor('end')).toBe('The end date is before the start date.');
    expect(await db.events.count()).toBe(0);
  });

  it('orders a year before its months, a month before its days, a day before its times', async () => {
    const add = (title: string, start: PartialDate) => createEvent(db, caseFile.id, { title, start });
    // Added out of order, so only the sort key can put them right.
    await add('9 March, 06:00', { value: '2021-03-09T06:00', precision: 'minute' });
    await add('2022', { value: '2022', precision: 'year' });
    await add('9 March', { value: '2021-03-09', precision: 'day' });
    await add('March', { value: '2021-03', precision: 'month' });
    await add('2021', { value: '2021', precision: 'year' });
    await add('1 April', { value: '2021-04-01', precision: 'day' });
    await add('December 2020', { value: '2020-12', precision: 'month' });
    expect(await timeline()).toEqual([
      'December 2020',
      '2021',
      'March',
      '9 March',
      '9 March, 06:00',
      '1 April',
      '2022',
    ]);
  });

  it('keeps each case’s timeline to itself', async () => {
    const other = await createCase(db, { name: 'Airport' });
    await createEvent(db, caseFile.id, { title: 'Ours', start: { value: '2021', precision: 'year' } });
    await createEvent(db, other.id, { title: 'Theirs', start: { value: '2020', precision: 'year' } });
    expect(await timeline()).toEqual(['Ours']);
  });
});

describe('updateEvent', () => {
  it('moves the event on the timeline when its start changes', async () => {
    const first = await createEvent(db, caseFile.id, { title: 'First', start: { value: '2021', precision: 'year' } });
    await createEvent(db, caseFile.id, { title: 'Second', start: { value: '2022', precision: 'year' } });
    const updated = await updateEvent(db, first.id, {
      title: 'First',
      start: { value: '2023-01', precision: 'month' },
    });
    expect(updated.sortKey).toBe(`2023-01-00T00:00 ${first.createdAt}`);
    expect(updated.createdAt).toBe(first.createdAt);
    expect(await timeline()).toEqual(['Second', 'First']);
  });

  it('rejects an end before the start and keeps the stored event', async () => {
    const event = await createEvent(db, caseFile.id, { title: 'E', start: { value: '2021', precision: 'year' } });
    await expect(
      updateEvent(db, event.id, {
        title: 'E',
        start: { value: '2021', precision: 'year' },
        end: { value: '2020', precision: 'year' },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await db.events.get(event.id)).toEqual(event);
  });

  it('fails with NotFoundError for an event that is gone', async () => {
    await expect(
      updateEvent(db, 'no-such-event', { title: 'E', start: { value: '2021', precision: 'year' } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('an event’s place, participants, evidence and standing', () => {
  const setUp = async () => {
    const person = await createEntity(db, caseFile.id, { name: 'Dario Venn', type: 'person' });
    const company = await createEntity(db, caseFile.id, { name: 'Quayline Logistics', type: 'organisation' });
    const quay = await createEntity(db, caseFile.id, { name: 'Marlow Quay', type: 'place' });
    const excerpt = await createExcerpt(db, caseFile.id, { documentId: null, quote: 'Venn was seen at the quay at dawn.' });
    const tag = await createTag(db, caseFile.id, { name: 'Raids' });
    return { person, company, quay, excerpt, tag };
  };
  /** The links the event has, in words: "involves <id>". */
  const linksOf = async (eventId: string) =>
    (await db.links.where('ends').equals(eventId).toArray()).map((link) => `${link.kind} ${link.to.id}`).sort();

  it('keeps them all, with qualified dates, and links its participants, evidence and place for the other views', async () => {
    const { person, company, quay, excerpt, tag } = await setUp();
    const event = await createEvent(db, caseFile.id, {
      title: 'Raid at the quay',
      start: { value: '2020-09-15', precision: 'day', qualifier: 'about' },
      end: { value: '2021-04', precision: 'month', qualifier: 'before' },
      placeId: quay.id,
      participants: [
        { entityId: person.id, role: ' arrested ' },
        { entityId: company.id, role: '' },
        { entityId: person.id, role: 'again' },
      ],
      evidenceIds: [excerpt.id, excerpt.id],
      tags: [tag.id],
      confidence: 'probable',
      status: 'disputed',
    });
    expect(await db.events.get(event.id)).toMatchObject({
      start: { value: '2020-09-15', precision: 'day', qualifier: 'about' },
      end: { value: '2021-04', precision: 'month', qualifier: 'before' },
      placeId: quay.id,
      participants: [
        { entityId: person.id, role: 'arrested' },
        { entityId: company.id, role: null },
      ],
      participantIds: [person.id, company.id],
      evidenceIds: [excerpt.id],
      tags: [tag.id],
      confidence: 'probable',
      status: 'disputed',
      sameAs: null,
    });
    expect(await linksOf(event.id)).toEqual([`evidence ${excerpt.id}`, `involves ${company.id}`, `involves ${person.id}`, `located-in ${quay.id}`].sort());
    expect(await db.events.where('participantIds').equals(company.id).primaryKeys()).toEqual([event.id]);
    expect(await db.events.where('tags').equals(tag.id).primaryKeys()).toEqual([event.id]);
    expect((await db.history.toArray()).at(-1)).toMatchObject({ action: 'create', summary: 'Added event “Raid at the quay”', records: [{ type: 'event', id: event.id }] });
  });

  it('takes the links of those it no longer has away on an edit, and leaves the others', async () => {
    const { person, company, quay, excerpt } = await setUp();
    const event = await createEvent(db, caseFile.id, {
      title: 'Raid', placeId: quay.id, participants: [{ entityId: person.id, role: null }], evidenceIds: [excerpt.id],
    });
    await updateEvent(db, event.id, { title: 'Raid', participants: [{ entityId: company.id, role: 'owner' }] });
    expect(await linksOf(event.id)).toEqual([`involves ${company.id}`]);
    expect((await db.history.toArray()).at(-1)).toMatchObject({ action: 'update', summary: 'Edited event “Raid”' });
  });

  it('follows a link made or removed from the links panel', async () => {
    const { person, quay, excerpt } = await setUp();
    const event = await createEvent(db, caseFile.id, { title: 'Raid' });
    const involves = await linkRecords(db, caseFile.id, { from: { type: 'event', id: event.id }, to: { type: 'entity', id: person.id }, kind: 'involves' });
    await linkRecords(db, caseFile.id, { from: { type: 'event', id: event.id }, to: { type: 'excerpt', id: excerpt.id }, kind: 'evidence' });
    await linkRecords(db, caseFile.id, { from: { type: 'event', id: event.id }, to: { type: 'entity', id: quay.id }, kind: 'located-in' });
    expect(await db.events.get(event.id)).toMatchObject({ participantIds: [person.id], evidenceIds: [excerpt.id], placeId: quay.id });
    await unlinkRecords(db, involves.id);
    expect(await db.events.get(event.id)).toMatchObject({ participants: [], participantIds: [], evidenceIds: [excerpt.id] });
  });

  it('loses a participant, its place or evidence deleted later, and follows a merge and its undoing', async () => {
    const { person, company, quay, excerpt } = await setUp();
    const alias = await createEntity(db, caseFile.id, { name: 'D. Venn', type: 'person' });
    const event = await createEvent(db, caseFile.id, {
      title: 'Raid', placeId: quay.id, participants: [{ entityId: alias.id, role: 'skipper' }, { entityId: company.id, role: null }], evidenceIds: [excerpt.id],
    });
    await mergeEntities(db, person.id, [alias.id]);
    expect(await db.events.get(event.id)).toMatchObject({ participants: [{ entityId: person.id, role: 'skipper' }, { entityId: company.id, role: null }] });
    const merge = (await db.history.toArray()).at(-1)!;
    await undoMerge(db, merge.seq!);
    expect(await db.events.get(event.id)).toMatchObject({ participantIds: [alias.id, company.id] });
    await deleteRecord(db, { type: 'entity', id: company.id });
    await deleteRecord(db, { type: 'entity', id: quay.id });
    await deleteRecord(db, { type: 'excerpt', id: excerpt.id });
    expect(await db.events.get(event.id)).toMatchObject({ participantIds: [alias.id], placeId: null, evidenceIds: [] });
  });

  it('sorts undated events last, a range by its start, and ties in the order they were added', async () => {
    await createEvent(db, caseFile.id, { title: 'Undated' });
    await createEvent(db, caseFile.id, { title: 'Range from 2019', start: { value: '2019', precision: 'year' }, end: { value: '2022', precision: 'year' } });
    await createEvent(db, caseFile.id, { title: 'July 2020, first', start: { value: '2020-07', precision: 'month' } });
    await createEvent(db, caseFile.id, { title: 'July 2020, second', start: { value: '2020-07', precision: 'month', qualifier: 'about' } });
    await createEvent(db, caseFile.id, { title: '2020', start: { value: '2020', precision: 'year' } });
    expect(await timeline()).toEqual(['Range from 2019', '2020', 'July 2020, first', 'July 2020, second', 'Undated']);
  });

  describe('refuses, at the field, and stores nothing', () => {
    const refused = async (input: Parameters<typeof createEvent>[2], field: string) => {
      const error = await rejection(createEvent(db, caseFile.id, input), ValidationError);
      expect(await db.events.count()).toBe(0);
      expect(await db.links.count()).toBe(0);
      return error.messageFor(field);
    };

    it('a place deleted meanwhile, or an entity that is no place', async () => {
      const { person, quay } = await setUp();
      await deleteRecord(db, { type: 'entity', id: quay.id });
      expect(await refused({ title: 'Raid', placeId: quay.id }, 'placeId')).toBe(
        'The place chosen is not in this case any more (deleted in another window?). Choose the place again.',
      );
      expect(await refused({ title: 'Raid', placeId: person.id }, 'placeId')).toBe(
        '“Dario Venn” is not a place entity. Choose a place, or add “Dario Venn” as a participant.',
      );
    });

    it('a participant deleted meanwhile', async () => {
      const { person, company } = await setUp();
      await deleteRecord(db, { type: 'entity', id: company.id });
      expect(
        await refused({ title: 'Raid', participants: [{ entityId: person.id, role: null }, { entityId: company.id, role: 'owner' }] }, 'participants'),
      ).toBe('A participant chosen is not in this case any more (deleted in another window?). Remove it, or choose again.');
    });

    it('evidence from another case, or deleted meanwhile', async () => {
      const { excerpt } = await setUp();
      const other = await createCase(db, { name: 'Airport' });
      const theirs = await createExcerpt(db, other.id, { documentId: null, quote: 'A plane landed.' });
      expect(await refused({ title: 'Raid', evidenceIds: [excerpt.id, theirs.id] }, 'evidenceIds')).toBe(
        'The excerpt “A plane landed.” is from another case: an event’s evidence is its own case’s excerpts.',
      );
      await deleteRecord(db, { type: 'excerpt', id: excerpt.id });
      expect(await refused({ title: 'Raid', evidenceIds: [excerpt.id] }, 'evidenceIds')).toBe(
        'An excerpt chosen as evidence was deleted meanwhile (in another window?). Choose the evidence again.',
      );
    });

    it('an end without a start, a qualifier it does not know, and a year outside 1000..2200 unless confirmed', async () => {
      expect(await refused({ title: 'Raid', end: { value: '2021', precision: 'year' } }, 'end')).toBe(
        'A range needs its start: type the date it began, or only one date.',
      );
      expect(
        await refused({ title: 'Raid', start: { value: '2021', precision: 'year', qualifier: 'roughly' as 'about' } }, 'start.qualifier'),
      ).toBe('A date’s qualifier is one of: about, before, after.');
      expect(await refused({ title: 'Raid', start: { value: '3021', precision: 'year' } }, 'start')).toBe(
        'The year 3021 is outside 1000–2200: check it, or confirm that it is right.',
      );
      const confirmed = await createEvent(db, caseFile.id, { title: 'Raid', start: { value: '0950', precision: 'year' }, confirmUnusualYear: true });
      expect(confirmed.start).toEqual({ value: '0950', precision: 'year', qualifier: null });
      expect(confirmed).not.toHaveProperty('confirmUnusualYear');
    });
  });
});
