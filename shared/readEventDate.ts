import type { ParsedResult } from 'chrono-node';
import { chronoFor, readsMonthFirst } from './chronoParsers';
import type { DatePrecision, DateQualifier, EventDate } from './domain';
import { endNotBeforeStart, eventDateWords, unusualYears } from './eventDates';

/**
 * Reads an event's date as people write it, for the event form and anything else that takes a typed date: "9 March
 * 2021", "March 2021", "2019", "about 2019", "before March 2021", "2020-07", "15/09/2020" (day or month first as the
 * locale writes them), "9 March 2021 06:00", "between 15 September 2020 and 24 April 2021", "2019–2021", "undated".
 * Month names and words go to chrono-node (English, German, Spanish, French, Dutch, Portuguese); what it lacks or
 * reads too kindly is done here, thinly: ISO prefixes and numeric dates in the locale's strict order (chrono reads
 * 09/15/2020 as 15 September in a day-first locale), bare years, qualifiers, ranges, and naming what is impossible.
 */

export type EventDateReading =
  | {
      ok: true;
      /** Null for "undated" (or nothing typed). */
      start: EventDate | null;
      end: EventDate | null;
      /** Years outside 1000..2200 in it, which the researcher must confirm before the event is saved. */
      unusualYears: number[];
    }
  | { ok: false; message: string };

/**
 * Whether the locale writes numeric dates day first (15/09/2020) rather than month first (09/15/2020): the same rule
 * as documents' dates are read by (`readsMonthFirst`), so a date copied from a document reads the same when typed.
 */
export const dayFirst = (locale: string): boolean => !readsMonthFirst(locale);

/** The forms the reader takes, with the numeric one in the locale's order: the hint and the error message say the same. */
export function eventDateForms(locale: string): string {
  const numeric = dayFirst(locale) ? '15/09/2020' : '09/15/2020';
  return `9 March 2021, March 2021, 2021, 2021-03-09, ${numeric}, 9 March 2021 06:00, about 2019, before March 2021, after 2020, between 15 September 2020 and 24 April 2021, 2019–2021, or undated`;
}

const cannotRead = (text: string, locale: string) => `Cannot read “${text}” as a date. Write it as ${eventDateForms(locale)}.`;

class Refusal extends Error {}

const QUALIFIERS: [RegExp, DateQualifier][] = [
  [/^(?:about|around|circa|approximately|approx\.?|ca\.?|c\.|~)\s*/i, 'about'],
  [/^before\s+/i, 'before'],
  [/^after\s+/i, 'after'],
];

const UNDATED = /^(?:|undated|no date|date unknown|unknown)$/i;

const RANGES: RegExp[] = [
  /^(?:between|from)\s+(.+?)\s+(?:and|to|until|till)\s+(.+)$/i,
  /^(\d{4})-(\d{4})$/,
  /^(.+?)\s*[–—]\s*(.+)$/,
  /^(.+?)\s+(?:-|to|until|till)\s+(.+)$/i,
];

const pad = (n: number) => String(n).padStart(2, '0');

const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date from its numbers, refused by name when no calendar has it: no month 13, no 31 February, no 25:00. */
function dateOf(year: number, month?: number, day?: number, time?: [number, number]): EventDate {
  if (month !== undefined && (month < 1 || month > 12)) throw new Refusal(`There is no month ${month}: months go from 1 to 12.`);
  if (year < 1) throw new Refusal(`There is no year ${year}.`);
  if (month !== undefined && day !== undefined && (day < 1 || day > lastDayOf(year, month)))
    throw new Refusal(
      `There is no ${day} ${ENGLISH_MONTHS[month - 1]} ${year}: ${ENGLISH_MONTHS[month - 1]} ${year} has ${lastDayOf(year, month)} days.`,
    );
  if (time) refuseTime(...time);
  const y = String(year).padStart(4, '0');
  if (month === undefined) return { value: y, precision: 'year', qualifier: null };
  if (day === undefined) return { value: `${y}-${pad(month)}`, precision: 'month', qualifier: null };
  if (!time) return { value: `${y}-${pad(month)}-${pad(day)}`, precision: 'day', qualifier: null };
  return { value: `${y}-${pad(month)}-${pad(day)}T${pad(time[0])}:${pad(time[1])}`, precision: 'minute', qualifier: null };
}

