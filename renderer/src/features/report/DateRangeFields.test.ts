import { describe, expect, it } from 'vitest';
import { readRangeEnd } from './DateRangeFields';

describe('an end of the report’s date range, typed', () => {
  it('is stored as precisely as typed, to the day at most, and said back in words', () => {
    expect(readRangeEnd('March 2021', 'from', 'en-GB')).toEqual({ value: '2021-03', words: 'March 2021', error: null });
    expect(readRangeEnd('2019', 'to', 'en-GB')).toEqual({ value: '2019', words: '2019', error: null });
    expect(readRangeEnd('9/3/2021', 'from', 'en-GB')).toMatchObject({ value: '2021-03-09' });
    expect(readRangeEnd('9/3/2021', 'from', 'en-US')).toMatchObject({ value: '2021-09-03' });
    expect(readRangeEnd('9 March 2021 06:00', 'from', 'en-GB')).toMatchObject({ value: '2021-03-09', words: '9 March 2021' });
  });

  it('takes the start of a range typed at “from” and its end at “until”', () => {
    expect(readRangeEnd('2019–2021', 'from', 'en-GB').value).toBe('2019');
    expect(readRangeEnd('2019–2021', 'to', 'en-GB').value).toBe('2021');
  });

  it('is no limit when empty, and refused by name when it cannot be a date', () => {
    expect(readRangeEnd('  ', 'from', 'en-GB')).toEqual({ value: null, words: null, error: null });
    expect(readRangeEnd('31 February 2021', 'from', 'en-GB').error).toMatch(/31 February 2021/);
    expect(readRangeEnd('undated', 'to', 'en-GB').error).toMatch(/leave it empty/);
  });
});
