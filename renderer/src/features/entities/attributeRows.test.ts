import { describe, expect, it } from 'vitest';
import { attributeInputsOf, attributeRowsOf, dateRangeText, issuesNamingRows, type AttributeRow } from './attributeRows';

const row = (key: string, value: string, start = '', end = '', id?: string): AttributeRow => ({ ...(id && { id }), key, value, start, end });

describe('attribute rows', () => {
  it('read dates as typed at their precision, keep ids, and leave out rows left empty', () => {
    const rows = [row('Role', 'Director', '2021-03', '2023', 'a1'), row('', ''), row('Address', 'Marlow Quay', '', '2022-03-09 06:00')];
    expect(attributeInputsOf(rows)).toEqual([
      { id: 'a1', key: 'Role', value: 'Director', start: { value: '2021-03', precision: 'month' }, end: { value: '2023', precision: 'year' } },
      { key: 'Address', value: 'Marlow Quay', start: null, end: { value: '2022-03-09T06:00', precision: 'minute' } },
    ]);
  });

  it('pass an unreadable date on as typed, for the domain to refuse with its message', () => {
    expect(attributeInputsOf([row('Role', 'Director', 'March 21')])[0]!.start).toEqual({ value: 'March 21', precision: 'day' });
  });

  it('come back from stored attributes as the form shows them', () => {
    const stored = [{ id: 'a1', key: 'Role', value: 'Director', start: { value: '2021-03-09T06:00', precision: 'minute' as const }, end: null }];
    expect(attributeRowsOf(stored)).toEqual([{ id: 'a1', key: 'Role', value: 'Director', start: '2021-03-09 06:00', end: '' }]);
  });

  it('name the row a refusal is about by its place in the form (empty rows counted) and its key', () => {
    const rows = [row('Role', 'Director'), row('', ''), row('Address', 'Quay', '2022', '2020')];
    expect(
      issuesNamingRows(
        [
          { field: 'attributes.1.end', message: 'The end date is before the start date.' },
          { field: 'name', message: 'Name it.' },
        ],
        rows,
      ),
    ).toEqual([
      { field: 'attributes', message: 'Attribute 3 (“Address”), to: The end date is before the start date.' },
      { field: 'name', message: 'Name it.' },
    ]);
  });
});

describe('dateRangeText', () => {
  const year = (value: string) => ({ value, precision: 'year' as const });
  it('reads a range only as precisely as it is known', () => {
    expect(dateRangeText({ value: '2021-03', precision: 'month' }, year('2023'))).toBe('March 2021 – 2023');
    expect(dateRangeText(year('2021'), null)).toBe('from 2021');
    expect(dateRangeText(null, year('2021'))).toBe('until 2021');
    expect(dateRangeText(year('2021'), year('2021'))).toBe('2021');
    expect(dateRangeText(null, null)).toBe('');
  });
});