function refuseTime(hours: number, minutes: number): void {
  if (hours > 23 || minutes > 59)
    throw new Refusal(`${pad(hours)}:${pad(minutes)} is not a time of day: hours go from 00 to 23, minutes from 00 to 59.`);
}

const TIME = String.raw`(?:,?\s+|T)(\d{1,2})[:h.](\d{2})`;
const ISO = new RegExp(String.raw`^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2})(?:${TIME})?)?)?$`);
const NUMERIC = new RegExp(String.raw`^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:${TIME})?$`);
const MONTH_YEAR = /^(\d{1,2})[/.](\d{4})$/;

/** ISO prefixes, bare years and numeric dates, in the locale's order; undefined when the text is none of them. */
function readNumeric(text: string, locale: string): EventDate | undefined {
  const iso = ISO.exec(text);
  if (iso) {
    const [, year, month, day, hours, minutes] = iso.map((part) => (part === undefined ? undefined : Number(part)));
    return dateOf(year!, month, day, hours === undefined ? undefined : [hours, minutes!]);
  }
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const [, first, second, year, hours, minutes] = numeric.map((part) => (part === undefined ? undefined : Number(part)));
    const firstIsDay = dayFirst(locale);
    const [day, month] = firstIsDay ? [first!, second!] : [second!, first!];
    if (month > 12) {
      // The other order is only offered as words to type, never taken silently: the locale decides.
      const other = month <= 31 && day <= 12 ? ` If you meant ${month} ${ENGLISH_MONTHS[day - 1]} ${year}, write it so.` : '';
      throw new Refusal(
        `${text} has no month ${month} read ${firstIsDay ? 'day' : 'month'} first, as dates are written here (${locale}).${other}`,
      );
    }
    return dateOf(year!, month, day, hours === undefined ? undefined : [hours, minutes!]);
  }
  const monthYear = MONTH_YEAR.exec(text);
  if (monthYear) return dateOf(Number(monthYear[2]), Number(monthYear[1]));
  return undefined;
}

/** What the reader asks of a chrono-node language: its `parse`. */
interface DateParser {
  parse(text: string, reference?: Date): ParsedResult[];
}

/** The app's parsers to try (`chronoParsers.ts`): the locale's language first, then English in the locale's order. */
function parsersFor(locale: string): DateParser[] {
  return [...new Set([chronoFor(locale), chronoFor(dayFirst(locale) ? 'en-GB' : 'en-US')])];
}

/** Two days to read typed words against: a date that moves with them ("last year", "yesterday") is not a date. */
const READ_AT = new Date(Date.UTC(2000, 0, 1));
const READ_AGAIN_AT = new Date(Date.UTC(2010, 5, 15));
const MOVING_PARTS = ['year', 'month', 'day', 'hour', 'minute'] as const;

/** A result that reads the whole text (bar a trailing full stop). */
const whole = (result: ParsedResult, text: string) => result.index === 0 && result.text.length >= text.replace(/[.\s]+$/, '').length;

/** The precision chrono's words give, never more than they say: a month name without a day is a month. */
function precisionOf(result: ParsedResult): DatePrecision | null {
  const { start } = result;
  if (!start.isCertain('year')) return null;
  if (start.isCertain('day')) return start.isCertain('hour') ? 'minute' : 'day';
  return start.isCertain('month') ? 'month' : 'year';
}

