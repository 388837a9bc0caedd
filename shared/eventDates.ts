import type { EventDate, PartialDate } from './domain';
import { formatPartialDate, latestKeyOf, sortKeyOf } from './partialDate';


/**
 * An event's dates in words and their rules, without the typed-date reader (`readEventDate.ts`, which loads the date
 * parser): what the domain, the lists and the timeline need. Their order is in `eventOrder.ts`.
 */

/** The years a date can be typed in without a second thought; outside them it must be confirmed (a typo is likelier). */
export const USUAL_YEARS = { from: 1000, to: 2200 } as const;

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
