import type { PartialDate } from './domain';
import { sortKeyOf } from './partialDate';

/**
 * The order of events, kept apart from their words (`eventDates.ts`) because the database's upgrade, loaded at start,
 * needs it. A date sorts by the earliest moment it can stand for, and a less precise date before a more precise one
 * starting at the same moment, so 2020 < January 2020 < 1 January 2020 < 1 January 2020, 00:00 < July 2020; a year
 * therefore sorts before all its months (it is the vaguest, and chronologies list the vague first). A range sorts by
 * its start; qualifiers do not move a date ("about 2019" sits with 2019); undated events come last; ties keep the
 * order in which the events were added.
 */

/** The sort key of an undated event's date part: after every date ("u" follows the digits). */
export const UNDATED_KEY = 'undated';

/** One index orders the timeline: the start's padded date (or `UNDATED_KEY`), then the creation time. */
export function eventSortKey(start: PartialDate | null, createdAt: string): string {
  return `${start ? sortKeyOf(start) : UNDATED_KEY} ${createdAt}`;
}

/** The same order as `eventSortKey`, for events in memory; the id settles events added in the same millisecond. */
export function compareEvents(
  a: { start: PartialDate | null; createdAt: string; id: string },
  b: { start: PartialDate | null; createdAt: string; id: string },
): number {
  // Code-unit order, as IndexedDB compares the keys.
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return order(eventSortKey(a.start, a.createdAt), eventSortKey(b.start, b.createdAt)) || order(a.id, b.id);
}

