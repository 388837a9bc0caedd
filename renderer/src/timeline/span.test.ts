import { describe, expect, it } from 'vitest';
import { compareEvents } from '../../../shared/eventOrder';
import { chronological, drawnSpan, OPEN_UNITS, overlaps, spanOf } from './span';
import { date, item } from './testItems';

const at = (iso: string) => Date.parse(`${iso}Z`);

describe('spanOf', () => {
  it('covers the whole year, month, day or minute a date names', () => {
    expect(spanOf(date('2020'))).toEqual({ start: at('2020-01-01T00:00'), end: at('2021-01-01T00:00') });
    expect(spanOf(date('2021-02'))).toEqual({ start: at('2021-02-01T00:00'), end: at('2021-03-01T00:00') });
    expect(spanOf(date('2020-12-31'))).toEqual({ start: at('2020-12-31T00:00'), end: at('2021-01-01T00:00') });
    expect(spanOf(date('2021-03-09T23:59'))).toEqual({ start: at('2021-03-09T23:59'), end: at('2021-03-10T00:00') });
  });

  it('reads years before 100 as themselves, not as 19xx', () => {
    expect(new Date(spanOf(date('0079')).start).getUTCFullYear()).toBe(79);
  });
});

describe('drawnSpan', () => {
  it('draws a plain date as exactly what it covers, all of it solid', () => {
    const span = drawnSpan(date('2020-07'));
    expect(span).toMatchObject({ start: at('2020-07-01T00:00'), end: at('2020-08-01T00:00'), openStart: false, openEnd: false, point: false });
    expect([span.coreStart, span.coreEnd]).toEqual([span.start, span.end]);
  });

  it('widens "about" by one unit of its precision each side, the date itself solid', () => {
    const span = drawnSpan(date('2019', 'about'));
    expect([span.start, span.end]).toEqual([at('2018-01-01T00:00'), at('2021-01-01T00:00')]);
    expect([span.coreStart, span.coreEnd]).toEqual([at('2019-01-01T00:00'), at('2020-01-01T00:00')]);
  });

  it('leaves "before" open towards the past and "after" open towards the future', () => {
    const before = drawnSpan(date('2021-03', 'before'));
    expect(before).toMatchObject({ end: at('2021-03-01T00:00'), start: at(`2020-${String(15 - OPEN_UNITS).padStart(2, '0')}-01T00:00`), openStart: true, openEnd: false });
    const after = drawnSpan(date('2019', 'after'));
    expect(after).toMatchObject({ start: at('2020-01-01T00:00'), end: at(`${2020 + OPEN_UNITS}-01-01T00:00`), openStart: false, openEnd: true });
  });

  it('draws a range from the start of its start to the end of its end, each side hedged on its own', () => {
    const span = drawnSpan(date('2020-09-15', 'about'), date('2021-04'));
    expect(span).toMatchObject({ start: at('2020-09-14T00:00'), coreStart: at('2020-09-15T00:00'), coreEnd: at('2021-05-01T00:00'), end: at('2021-05-01T00:00') });
  });

  it('draws only a single plain date known to the day or the minute as a point', () => {
    expect(drawnSpan(date('2021-03-09T06:00')).point).toBe(true);
    expect(drawnSpan(date('2021-03-09')).point).toBe(true);
    expect(drawnSpan(date('2021-03')).point).toBe(false);
    expect(drawnSpan(date('2021-03-09'), date('2021-03-12')).point).toBe(false);
    expect(drawnSpan(date('2021-03-09T06:00', 'about')).point).toBe(false);
  });
});

describe('chronological', () => {
  it('puts a year before its months and a month before its days, undated last', () => {
    const order = chronological([
      item('day', date('2021-03-09')),
      item('undated', null),
      item('month', date('2020-07')),
      item('year', date('2020')),
      item('minute', date('2021-03-09T06:00')),
    ]).map(({ id }) => id);
    expect(order).toEqual(['year', 'month', 'day', 'minute', 'undated']);
  });

  it('sorts a range by its start and dates alike in the order they were added, the same way every time', () => {
    const items = [
      item('after 2020', date('2020', 'after'), { createdAt: '2026-01-04T00:00:00.000Z' }),
      item('range from 2019', date('2019'), { end: date('2022') }),
      item('b', date('2020'), { createdAt: '2026-01-02T00:00:00.000Z' }),
      item('a', date('2020'), { createdAt: '2026-01-03T00:00:00.000Z' }),
      item('before 2020', date('2020', 'before'), { createdAt: '2026-01-01T00:00:00.000Z' }),
    ];
    // A qualifier does not move a date: "before 2020" sits with 2020, as the stored order keeps it.
    const expected = ['range from 2019', 'before 2020', 'b', 'a', 'after 2020'];
    expect(chronological(items).map(({ id }) => id)).toEqual(expected);
    expect(chronological([...items].reverse()).map(({ id }) => id)).toEqual(expected);
  });

  it('is the order the database keeps the events in', () => {
    const items = [item('day', date('2021-03-09')), item('undated', null), item('month', date('2020-07')), item('year', date('2020'))];
    const stored = [...items].sort((x, y) => compareEvents(x, y)).map(({ id }) => id);
    expect(chronological(items).map(({ id }) => id)).toEqual(stored);
  });
});


describe('overlaps', () => {
  const range = { start: at('2020-06-01T00:00'), end: at('2020-07-01T00:00') };
  it('keeps what the range meets, even a year that only partly falls in it', () => {
    expect(overlaps(item('year', date('2020')), range)).toBe(true);
    expect(overlaps(item('may', date('2020-05')), range)).toBe(false);
    expect(overlaps(item('undated', null), range)).toBe(false);
  });
});
