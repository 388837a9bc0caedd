import { describe, expect, it } from 'vitest';
import { attackFiguresLine } from './attack-figures.mjs';

describe('attackFiguresLine', () => {
  it('adds up each figure over the tests that recorded it, always in the same order', () => {
    expect(
      attackFiguresLine([
        { figure: 'inputs fuzzed', count: 1_050 },
        { figure: 'crash seeds survived', count: 3 },
        { figure: 'crash seeds survived', count: 4 },
        { figure: 'payloads tried', count: 260 },
      ]),
    ).toBe('attack tests: 7 crash seeds survived, 260 payloads tried, 1,050 inputs fuzzed, 0 domain operations checked; nothing lost, nothing run, nothing fetched');
  });
});
