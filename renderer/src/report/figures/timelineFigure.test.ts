// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { date, event } from './testEvents';
import { timelineFigureSvg } from './timelineFigure';

const OPTIONS = { width: 680, maxHeight: 900 };

function parse(svg: string): Document {
  const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(document.querySelector('parsererror')).toBeNull();
  return document;
}

/** The marks' groups: each holds the event's title (its number first) and its mark. */
const marks = (document: Document) => [...document.querySelectorAll('svg > g, svg > a > g')].filter((group) => group.querySelector('title'));
const numbers = (document: Document) => marks(document).map((group) => Number(/^(\d+)\./.exec(group.querySelector('title')!.textContent!)![1]));
const bars = (group: Element) => [...group.querySelectorAll('rect')].map((rect) => ({ x: Number(rect.getAttribute('x')), width: Number(rect.getAttribute('width')), faded: rect.hasAttribute('fill-opacity') }));

describe('the timeline figure', () => {
  it('is nothing when no event is dated', () => {
    expect(timelineFigureSvg([], OPTIONS)).toEqual([]);
    expect(timelineFigureSvg([event('x', null)], OPTIONS)).toEqual([]);
  });

  it('draws one mark per dated event, numbered as the chronology numbers them, and leaves undated ones out', () => {
    const events = [event('c', date('2021-03')), event('undated', null), event('a', date('2019')), event('b', date('2020-06-01'))];
    const [svg, ...rest] = timelineFigureSvg(events, OPTIONS);
    expect(rest).toEqual([]);
    const document = parse(svg!);
    expect(numbers(document)).toEqual([1, 2, 3]);
    expect(marks(document).map((group) => group.querySelector('title')!.textContent)).toEqual([
      '1. a (2019)',
      '2. b (1 June 2020)',
      '3. c (March 2021)',
    ]);
    expect(document.querySelector('svg')!.textContent).not.toContain('undated');
  });

  it('spans a year-precision event over its year, a month over its month, a range from start to end', () => {
    const events = [
      event('year', date('2020')),
      event('month', date('2020-02')),
      event('range', date('2020-01'), { end: date('2020-12') }),
    ];
    const document = parse(timelineFigureSvg(events, OPTIONS)[0]!);
    const [year, range, month] = marks(document).map((group) => bars(group).find((bar) => !bar.faded)!);
    // In the chronology's order: 2020, then January–December 2020, then February 2020 (29 days of the 366).
    expect(month!.width / year!.width).toBeCloseTo(29 / 366, 1);
    expect(range!.width).toBeCloseTo(year!.width, 0);
    expect(month!.x).toBeGreaterThan(year!.x);
  });

  it('draws a day as a point and hedges "about" (faded) and "before"/"after" (an arrow)', () => {
    const events = [event('day', date('2020-03-09')), event('about', date('2019', 'about')), event('before', date('2021', 'before'))];
    const document = parse(timelineFigureSvg(events, OPTIONS)[0]!);
    const [about, day, before] = marks(document);
    expect(day!.querySelector('rect')).toBeNull();
    expect(day!.querySelector('path')).not.toBeNull();
    expect(bars(about!).filter((bar) => bar.faded)).toHaveLength(2);
    expect(bars(before!).some((bar) => bar.faded)).toBe(true);
    expect(before!.querySelectorAll('path')).toHaveLength(1);
  });

  it('splits 500 events into parts of at most maxHeight, in time order, every event in one part', () => {
    const events = Array.from({ length: 500 }, (_, index) =>
      event(`e${index}`, date(`${2000 + Math.floor(index / 25)}-${String((index % 12) + 1).padStart(2, '0')}`), { title: `Event number ${index} with a long title about what happened` }),
    );
    const parts = timelineFigureSvg(events, OPTIONS);
    expect(parts.length).toBeGreaterThan(1);
    const seen: number[] = [];
    for (const svg of parts) {
      const document = parse(svg);
      expect(Number(document.querySelector('svg')!.getAttribute('height'))).toBeLessThanOrEqual(OPTIONS.maxHeight);
      seen.push(...numbers(document));
    }
    expect(seen).toEqual(Array.from({ length: 500 }, (_, index) => index + 1));
  });

  it('puts labels in rows so that none overlaps another', () => {
    const events = Array.from({ length: 40 }, (_, index) => event(`Same month ${index}`, date('2021-03')));
    const document = parse(timelineFigureSvg(events, OPTIONS)[0]!);
    const rows = marks(document).map((group) => group.querySelector('text')!.getAttribute('y'));
    expect(new Set(rows).size).toBe(40);
  });

  it('escapes titles and links a mark to its entry', () => {
    const events = [event('x', date('2020'), { title: '<script>alert("x")</script> & Sons' })];
    const [svg] = timelineFigureSvg(events, { ...OPTIONS, anchorOf: (entry) => `event-${entry.id}` });
    expect(svg).not.toContain('<script>');
    const document = parse(svg!);
    expect(document.querySelector('a')!.getAttribute('href')).toBe('#event-x');
    expect(document.querySelector('a title')!.textContent).toBe('1. <script>alert("x")</script> & Sons (2020)');
    expect(document.querySelector('script')).toBeNull();
  });
});