/** Explains why words that look like a date are not one: "31 February 2021", a time past 23:59, a missing year. */
function explainWords(text: string, parsers: DateParser[]): void {
  const time = /(\d{1,2})[:h](\d{2})\b/.exec(text);
  if (time) refuseTime(Number(time[1]), Number(time[2]));
  const dayMonthYear = /^(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+|de\s+)?(\p{L}+)\.?,?\s+(?:de\s+)?(\d{4})$/u.exec(text);
  const monthDayYear = /^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u.exec(text);
  const [day, monthWord, year] = dayMonthYear
    ? [dayMonthYear[1], dayMonthYear[2], dayMonthYear[3]]
    : monthDayYear
      ? [monthDayYear[2], monthDayYear[1], monthDayYear[3]]
      : [];
  if (day && monthWord && year)
    for (const parser of parsers) {
      const month = parser.parse(`${monthWord} ${year}`, READ_AT)[0];
      if (month?.start.isCertain('month')) dateOf(Number(year), month.start.get('month')!, Number(day));
    }
}

/** One date without qualifier: numbers first, then words through chrono. */
function readOne(text: string, locale: string): EventDate {
  const numeric = readNumeric(text, locale);
  if (numeric) return numeric;
  const parsers = parsersFor(locale);
  for (const parser of parsers) {
    // Read against a fixed day, never today: a date without its year is refused below, not completed.
    const result = parser.parse(text, READ_AT)[0];
    if (!result || !whole(result, text)) continue;
    const again = parser.parse(text, READ_AGAIN_AT)[0]?.start;
    if (again && MOVING_PARTS.some((part) => result.start.isCertain(part) && result.start.get(part) !== again.get(part)))
      throw new Refusal(`“${text}” names a date only from when it was said: write the date itself, such as 2021 or 9 March 2021.`);
    const precision = precisionOf(result);
    if (!precision) throw new Refusal(`“${text}” has no year: write it with its year, such as ${text} 2021.`);
    const { start } = result;
    return dateOf(
      start.get('year')!,
      precision === 'year' ? undefined : start.get('month')!,
      precision === 'day' || precision === 'minute' ? start.get('day')! : undefined,
      precision === 'minute' ? [start.get('hour')!, start.get('minute') ?? 0] : undefined,
    );
  }
  // Some of chrono's languages read a month name only with its day ("9. März 2021", not "März 2021"): a month and
  // year is read as its first day and kept at month precision.
  const monthYear = /^(\p{L}+)\.?\s+(?:de\s+)?(\d{4})$/u.exec(text);
  if (monthYear)
    for (const parser of parsers)
      for (const day of ['1', '1.']) {
        const first = parser.parse(`${day} ${monthYear[1]} ${monthYear[2]}`, READ_AT)[0];
        if (first?.start.isCertain('month')) return dateOf(Number(monthYear[2]), first.start.get('month')!);
      }
  explainWords(text, parsers);
  throw new Refusal('');
}

/** One end of a date, with its qualifier. */
function readEnd(text: string, locale: string): EventDate {
  for (const [pattern, qualifier] of QUALIFIERS) {
    const match = pattern.exec(text);
    if (match) return { ...readOne(text.slice(match[0].length).trim(), locale), qualifier };
  }
  return readOne(text, locale);
}

/**
 * Reads a typed date in the researcher's locale (`navigator.language`: it decides 15/09/2020 against 09/15/2020).
 * Refused by name: impossible dates ("There is no 31 February 2021"), times past 23:59, an end before its start, and
 * anything it cannot read, with the forms it can.
 */
export function readEventDate(typed: string, locale: string): EventDateReading {
  const text = typed.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (UNDATED.test(text)) return { ok: true, start: null, end: null, unusualYears: [] };
  try {
    const range = RANGES.map((pattern) => pattern.exec(text)).find((match) => match && !ISO.test(text) && !NUMERIC.test(text));
    if (range) {
      const start = readEnd(range[1]!, locale);
      const end = readEnd(range[2]!, locale);
      if (!endNotBeforeStart(start, end))
        return { ok: false, message: `The end, ${eventDateWords(end)}, is before the start, ${eventDateWords(start)}.` };
      return { ok: true, start, end, unusualYears: unusualYears(start, end) };
    }
    const start = readEnd(text, locale);
    return { ok: true, start, end: null, unusualYears: unusualYears(start) };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return { ok: false, message: error.message || cannotRead(text, locale) };
  }
}
