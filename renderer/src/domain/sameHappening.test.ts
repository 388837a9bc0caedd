import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseFile, TimelineEvent } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { rejection, withCase } from '../../../tests/unit/database';
import { ValidationError, createCase, createEvent, deleteRecord, markSameHappening, separateSameHappening, updateEvent } from '.';

let db: CasebookDB;
let caseFile: CaseFile;
withCase((fresh) => ({ db, caseFile } = fresh));

let gazette: TimelineEvent;
let herald: TimelineEvent;
let wire: TimelineEvent;
beforeEach(async () => {
  gazette = await createEvent(db, caseFile.id, { title: 'Raid (Gazette)', start: { value: '2021-03-09', precision: 'day' } });
  herald = await createEvent(db, caseFile.id, { title: 'Raid (Herald)', start: { value: '2021-04', precision: 'month' } });
  wire = await createEvent(db, caseFile.id, { title: 'Raid (wire)', start: null });
});

/** Each event's group id, by title. */
const groups = async () => Object.fromEntries((await db.events.toArray()).map((event) => [event.title, event.sameAs]));
const historySummaries = async () => (await db.history.where('caseId').equals(caseFile.id).sortBy('seq')).map((entry) => entry.summary);

describe('markSameHappening', () => {
  it('gives both events the chosen one’s id, and records the change in the history', async () => {
    const marked = await markSameHappening(db, herald.id, gazette.id);
    expect(marked.map((event) => event.title).sort()).toEqual(['Raid (Gazette)', 'Raid (Herald)']);
    expect(await groups()).toEqual({ 'Raid (Gazette)': gazette.id, 'Raid (Herald)': gazette.id, 'Raid (wire)': null });
    expect((await historySummaries()).at(-1)).toBe('Marked event “Raid (Herald)” as the same happening as “Raid (Gazette)”');
  });

  it('joins a third event to the group, and two groups into one', async () => {
    await markSameHappening(db, herald.id, gazette.id);
    await markSameHappening(db, wire.id, herald.id);
    expect(await groups()).toEqual({ 'Raid (Gazette)': gazette.id, 'Raid (Herald)': gazette.id, 'Raid (wire)': gazette.id });

    const court = await createEvent(db, caseFile.id, { title: 'Hearing (court)', start: null });
    const press = await createEvent(db, caseFile.id, { title: 'Hearing (press)', start: null });
    await markSameHappening(db, press.id, court.id);
    await markSameHappening(db, court.id, wire.id);
    const after = await groups();
    expect(new Set(Object.values(after))).toEqual(new Set([gazette.id]));
  });

  it('refuses the event itself, one already in its group, and an event of another case, changing nothing', async () => {
    expect((await rejection(markSameHappening(db, gazette.id, gazette.id), ValidationError)).messageFor('sameAs')).toBe(
      'An event cannot be marked as the same happening as itself: choose another event.',
    );
    await markSameHappening(db, herald.id, gazette.id);
    expect((await rejection(markSameHappening(db, gazette.id, herald.id), ValidationError)).messageFor('sameAs')).toBe(
      '“Raid (Gazette)” is already marked as the same happening as “Raid (Herald)”.',
    );
    const other = await createCase(db, { name: 'Another case' });
    const elsewhere = await createEvent(db, other.id, { title: 'Raid elsewhere', start: null });
    expect((await rejection(markSameHappening(db, wire.id, elsewhere.id), ValidationError)).messageFor('sameAs')).toBe(
      '“Raid elsewhere” is an event of another case: only events of the same case can be the same happening.',
    );
    expect((await db.events.get(elsewhere.id))!.sameAs).toBeNull();
    expect((await groups())['Raid (wire)']).toBeNull();
  });
});

describe('separateSameHappening', () => {
  it('takes an event out, and a group of one left is no group', async () => {
    await markSameHappening(db, herald.id, gazette.id);
    await markSameHappening(db, wire.id, gazette.id);
    await separateSameHappening(db, wire.id);
    expect(await groups()).toEqual({ 'Raid (Gazette)': gazette.id, 'Raid (Herald)': gazette.id, 'Raid (wire)': null });
    await separateSameHappening(db, herald.id);
    expect(await groups()).toEqual({ 'Raid (Gazette)': null, 'Raid (Herald)': null, 'Raid (wire)': null });
    expect((await historySummaries()).at(-1)).toBe('Marked event “Raid (Herald)” as not the same happening as the other event any more');
  });

  it('gives the rest a new id when the event whose id they shared leaves, so they can still be edited', async () => {
    await markSameHappening(db, herald.id, gazette.id);
    await markSameHappening(db, wire.id, gazette.id);
    await separateSameHappening(db, gazette.id);
    expect(await groups()).toEqual({ 'Raid (Gazette)': null, 'Raid (Herald)': herald.id, 'Raid (wire)': herald.id });
    const edited = await updateEvent(db, wire.id, { ...(await db.events.get(wire.id))!, title: 'Raid (news wire)' });
    expect(edited.sameAs).toBe(herald.id);
  });

  it('refuses an event in no group', async () => {
    expect((await rejection(separateSameHappening(db, wire.id), ValidationError)).messageFor('sameAs')).toBe(
      '“Raid (wire)” is not marked as the same happening as any other event.',
    );
  });
});

it('keeps the rest of a group together when the event whose id they share is deleted', async () => {
  await markSameHappening(db, herald.id, gazette.id);
  await markSameHappening(db, wire.id, gazette.id);
  await deleteRecord(db, { type: 'event', id: gazette.id });
  expect(await groups()).toEqual({ 'Raid (Herald)': herald.id, 'Raid (wire)': herald.id });
  await deleteRecord(db, { type: 'event', id: wire.id });
  expect(await groups()).toEqual({ 'Raid (Herald)': null });
});
