import { describe, expect, it } from 'vitest';
import { findDatesInText, isoDate, isPlausibleDate, parseDateValue, parsePdfDate } from './dates';

const isos = (text: string, monthFirst = false) => findDatesInText(text, { monthFirst }).map((date) => date.iso);

describe('dates', () => {
  it('reads the formats pages write', () => {
    expect(isos('Published 14 March 2023')).toEqual(['2023-03-14']);
    expect(isos('Published 14th Mar. 2023 at 10:00')).toEqual(['2023-03-14']);
    expect(isos('March 14, 2023 · 5 min read')).toEqual(['2023-03-14']);
    expect(isos('Posted 2021-03-10T08:00:00Z')).toEqual(['2021-03-10']);
    expect(isos('2023年5月20日 08:00')).toEqual(['2023-05-20']);
    expect(isos('8 de junio de 2022')).toEqual(['2022-06-08']);
    expect(isos('Łódź, 3 października 2022 r.')).toEqual(['2022-10-03']);
    // French writes "2 août" (no full stop after the day, as German has it); chrono reads it as French writes it.
    expect(isos('14. März 2023 und 2 août 2021')).toEqual(['2023-03-14', '2021-08-02']);
  });

  it('reads numeric dates day first, month first on US pages, and flags the ambiguous ones', () => {
    expect(findDatesInText('Published 10/03/2021')).toEqual([{ iso: '2021-03-10', index: 10, length: 10, ambiguous: true }]);
    expect(isos('Published 10/03/2021', true)).toEqual(['2021-10-03']);
    expect(findDatesInText('Published 25.12.2021')[0]).toMatchObject({ iso: '2021-12-25', ambiguous: false });
    expect(isos('12/25/2021')).toEqual(['2021-12-25']);
  });

  it('ignores what is not a calendar day', () => {
    expect(isos('31 February 2023, 2023-13-01, 45/03/2021, maybe 10 days in 2023, version 1.2.3')).toEqual([]);
    expect(isoDate(2023, 2, 29)).toBeNull();
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
  });

  it('reads metadata values, keeping absurd years to be judged', () => {
    expect(parseDateValue('2022-06-08T09:30:00+02:00')).toBe('2022-06-08');
    expect(parseDateValue('0001-01-01T00:00:00')).toBe('0001-01-01');
    expect(parseDateValue('20230314')).toBe('2023-03-14');
    expect(parseDateValue('Tue, 14 Mar 2023 10:00:00 GMT')).toBe('2023-03-14');
    expect(parseDateValue('soon')).toBeNull();
  });

  it('reads PDF dates', () => {
    expect(parsePdfDate("D:20230314103000+01'00'")).toBe('2023-03-14');
    expect(parsePdfDate('D:2021')).toBe('2021-01-01');
    expect(parsePdfDate('yesterday')).toBeNull();
  });

  it('judges plausibility: not before 1900, not more than a year ahead', () => {
    const now = new Date('2024-06-01T00:00:00Z');
    expect(isPlausibleDate('0001-01-01', now)).toBe(false);
    expect(isPlausibleDate('1899-12-31', now)).toBe(false);
    expect(isPlausibleDate('1900-01-01', now)).toBe(true);
    expect(isPlausibleDate('2025-05-31', now)).toBe(true);
    expect(isPlausibleDate('2031-01-01', now)).toBe(false);
  });
});
