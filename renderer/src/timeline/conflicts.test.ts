import { describe, expect, it } from 'vitest';
import type { DateQualifier, EventDate } from '../../../shared/domain';
import { precisionOf } from '../../../shared/partialDate';
import { findDates } from '../dates/find';
import type { FoundDate } from '../dates/types';
import { datesAgree, excerptsToCheck, findConflicts, type CheckedEvent } from './conflicts';

const date = (value: string, qualifier: DateQualifier | null = null): EventDate => ({ value, precision: precisionOf(value)!, qualifier });
const on = (start: string, end: string | null = null, qualifier: DateQualifier | null = null) => ({
  start: date(start, qualifier),
  end: end ? date(end) : null,
});

let count = 0;
function event(title: string, when: { start: EventDate; end: EventDate | null } | null, fields: Partial<CheckedEvent> = {}): CheckedEvent {
  return { id: `e${++count}`, title, start: when?.start ?? null, end: when?.end ?? null, sameAs: null, evidenceIds: [], ...fields };
}

/** The dates a quote names, read as the app reads them, against its document's published date. */
const datesIn = (quote: string, published: string | null = null): FoundDate[] =>
  findDates(quote, { language: 'en', reference: published ? { value: published, precision: precisionOf(published)! } : null });

describe('datesAgree', () => {
  it.each([
    ['a month and a day in it', on('2021-03'), on('2021-03-09'), true],
    ['a year and a month in it', on('2021'), on('2021-11'), true],
    ['two days', on('2021-03-09'), on('2021-03-10'), false],
    ['a month and a day of the next one', on('2021-03'), on('2021-04-01'), false],
    ['a day and the same day at a time', on('2021-03-09'), on('2021-03-09T06:00'), true],
    ['a range and a month inside it', on('2020-09-15', '2021-04-24'), on('2021-03'), true],
    ['a range and a day after it', on('2020-09-15', '2021-04-24'), on('2021-04-25'), false],
    ['about a year and the next year', on('2019', null, 'about'), on('2020'), true],
    ['about a year and two years on', on('2019', null, 'about'), on('2021'), false],
    ['before a month and a year earlier', on('2021-03', null, 'before'), on('2015'), true],
    ['before a month and a later day', on('2021-03', null, 'before'), on('2021-03-20'), false],
    ['after a year and ten years on', on('2019', null, 'after'), on('2029-06'), true],
  ])('%s: %s', (_what, a, b, agree) => {
    expect(datesAgree(a, b)).toBe(agree);
    expect(datesAgree(b, a)).toBe(agree);
  });
});

describe('findConflicts: events marked as the same happening', () => {
  it('lists a group whose dates do not meet, with its dated events, and leaves out its undated ones', () => {
    const gazette = event('Raid (Gazette)', on('2021-03-09'));
    const herald = event('Raid (Herald)', on('2021-04'), { sameAs: gazette.id });
    const wire = event('Raid (wire)', null, { sameAs: gazette.id });
    gazette.sameAs = gazette.id;
    const conflicts = findConflicts([gazette, herald, wire], new Map());
    expect(conflicts).toEqual([{ kind: 'same-happening', key: gazette.id, events: [gazette, herald] }]);
  });

  it('lists no group whose dates agree at their precisions', () => {
    const gazette = event('Raid (Gazette)', on('2021-03-09'));
    gazette.sameAs = gazette.id;
    const herald = event('Raid (Herald)', on('2021-03'), { sameAs: gazette.id });
    const annual = event('Raid (annual report)', on('2021'), { sameAs: gazette.id });
    expect(findConflicts([annual, gazette, herald], new Map())).toEqual([]);
  });

  it('lists a group where only two of its dates disagree, though each meets a third', () => {
    const annual = event('Raid (annual report)', on('2021'));
    annual.sameAs = annual.id;
    const gazette = event('Raid (Gazette)', on('2021-03'), { sameAs: annual.id });
    const herald = event('Raid (Herald)', on('2021-04'), { sameAs: annual.id });
    expect(findConflicts([annual, gazette, herald], new Map()).map((conflict) => conflict.kind)).toEqual(['same-happening']);
  });

  it('ignores a group of which only one event is dated', () => {
    const gazette = event('Raid (Gazette)', on('2021-03-09'));
    gazette.sameAs = gazette.id;
    const wire = event('Raid (wire)', null, { sameAs: gazette.id });
    expect(findConflicts([gazette, wire], new Map())).toEqual([]);
  });
});

describe('findConflicts: evidence whose dates disagree with the event’s', () => {
  const excerpts = new Map<string, FoundDate[]>([
    ['docked-2019', datesIn('The ship docked in July 2019 at the Marlow Quay.')],
    ['raided-tuesday', datesIn('On Tuesday, police raided the warehouse.', '2021-03-09')],
    ['raided-this-year', datesIn('Police raided the warehouse earlier this year.', '2021-05-01')],
    ['no-date', datesIn('The ship docked at the quay.')],
    ['relative-unknown', datesIn('On Tuesday, police raided the warehouse.')],
    ['both', datesIn('On 9 March 2021 police said the inquiry began in July 2019.')],
  ]);

  it('lists an excerpt whose date does not meet the event’s, with the dates it names', () => {
    const docked = event('Ship docks', on('2020'), { evidenceIds: ['docked-2019', 'no-date'] });
    const conflicts = findConflicts([docked], excerpts);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'evidence', event: docked, excerptId: 'docked-2019' });
    const [found] = conflicts[0]!.kind === 'evidence' ? conflicts[0]!.dates : [];
    expect(found).toMatchObject({ text: 'July 2019', resolved: { start: { value: '2019-07', precision: 'month' } } });
  });

  it('reads relative words against the document’s date: “Tuesday” in an article of 9 March 2021 agrees with that day', () => {
    expect(findConflicts([event('Raid', on('2021-03-09'), { evidenceIds: ['raided-tuesday'] })], excerpts)).toEqual([]);
    expect(findConflicts([event('Raid', on('2021-03-10'), { evidenceIds: ['raided-tuesday'] })], excerpts)).toHaveLength(1);
    expect(findConflicts([event('Raid', on('2021-04'), { evidenceIds: ['raided-this-year'] })], excerpts)).toEqual([]);
  });

  it('ignores an excerpt with no date, one whose date is relative to an unknown one, and an excerpt not read', () => {
    const raid = event('Raid', on('2018'), { evidenceIds: ['no-date', 'relative-unknown', 'not-read'] });
    expect(findConflicts([raid], excerpts)).toEqual([]);
  });

  it('takes an excerpt naming the event’s date among others as agreeing', () => {
    expect(findConflicts([event('Raid', on('2021-03-09'), { evidenceIds: ['both'] })], excerpts)).toEqual([]);
  });

  it('ignores an undated event’s evidence, and checks a range against its whole span', () => {
    expect(findConflicts([event('Docking', null, { evidenceIds: ['docked-2019'] })], excerpts)).toEqual([]);
    expect(findConflicts([event('Voyage', on('2019-06', '2019-08'), { evidenceIds: ['docked-2019'] })], excerpts)).toEqual([]);
    expect(findConflicts([event('Voyage', on('2019-08', '2019-09'), { evidenceIds: ['docked-2019'] })], excerpts)).toHaveLength(1);
  });

  it('asks to read only the evidence of dated events', () => {
    const events = [event('Docking', null, { evidenceIds: ['a'] }), event('Raid', on('2021'), { evidenceIds: ['b', 'c'] }), event('Raid 2', on('2021'), { evidenceIds: ['b'] })];
    expect(excerptsToCheck(events)).toEqual(['b', 'c']);
  });
});
