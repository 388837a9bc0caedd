import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { CaseFile, PartialDate } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { rejection, withCase } from '../../../tests/unit/database';
import { NotFoundError, ValidationError, createCase, createEvent, updateEvent } from '.';

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
    expect(event).toMatchObject({ caseId: caseFile.id, title: 'Charter signed', start, end: null, sortKey });
    expect(await db.events.get(event.id)).toEqual(event);
  });

  it('keeps an end with its own precision', async () => {
    const event = await createEvent(db, caseFile.id, {
      title: 'Voyage',
      start: { value: '2021-03-09T06:00', precision: 'minute' },
      end: { value: '2021-04', precision: 'month' },
    });
    expect(event.end).toEqual({ value: '2021-04', precision: 'month' });
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
    expect(updated.sortKey).toBe('2023-01-00T00:00');
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
