import { describe, expect, it } from 'vitest';
import type { EventDate } from './domain';
import { eventDateText, eventWhen, understoodAs } from './eventDates';
import { compareEvents, eventSortKey } from './eventOrder';
import { dayFirst, eventDateForms, readEventDate, type EventDateReading } from './readEventDate';

const GB = 'en-GB';
const US = 'en-US';

const at = (value: string, precision: EventDate['precision'], qualifier: EventDate['qualifier'] = null): EventDate => ({ value, precision, qualifier });

/** What was read, as the form shows it back, or the refusal. */
const shown = (reading: EventDateReading) => (reading.ok ? understoodAs(reading.start, reading.end) : `refused: ${reading.message}`);

describe('readEventDate', () => {
  it.each([
    ['9 March 2021', at('2021-03-09', 'day')],
    ['March 9, 2021', at('2021-03-09', 'day')],
    ['9th of March 2021', at('2021-03-09', 'day')],
    ['March 2021', at('2021-03', 'month')],
    ['Sept 2020', at('2020-09', 'month')],
    ['2019', at('2019', 'year')],
    ['2020-07', at('2020-07', 'month')],
    ['2021-03-09', at('2021-03-09', 'day')],
    ['2021-03-09 06:00', at('2021-03-09T06:00', 'minute')],
    ['9 March 2021 06:00', at('2021-03-09T06:00', 'minute')],
    ['9 March 2021, 06:00', at('2021-03-09T06:00', 'minute')],
    ['15/09/2020', at('2020-09-15', 'day')],
    ['15.09.2020', at('2020-09-15', 'day')],
    ['07/2020', at('2020-07', 'month')],
    ['about 2019', at('2019', 'year', 'about')],
    ['c. 1990', at('1990', 'year', 'about')],
    ['before March 2021', at('2021-03', 'month', 'before')],
    ['after 9 March 2021', at('2021-03-09', 'day', 'after')],
  ])('reads “%s” at its precision (day first, en-GB)', (typed, start) => {
    expect(readEventDate(typed, GB)).toEqual({ ok: true, start, end: null, unusualYears: [] });
  });

  it.each([
    ['de-DE', '9. März 2021', at('2021-03-09', 'day')],
    ['fr-FR', '9 mars 2021', at('2021-03-09', 'day')],
    ['es-ES', '9 de marzo de 2021', at('2021-03-09', 'day')],
    ['nl-NL', '9 maart 2021', at('2021-03-09', 'day')],
    ['pt-PT', '9 de março de 2021', at('2021-03-09', 'day')],
    ['de-DE', 'März 2021', at('2021-03', 'month')],
    ['fr-FR', 'mars 2021', at('2021-03', 'month')],
    ['es-ES', 'marzo de 2021', at('2021-03', 'month')],
  ])('reads month names in the locale’s language (%s: “%s”)', (locale, typed, start) => {
    expect(readEventDate(typed, locale)).toMatchObject({ ok: true, start });
  });

  it('reads numeric dates in the locale’s order, never the other one silently', () => {
    expect(dayFirst(GB)).toBe(true);
    expect(dayFirst(US)).toBe(false);
    expect(readEventDate('09/15/2020', US)).toMatchObject({ ok: true, start: at('2020-09-15', 'day') });
    expect(readEventDate('03/04/2021', US)).toMatchObject({ start: at('2021-03-04', 'day') });
    expect(readEventDate('03/04/2021', GB)).toMatchObject({ start: at('2021-04-03', 'day') });
    expect(shown(readEventDate('15/09/2020', US))).toBe(
      'refused: 15/09/2020 has no month 15 read month first, as dates are written here (en-US). If you meant 15 September 2020, write it so.',
    );
    expect(shown(readEventDate('09/15/2020', GB))).toMatch(/^refused: 09\/15\/2020 has no month 15 read day first/);
  });

  it.each([
    ['between 15 September 2020 and 24 April 2021', 'from 15 September 2020 to 24 April 2021, known to the day'],
    ['from 2019 to March 2021', 'from 2019 (known to the year) to March 2021 (known to the month)'],
    ['2019–2021', 'from 2019 to 2021, known to the year'],
    ['2019-2021', 'from 2019 to 2021, known to the year'],
    ['15/09/2020 - 20/09/2020', 'from 15 September 2020 to 20 September 2020, known to the day'],
    ['about 2019 – before March 2021', 'from about 2019 (known to the year) to before March 2021 (known to the month)'],
  ])('reads the range “%s”, each end with its own precision', (typed, words) => {
    expect(shown(readEventDate(typed, GB))).toBe(words);
  });

  it.each([
    ['9 March 2021', '9 March 2021, known to the day'],
    ['about 2019', 'about 2019, known to the year'],
    ['before March 2021', 'before March 2021, known to the month'],
    ['9 March 2021 06:00', '9 March 2021, 06:00, known to the minute'],
    ['undated', 'undated: listed after the dated events until its date is found'],
    ['', 'undated: listed after the dated events until its date is found'],
  ])('shows “%s” back as understood', (typed, words) => {
    expect(shown(readEventDate(typed, GB))).toBe(words);
  });

  it.each([
    ['31 February 2021', 'There is no 31 February 2021: February 2021 has 28 days.'],
    ['29 February 2021', 'There is no 29 February 2021: February 2021 has 28 days.'],
    ['February 31, 2021', 'There is no 31 February 2021: February 2021 has 28 days.'],
    ['32 March 2021', 'There is no 32 March 2021: March 2021 has 31 days.'],
    ['2021-02-30', 'There is no 30 February 2021: February 2021 has 28 days.'],
    ['31/04/2021', 'There is no 31 April 2021: April 2021 has 30 days.'],
    ['2021-13', 'There is no month 13: months go from 1 to 12.'],
    ['9 March 2021 25:00', '25:00 is not a time of day: hours go from 00 to 23, minutes from 00 to 59.'],
    ['2021-03-09 06:75', '06:75 is not a time of day: hours go from 00 to 23, minutes from 00 to 59.'],
    ['9 March', '“9 March” has no year: write it with its year, such as 9 March 2021.'],
    ['2021 – 2019', 'The end, 2019, is before the start, 2021.'],
    ['between 9 March 2021 and 8 March 2021', 'The end, 8 March 2021, is before the start, 9 March 2021.'],
  ])('refuses “%s” by name', (typed, message) => {
    expect(readEventDate(typed, GB)).toEqual({ ok: false, message });
  });

  it('refuses words that name a date only from when they were said, which would be stored as another day', () => {
    for (const typed of ['last year', 'yesterday', 'today', 'next week'])
      expect(shown(readEventDate(typed, GB))).toMatch(new RegExp(`^refused: “${typed}” names a date only from when it was said`));
  });

  it('reads with the same parsers and additions as the dates found in documents (Polish months, German months alone)', () => {
    expect(readEventDate('3 października 2022', GB)).toMatchObject({ ok: true, start: at('2022-10-03', 'day') });
    expect(readEventDate('Juli 2020', 'de-AT')).toMatchObject({ ok: true, start: at('2020-07', 'month') });
  });

  it('leap years have their 29 February', () => {
    expect(readEventDate('29 February 2020', GB)).toMatchObject({ ok: true, start: at('2020-02-29', 'day') });
  });

  it('says the same forms in its refusal as in the hint, in the locale’s order', () => {
    expect(readEventDate('next spring-ish', GB)).toEqual({ ok: false, message: `Cannot read “next spring-ish” as a date. Write it as ${eventDateForms(GB)}.` });
    expect(eventDateForms(GB)).toContain('15/09/2020');
    expect(eventDateForms(US)).toContain('09/15/2020');
  });

  it('lists years outside 1000..2200 to be confirmed', () => {
    expect(readEventDate('3021', GB)).toMatchObject({ ok: true, unusualYears: [3021] });
    expect(readEventDate('0950 – 2021', GB)).toMatchObject({ ok: true, unusualYears: [950] });
    expect(readEventDate('2200', GB)).toMatchObject({ unusualYears: [] });
  });

  it('reads back what the field shows for a stored date', () => {
    for (const typed of ['9 March 2021 06:00', 'about 2019', 'between 15 September 2020 and 24 April 2021', 'before March 2021 – 2022']) {
      const first = readEventDate(typed, GB);
      if (!first.ok) throw new Error(first.message);
      const again = readEventDate(eventDateText(first.start, first.end), GB);
      expect(again).toEqual(first);
    }
  });
});

