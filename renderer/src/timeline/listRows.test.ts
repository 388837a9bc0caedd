import { describe, expect, it } from 'vitest';
import { headingAbove, listRows } from './listRows';
import { date, item } from './testItems';

describe('listRows', () => {
  it('groups events by year and month, a year-only event under its year ahead of the months, undated last', () => {
    const rows = listRows([
      item('March', date('2021-03-09')),
      item('nobody knows', null),
      item('July', date('2020-07')),
      item('All year', date('2020')),
      item('Also July', date('2020-07-20', 'about')),
    ]);
    expect(rows.map((row) => (row.kind === 'heading' ? `# ${row.label} (${row.count})` : row.item.title))).toEqual([
      '# 2020 (3)',
      'All year',
      '# July 2020 (2)',
      'July',
      'Also July',
      '# 2021 (1)',
      '# March 2021 (1)',
      'March',
      '# Undated (1)',
      'nobody knows',
    ]);
    expect(headingAbove(rows, 4)).toBe(2);
    expect(headingAbove(rows, 1)).toBe(0);
  });
});
