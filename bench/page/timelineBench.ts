/**
 * The timeline's benchmark, in the page: a synthetic chronology of events at mixed precisions (years, months, days,
 * minutes, ranges, hedged and undated dates) in lanes, drawn by the real component, its code loaded on demand as the
 * app loads it. Measures the time to the first drawing and the frames while the view zooms and pans.
 */
import { createElement, createRef } from 'react';
import { createRoot } from 'react-dom/client';
import type { Confidence, DateQualifier, EventDate, EventStatus } from '../../shared/domain';
import type { TimelineChartHandle, TimelineChartProps } from '../../renderer/src/features/timeline/TimelineChart';
import type { LaneKind, TimelineData, TimelineItem } from '../../renderer/src/timeline/timelineData';
import type { DetailOptions } from '../../renderer/src/timeline/visItems';
import { seededRandom } from './generate';
import { framesWhile } from './frames';

export interface TimelineBenchOptions {
  events: number;
  /** The chart's settings to measure: lanes, how many events are drawn on their own, stacking. */
  lanes: LaneKind | null;
  detail?: DetailOptions;
  stack: boolean;
}

export interface TimelineBenchResult {
  firstDrawMs: number;
  /** Of which fetching and running the chart's code. */
  codeMs: number;
  frames: number;
  frameMedianMs: number;
  frameP95Ms: number;
  /** Items on the page (vis-timeline draws only those in view; a cluster is one). */
  itemsInDomAtStart: number;
}

const pad = (value: number) => String(value).padStart(2, '0');
const CONFIDENCES: Confidence[] = ['confirmed', 'probable', 'possible', 'unverified'];
const STATUSES: EventStatus[] = ['undisputed', 'disputed', 'unverified'];
const QUALIFIERS: DateQualifier[] = ['about', 'before', 'after'];

/** Events from 2000 to 2024: most known to the day, some to the month, year or minute, a tenth ranges, 3 % undated. */
export function timelineCase(events: number, seed = 17): TimelineData {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const names: Record<string, string> = {};
  const ids = (prefix: string, label: string, count: number) =>
    Array.from({ length: count }, (_, index) => {
      const id = `${prefix}${index}`;
      names[id] = `${label} ${index}`;
      return id;
    });
  const people = ids('p', 'Person', 200);
  const places = ids('l', 'Place', 50);
  const tags = ids('t', 'Tag', 20);
  const documents = ids('d', 'Document', 500);
  const dateAround = (year: number): EventDate => {
    const roll = random();
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const qualifier = random() < 0.1 ? pick(QUALIFIERS) : null;
    if (roll < 0.1) return { value: String(year), precision: 'year', qualifier };
    if (roll < 0.3) return { value: `${year}-${pad(month)}`, precision: 'month', qualifier };
    if (roll < 0.9) return { value: `${year}-${pad(month)}-${pad(day)}`, precision: 'day', qualifier };
    return { value: `${year}-${pad(month)}-${pad(day)}T${pad(Math.floor(random() * 24))}:${pad(Math.floor(random() * 60))}`, precision: 'minute', qualifier };
  };
  const items: TimelineItem[] = Array.from({ length: events }, (_, index) => {
    const year = 2000 + Math.floor(random() * 25);
    const undated = random() < 0.03;
    const start = undated ? null : dateAround(year);
    const end = start && random() < 0.1 ? dateAround(year + Math.floor(random() * 3)) : null;
    // An end drawn before its start is not what a valid event has: such ranges become single dates.
    const valid = end && start && end.value >= start.value ? end : null;
    return {
      id: `ev${index}`,
      title: `Event ${index}`,
      createdAt: new Date(Date.UTC(2026, 0, 1) + index * 1000).toISOString(),
      start,
      end: valid,
      lanes: {
        participants: people.filter(() => random() < 0.008).slice(0, 3),
        place: random() < 0.6 ? pick(places) : null,
        tags: random() < 0.4 ? [pick(tags)] : [],
        documents: random() < 0.7 ? [pick(documents)] : [],
      },
      confidence: pick(CONFIDENCES),
      status: pick(STATUSES),
    };
  });
  return { items, names };
}

const at = (iso: string) => new Date(`${iso}T00:00Z`);
/** Zooms in from the whole span to a month and out again, panning on the way, as a researcher reads a chronology. */
const MOVES = [
  { start: at('2005-01-01'), end: at('2015-01-01') },
  { start: at('2008-01-01'), end: at('2010-01-01') },
  { start: at('2009-01-01'), end: at('2009-04-01') },
  { start: at('2009-02-01'), end: at('2009-03-01') },
  { start: at('2012-02-01'), end: at('2012-03-01') },
  { start: at('2012-01-01'), end: at('2014-01-01') },
  { start: at('2016-01-01'), end: at('2018-01-01') },
  { start: at('1999-06-01'), end: at('2025-06-01') },
];
const MOVE_MS = 500;

export async function runTimelineBenchmark(options: TimelineBenchOptions): Promise<TimelineBenchResult> {
  const data = timelineCase(options.events);
  const host = document.createElement('div');
  host.style.width = '1200px';
  document.body.append(host);
  const handle = createRef<TimelineChartHandle>();
  let resolveDrawn!: (at: number) => void;
  const drawn = new Promise<number>((resolve) => (resolveDrawn = resolve));

  const asked = performance.now();
  // Loaded on demand, as the app loads it: the time to the first drawing includes fetching and running the code.
  const { TimelineChart } = await import('../../renderer/src/features/timeline/TimelineChart');
  const codeMs = performance.now() - asked;
  const root = createRoot(host);
  const props: TimelineChartProps = {
    data,
    ref: handle,
    onOpen: () => undefined,
    onFirstDraw: () => resolveDrawn(performance.now()),
    initialLanes: options.lanes,
    ...(options.detail ? { detail: options.detail } : {}),
    stack: options.stack,
  };
  root.render(createElement(TimelineChart, props));
  // The first drawing is on screen at the next frame after vis-timeline says it drew.
  const firstDrawMs = (await drawn.then((time) => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(Math.max(time, performance.now())))))) - asked;
  const itemsInDomAtStart = host.querySelectorAll('.vis-item').length;

  const frameTimes = await framesWhile(async () => {
    for (const move of MOVES) await handle.current!.moveWindow(move, MOVE_MS);
  });
  root.unmount();
  host.remove();
  return {
    firstDrawMs,
    codeMs,
    ...frameTimes,
    itemsInDomAtStart,
  };
}

/** Leaves a synthetic chronology's timeline on the page, to look at it (`casebookBench.showTimeline(200)` in the console). */
export async function showTimeline(events: number, lanes: LaneKind | null = null): Promise<void> {
  const { TimelineChart } = await import('../../renderer/src/features/timeline/TimelineChart');
  const host = document.createElement('div');
  host.style.width = '1200px';
  document.body.append(host);
  createRoot(host).render(
    createElement(TimelineChart, { data: timelineCase(events), initialLanes: lanes, onOpen: (id) => console.log(`open ${id}`) }),
  );
}