describe('event order', () => {
  const event = (id: string, start: EventDate | null, createdAt = '2026-01-01T00:00:00.000Z') => ({ id, start, createdAt });

  it('puts a year before its months, a month before its days, ranges by their start and undated last', () => {
    const events = [
      event('undated', null),
      event('9 March 2021', at('2021-03-09', 'day')),
      event('July 2020', at('2020-07', 'month')),
      event('2020', at('2020', 'year')),
      event('January 2020', at('2020-01', 'month')),
      event('about 2019', at('2019', 'year', 'about')),
      event('9 March 2021, 06:00', at('2021-03-09T06:00', 'minute')),
      event('2021', at('2021', 'year')),
    ];
    expect([...events].sort(compareEvents).map((e) => e.id)).toEqual([
      'about 2019',
      '2020',
      'January 2020',
      'July 2020',
      '2021',
      '9 March 2021',
      '9 March 2021, 06:00',
      'undated',
    ]);
  });

  it('keeps ties in the order the events were added, as the index does', () => {
    const later = event('a', at('2020', 'year'), '2026-01-02T00:00:00.000Z');
    const earlier = event('b', at('2020', 'year'), '2026-01-01T00:00:00.000Z');
    expect([later, earlier].sort(compareEvents).map((e) => e.id)).toEqual(['b', 'a']);
    expect(eventSortKey(earlier.start, earlier.createdAt) < eventSortKey(later.start, later.createdAt)).toBe(true);
    expect(eventSortKey(null, earlier.createdAt) > eventSortKey(at('2200-12-31T23:59', 'minute'), later.createdAt)).toBe(true);
  });

  it('writes an event’s date for lists at its precision', () => {
    expect(eventWhen({ start: at('2019', 'year', 'about'), end: null })).toBe('about 2019');
    expect(eventWhen({ start: at('2020-09-15', 'day'), end: at('2021-04', 'month') })).toBe('15 September 2020 – April 2021');
    expect(eventWhen({ start: null, end: null })).toBe('Undated');
  });
});
