import { describe, expect, it } from 'vitest';
import type { EventDate, PartialDate } from '../../../shared/domain';
import { precisionOf } from '../../../shared/partialDate';
import { inRange, rangeWords, relationshipInRange, windowOfDates, type RangeEvent, type RangeRelationship } from './inRange';
import { date } from './testItems';

const at = (iso: string) => Date.parse(`${iso}Z`);
/** 15 September 2020 to 24 April 2021, both days included. */
const RANGE = { start: at('2020-09-15T00:00'), end: at('2021-04-25T00:00') };

function event(id: string, start: EventDate | null, extra: Partial<RangeEvent> = {}): RangeEvent {
  return { id, start, end: null, participants: [], placeId: null, evidenceIds: [], ...extra };
}
const partial = (value: string): PartialDate => ({ value, precision: precisionOf(value)! });
function relationship(id: string, start: string | null, end: string | null, extra: Partial<RangeRelationship> = {}): RangeRelationship {
  return { id, from: `${id}-from`, to: `${id}-to`, start: start ? partial(start) : null, end: end ? partial(end) : null, excerptIds: [], ...extra };
}
const eventsIn = (events: RangeEvent[]) => [...inRange({ events, relationships: [] }, RANGE).events];

describe('events in a range', () => {
  it('keeps a month-precision event whose month the range starts in, mid-month', () => {
    // September 2020 covers 1–30 September: the range, from the 15th, meets it.
    expect(eventsIn([event('september', date('2020-09'))])).toEqual(['september']);
  });

  it('leaves out a month that ends before the range starts, and a day just after it ends', () => {
    expect(eventsIn([event('august', date('2020-08')), event('day-after', date('2021-04-25')), event('last-day', date('2021-04-24'))])).toEqual([
      'last-day',
    ]);
  });

  it('keeps a range event that only straddles the range, and one that wholly contains it', () => {
    const straddling = event('straddling', date('2019'), { end: date('2020-09-15') });
    const containing = event('containing', date('2019'), { end: date('2022') });
    const before = event('before', date('2019'), { end: date('2020-09-14') });
    expect(eventsIn([straddling, containing, before])).toEqual(['straddling', 'containing']);
  });

  it('reads "about" as the span it is drawn over, a unit wider each side', () => {
    // About 2019 reaches into 2020, and so into the range; 2019 itself does not.
    expect(eventsIn([event('about', date('2019', 'about')), event('plain', date('2019'))])).toEqual(['about']);
  });

  it('never keeps an undated event', () => {
    expect(eventsIn([event('undated', null)])).toEqual([]);
  });
});

describe('relationships in a range', () => {
  it('covers from the start of its start to the end of its end', () => {
    expect(relationshipInRange(relationship('r', '2018', '2020-09'), RANGE)).toBe(true);
    expect(relationshipInRange(relationship('r', '2018', '2020-08'), RANGE)).toBe(false);
  });

  it('reads a start alone as ongoing and an end alone as having held until then', () => {
    expect(relationshipInRange(relationship('r', '2015', null), RANGE)).toBe(true);
    expect(relationshipInRange(relationship('r', '2021-05', null), RANGE)).toBe(false);
    expect(relationshipInRange(relationship('r', null, '2020-09-15'), RANGE)).toBe(true);
    expect(relationshipInRange(relationship('r', null, '2020-09-14'), RANGE)).toBe(false);
  });

  it('never keeps an undated relationship', () => {
    expect(relationshipInRange(relationship('r', null, null), RANGE)).toBe(false);
  });
});

describe('what follows from the events and relationships in a range', () => {
  it('keeps the participants, places and evidence of events in the range, and the ends and support of its relationships', () => {
    const records = {
      events: [
        event('in', date('2020-10-03'), { participants: [{ entityId: 'venn' }], placeId: 'quay', evidenceIds: ['quote-1'] }),
        event('out', date('2022'), { participants: [{ entityId: 'marlow' }], evidenceIds: ['quote-2'] }),
        event('undated', null, { participants: [{ entityId: 'ortega' }], evidenceIds: ['quote-3'] }),
      ],
      relationships: [
        relationship('works-for', '2020', null, { from: 'venn', to: 'firm', excerptIds: ['quote-4'] }),
        relationship('undated', null, null, { from: 'venn', to: 'marlow', excerptIds: ['quote-5'] }),
      ],
    };
    const found = inRange(records, RANGE);
    expect([...found.events]).toEqual(['in']);
    expect([...found.entities].sort()).toEqual(['firm', 'quay', 'venn']);
    expect([...found.excerpts].sort()).toEqual(['quote-1', 'quote-4']);
    expect([...found.relationships]).toEqual(['works-for']);
  });
});

describe('a range typed as dates', () => {
  it('covers the typed dates as precisely as they were typed, and says its first and last days', () => {
    const range = windowOfDates(date('2020-09'), date('2021-04'));
    expect(range).toEqual({ start: at('2020-09-01T00:00'), end: at('2021-05-01T00:00') });
    expect(rangeWords(range)).toEqual({ from: '1 September 2020', to: '30 April 2021' });
    expect(rangeWords(RANGE)).toEqual({ from: '15 September 2020', to: '24 April 2021' });
  });
});
