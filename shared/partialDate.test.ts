import { describe, expect, it } from 'vitest';
import { formatPartialDate, latestKeyOf, parsePartialDate, precisionOf, sortKeyOf } from './partialDate';

describe('partial dates read, shown and sorted by one module', () => {
  it('reads what a researcher types, with its precision, and nothing else', () => {
    expect(parsePartialDate(' 2021 ')).toEqual({ value: '2021', precision: 'year' });
    expect(parsePartialDate('2021-03')).toEqual({ value: '2021-03', precision: 'month' });
    expect(parsePartialDate('2021-03-09')).toEqual({ value: '2021-03-09', precision: 'day' });
    expect(parsePartialDate('2021-03-09 06:00')).toEqual({ value: '2021-03-09T06:00', precision: 'minute' });
    expect(parsePartialDate('9 March 2021')).toBeNull();
    expect(parsePartialDate('')).toBeNull();
  });

  it('tells the precision of a stored value by its shape', () => {
    expect(precisionOf('2021-03')).toBe('month');
    expect(precisionOf('2021-03-09T06:00')).toBe('minute');
    expect(precisionOf('2021-3')).toBeNull();
  });

  it('shows a date only as precisely as it is known', () => {
    expect(formatPartialDate({ value: '2021', precision: 'year' })).toBe('2021');
    expect(formatPartialDate({ value: '2021-03', precision: 'month' })).toBe('March 2021');
    expect(formatPartialDate({ value: '2021-03-09', precision: 'day' })).toBe('9 March 2021');
    expect(formatPartialDate({ value: '2021-03-09T06:00', precision: 'minute' })).toBe('9 March 2021, 06:00');
  });

  it('sorts a vaguer date before the precise ones it contains, and its latest key after them', () => {
    const month = { value: '2021-03', precision: 'month' } as const;
    const day = { value: '2021-03-31', precision: 'day' } as const;
    expect(sortKeyOf(month) < sortKeyOf(day)).toBe(true);
    expect(latestKeyOf(month) > sortKeyOf(day)).toBe(true);
  });
});
