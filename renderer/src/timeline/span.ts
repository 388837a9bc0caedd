/**
 * Dates as the spans they cover, and the order of a chronology. A month-precision date is that whole month, "about
 * 2019" reaches a year either side (drawn faded there), "before March 2021" is open towards the past. Times are
 * milliseconds since 1970 in UTC: a partial date names calendar days, not moments in a time zone.
 */
import type { DatePrecision, EventDate, PartialDate } from '../../../shared/domain';
import { eventSortKey } from '../../../shared/eventOrder';
import type { TimelineItem } from './timelineData';

/** How far an open end ("before 2019") is drawn, in units of its date's precision, before it fades out. */
export const OPEN_UNITS = 3;

/** A moment in UTC (`Date.UTC` reads the years 0–99 as 1900–1999, so those go the long way). */
function utc(year: number, month = 0, day = 1, hours = 0, minutes = 0): number {
  if (year >= 100) return Date.UTC(year, month, day, hours, minutes);
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  date.setUTCHours(hours, minutes, 0, 0);
  return date.getTime();
}

/** Year, month (0–11), day, hours, minutes of an ISO prefix ("2021-03-09T06:00"), the missing ones at their start. */
function fields({ value }: PartialDate): [number, number, number, number, number] {
  const part = (from: number, fallback: number) => (value.length > from ? Number(value.slice(from, from + 2)) : fallback);
  return [Number(value.slice(0, 4)), part(5, 1) - 1, part(8, 1), part(11, 0), part(14, 0)];
}

/** The moment `units` steps of a precision from the start of a date (negative: earlier). */
function step(date: PartialDate, units: number): number {
  const [year, month, day, hours, minutes] = fields(date);
  const by: Record<DatePrecision, () => number> = {
    year: () => utc(year + units),
    month: () => utc(year, month + units),
    day: () => utc(year, month, day + units),
    minute: () => utc(year, month, day, hours, minutes + units),
  };
  return by[date.precision]();
}

/** The time a date covers at its precision, end excluded: "2021-03" is 1 March 2021 up to 1 April 2021. */
export function spanOf(date: PartialDate): { start: number; end: number } {
  return { start: step(date, 0), end: step(date, 1) };
}

/**
 * How an event is drawn: from `start` to `end`, solid between `coreStart` and `coreEnd` (what the sources vouch for)
 * and faded outside it; an open side (`before`/`after`) fades out towards where its date is not known.
 */
export interface DrawnSpan {
  start: number;
  end: number;
  coreStart: number;
  coreEnd: number;
  openStart: boolean;
  openEnd: boolean;
  /**
   * A single date known to the day or the minute, with no qualifier: drawn as a point with its title (a day's span is
   * a sliver too thin to read at any zoom that shows more than a few weeks).
   */
  point: boolean;
}

/** Where one side of an event lies, given the date of that side: its bound, the solid part's bound, open or not. */
function side(date: EventDate, which: 'start' | 'end'): { bound: number; core: number; open: boolean } {
  const { start, end } = spanOf(date);
  const own = which === 'start' ? start : end;
  switch (date.qualifier) {
    case null:
      return { bound: own, core: own, open: false };
    case 'about':
      return { bound: which === 'start' ? step(date, -1) : step(date, 2), core: own, open: false };
    case 'before':
      // Began before the date: open towards the past. Ended before it: by its start at the latest.
      return which === 'start' ? { bound: step(date, -OPEN_UNITS), core: start, open: true } : { bound: start, core: start, open: false };
    case 'after':
      return which === 'end' ? { bound: step(date, 1 + OPEN_UNITS), core: end, open: true } : { bound: end, core: end, open: false };
  }
}

/**
 * The span an event is drawn over: from its start's side to its end's side. A single date is both ends at once, so
 * "before 2019" is open towards the past and ends with 2018, "after 2019" begins with 2020 and is open after.
 */
export function drawnSpan(start: EventDate, end: EventDate | null = null): DrawnSpan {
  const left = side(start, 'start');
  const right = side(end ?? start, 'end');
  const coreEnd = Math.max(left.core, right.core);
  return {
    start: left.bound,
    end: Math.max(right.bound, left.bound),
    coreStart: Math.min(left.core, coreEnd),
    coreEnd,
    openStart: left.open,
    openEnd: right.open,
    point: !end && start.qualifier === null && (start.precision === 'day' || start.precision === 'minute'),
  };
}

/**
 * The chronology's order is the stored one (`eventOrder.ts`), so the list, the timeline and the database agree:
 * precision-aware (2020 < July 2020 < 9 March 2021), a range by its start, undated last, ties in the order the events
 * were added. Each item's key is built once, not at every comparison (20,000 events sort in a few milliseconds).
 */
export function chronological(items: readonly TimelineItem[]): TimelineItem[] {
  return items
    .map((item) => ({ item, key: eventSortKey(item.start, item.createdAt) }))
    .sort((a, b) => compareKeys(a.key, b.key) || compareKeys(a.item.id, b.item.id))
    .map(({ item }) => item);
}

// Code-unit order, as IndexedDB compares the stored keys.
const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Whether an item's drawn span meets a time range (undated items meet none): what a range brush keeps. */
export function overlaps(item: Pick<TimelineItem, 'start' | 'end'>, range: { start: number; end: number }): boolean {
  if (!item.start) return false;
  const span = drawnSpan(item.start, item.end);
  return span.start < range.end && span.end > range.start;
}
