import { describe, expect, it } from 'vitest';
import { CLUSTER_PREFIX, itemsInWindow, NO_LANE, OTHER_LANE, prepareDrawing, visItemOf } from './visItems';
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

describe('prepareDrawing and itemsInWindow', () => {
  const data = {
    names: { p1: 'Zed', p2: 'Anna' },
    items: [
      item('both', date('2020'), { lanes: { participants: ['p1', 'p2'], place: null, tags: [], documents: [] } }),
      item('nobody', date('2021')),
      item('undated', null, { lanes: { participants: ['p1'], place: null, tags: [], documents: [] } }),
    ],
  };
  const all = { start: Date.parse('2019-01-01T00:00Z'), end: Date.parse('2023-01-01T00:00Z') };

  it('draws an event once in each of its lanes, the lanes by name and the lane for none last; undated left out', () => {
    const drawing = prepareDrawing(data, data.items, 'participants');
    expect(drawing.groups!.map((group) => group.content)).toEqual(['Anna', 'Zed', 'No participant']);
    const items = itemsInWindow(drawing, all, 1000);
    expect(items.map((drawn) => [drawn.eventId, drawn.group])).toEqual([
      ['both', 'p1'],
      ['both', 'p2'],
      ['nobody', NO_LANE],
    ]);
    expect(new Set(items.map((drawn) => drawn.id)).size).toBe(3);
    expect(drawing.extent).toEqual({ start: Date.parse('2020-01-01T00:00Z'), end: Date.parse('2022-01-01T00:00Z') });
  });

  it('draws every dated event once without lanes', () => {
    const drawing = prepareDrawing(data, data.items, null);
    expect(drawing.groups).toBeNull();
    expect(itemsInWindow(drawing, all, 1000).map((drawn) => drawn.id)).toEqual(['both', 'nobody']);
  });

  it('keeps the busiest lanes and gathers the rest in one', () => {
    const lanes = (...participants: string[]) => ({ participants, place: null, tags: [], documents: [] });
    const items = [
      item('a', date('2020'), { lanes: lanes('busy', 'quiet') }),
      item('b', date('2020'), { lanes: lanes('busy') }),
      item('c', date('2020'), { lanes: lanes('quiet2') }),
      item('d', date('2020')),
    ];
    const drawing = prepareDrawing({ names: { busy: 'Busy', quiet: 'Quiet', quiet2: 'Quiet too' }, items }, items, 'participants', 3);
    expect(drawing.groups!.map((group) => group.content)).toEqual(['Busy', '2 more', 'No participant']);
    expect(drawing.events.map((event) => event.lanes)).toEqual([['busy', OTHER_LANE], ['busy'], [OTHER_LANE], [NO_LANE]]);
  });

  it('leaves out what is far from the window', () => {
    const drawing = prepareDrawing(data, data.items, null);
    const window = { start: Date.parse('2021-03-01T00:00Z'), end: Date.parse('2021-04-01T00:00Z') };
    expect(itemsInWindow(drawing, window, 1000).map((drawn) => drawn.id)).toEqual(['nobody']);
  });

  it('clusters a crowd of events into "N events" over their stretch of time, keeping the few on their own', () => {
    const crowd = Array.from({ length: 50 }, (_, index) => item(`day ${index}`, date(`2020-03-${String(1 + (index % 28)).padStart(2, '0')}`)));
    const loner = item('loner', date('2022-07-01'));
    const drawing = prepareDrawing({ names: {}, items: [...crowd, loner] }, [...crowd, loner], null);
    const items = itemsInWindow(drawing, all, 1000, { maxItems: 10, clusterAbove: 3, bucketPx: 80 });
    const clusters = items.filter((drawn) => drawn.id.startsWith(CLUSTER_PREFIX));
    expect(clusters.map((cluster) => cluster.text)).toEqual(['50 events']);
    expect(clusters[0]!.start).toBeLessThanOrEqual(Date.parse('2020-03-01T00:00Z'));
    expect(clusters[0]!.end).toBeGreaterThan(Date.parse('2020-03-28T00:00Z'));
    expect(items.filter((drawn) => drawn.eventId === 'loner')).toHaveLength(1);
  });
});
