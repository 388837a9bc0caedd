import { describe, expect, it } from 'vitest';
import { NO_LANE, visItemOf, visItems } from './visItems';
import { date, item } from './testItems';

describe('visItemOf', () => {
  it('names the precision and qualifiers in the classes, and fades the hedged edge by its share of the width', () => {
    const about = visItemOf({ ...item('e', date('2019', 'about')), start: date('2019', 'about') });
    expect(about.type).toBe('range');
    expect(about.className.split(' ')).toEqual(expect.arrayContaining(['tl-precision-year', 'tl-about', 'tl-fade-start', 'tl-fade-end']));
    expect(about.style).toMatch(/--tl-fade-start: 33\.\d%; --tl-fade-end: 33\.\d%/);
    const before = visItemOf({ ...item('e', date('2021-03', 'before')), start: date('2021-03', 'before') });
    expect(before.className.split(' ')).toEqual(expect.arrayContaining(['tl-precision-month', 'tl-before', 'tl-open-start']));
    expect(before.style).toBe('--tl-fade-start: 100%');
    const minute = visItemOf({ ...item('e', date('2021-03-09T06:00')), start: date('2021-03-09T06:00') });
    expect(minute).toMatchObject({ type: 'point', className: 'tl-precision-minute' });
  });
});

describe('visItems', () => {
  const data = {
    names: { p1: 'Zed', p2: 'Anna' },
    items: [
      item('both', date('2020'), { lanes: { participants: ['p1', 'p2'], place: null, tags: [], documents: [] } }),
      item('nobody', date('2021')),
      item('undated', null, { lanes: { participants: ['p1'], place: null, tags: [], documents: [] } }),
    ],
  };

  it('draws an event once in each of its lanes, the lanes by name and the lane for none last; undated left out', () => {
    const { items, groups } = visItems(data, data.items, 'participants');
    expect(groups!.map((group) => group.content)).toEqual(['Anna', 'Zed', 'No participant']);
    expect(items.map((drawn) => [drawn.eventId, drawn.group])).toEqual([
      ['both', 'p1'],
      ['both', 'p2'],
      ['nobody', NO_LANE],
    ]);
    expect(new Set(items.map((drawn) => drawn.id)).size).toBe(3);
  });

  it('draws every dated event once without lanes', () => {
    const { items, groups } = visItems(data, data.items, null);
    expect(groups).toBeNull();
    expect(items.map((drawn) => drawn.id)).toEqual(['both', 'nobody']);
  });
});
