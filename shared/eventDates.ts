import type { EventDate, PartialDate } from './domain';
import { formatPartialDate, latestKeyOf, sortKeyOf } from './partialDate';

/**
 * An event's dates in words and in order, without the typed-date reader (`readEventDate.ts`, which loads the date
 * parser): what the domain, the lists and the timeline need.
 *
 * Order: a date sorts by the earliest moment it can stand for, and a less precise date before a more precise one
 * starting at the same moment, so 2020 < January 2020 < 1 January 2020 < 1 January 2020, 00:00 < July 2020; a year
 * therefore sorts before all its months (it is the vaguest, and chronologies list the vague first). A range sorts by
 * its start; qualifiers do not move a date ("about 2019" sits with 2019); undated events come last; ties keep the
 * order in which the events were added.
 */

/** The years a date can be typed in without a second thought; outside them it must be confirmed (a typo is likelier). */
export const USUAL_YEARS = { from: 1000, to: 2200 } as const;

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

/** The year of a date, as a number. */
export const yearOf = (date: PartialDate): number => Number(date.value.slice(0, 4));

/** The years of a start and end outside `USUAL_YEARS`, which the researcher must confirm. */
export function unusualYears(...dates: (PartialDate | null)[]): number[] {
  return dates
    .filter((date): date is PartialDate => date !== null)
    .map(yearOf)
    .filter((year) => year < USUAL_YEARS.from || year > USUAL_YEARS.to);
}

/** True when the end cannot have come before the start: its latest moment is not before the start's earliest. */
export const endNotBeforeStart = (start: PartialDate, end: PartialDate): boolean => latestKeyOf(end) >= sortKeyOf(start);

/** One date as a chronology writes it: "about 2019", "before March 2021", "9 March 2021, 06:00". */
export function eventDateWords(date: EventDate): string {
  return `${date.qualifier ? `${date.qualifier} ` : ''}${formatPartialDate(date)}`;
}

/** An event's date for lists: "about 2019", "15 September 2020 – 24 April 2021", or "Undated". */
export function eventWhen(event: { start: EventDate | null; end: EventDate | null }): string {
  if (!event.start) return 'Undated';
  return event.end ? `${eventDateWords(event.start)} – ${eventDateWords(event.end)}` : eventDateWords(event.start);
}

const known = (date: PartialDate) => `known to the ${date.precision}`;

/**
 * How a typed date was understood, shown before saving: "9 March 2021, known to the day", "about 2019, known to the
 * year", "from 15 September 2020 to 24 April 2021, known to the day", "undated".
 */
export function understoodAs(start: EventDate | null, end: EventDate | null): string {
  if (!start) return 'undated: listed after the dated events until its date is found';
  if (!end) return `${eventDateWords(start)}, ${known(start)}`;
  if (start.precision === end.precision) return `from ${eventDateWords(start)} to ${eventDateWords(end)}, ${known(start)}`;
  return `from ${eventDateWords(start)} (${known(start)}) to ${eventDateWords(end)} (${known(end)})`;
}

/** The text a date field shows for a stored date, which the reader reads back to the same date. */
export function eventDateText(start: EventDate | null, end: EventDate | null): string {
  if (!start) return '';
  return end ? `${eventDateWords(start)} – ${eventDateWords(end)}` : eventDateWords(start);
}
