import { describe, expect, it } from 'vitest';
import { caseRangeOf, setCaseRange } from './caseRange';

describe('the case’s time range', () => {
  it('is kept per case until cleared', () => {
    setCaseRange('case-a', { start: 10, end: 20 });
    expect(caseRangeOf('case-a')).toEqual({ start: 10, end: 20 });
    expect(caseRangeOf('case-b')).toBeNull();
    setCaseRange('case-a', null);
    expect(caseRangeOf('case-a')).toBeNull();
  });

  it('refuses a range that ends before it starts, keeping the one it had', () => {
    setCaseRange('case-c', { start: 10, end: 20 });
    expect(() => setCaseRange('case-c', { start: 20, end: 10 })).toThrow('A time range must end after it starts.');
    expect(caseRangeOf('case-c')).toEqual({ start: 10, end: 20 });
  });
});
