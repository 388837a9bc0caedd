import type { DatePrecision, PartialDate } from './domain';

/**
 * Dates as precisely as they are known, in one place for validation and display alike: a researcher who knows only
 * "March 2021" stores "2021-03" with the precision `month`, sees "March 2021", and the event sorts before the days of
 * March. Values are ISO 8601 prefixes: "2021", "2021-03", "2021-03-09" or "2021-03-09T06:00".
 */

const PATTERNS: Record<DatePrecision, RegExp> = {
  year: /^\d{4}$/,
  month: /^\d{4}-\d{2}$/,
  day: /^\d{4}-\d{2}-\d{2}$/,
  minute: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/,
};

/** What the date fields expect, for their hints and messages. */
export const PARTIAL_DATE_FORMS = 'YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD HH:MM';

/** The precision an ISO prefix has by its shape, or null when it has none of the four shapes. */
export function precisionOf(value: string): DatePrecision | null {
  return (Object.keys(PATTERNS) as DatePrecision[]).find((precision) => PATTERNS[precision].test(value)) ?? null;
}

/** True when the value names a real calendar date (no 31 April, no month 13) of the stated precision. */
export function isValidPartialDate(date: PartialDate): boolean {
  if (!PATTERNS[date.precision].test(date.value)) return false;
  const [datePart, timePart] = date.value.split('T');
  const [year, month = 1, day = 1] = datePart!.split('-').map(Number) as [number, number?, number?];
  if (year < 1 || month < 1 || month > 12) return false;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > lastDay) return false;
  if (timePart) {
    const [hours, minutes] = timePart.split(':').map(Number) as [number, number];
    if (hours > 23 || minutes > 59) return false;
  }
  return true;
}

/**
 * Reads a date as a researcher types it: "2021", "2021-03", "2021-03-09" or "2021-03-09 06:00", and says how
 * precise it is. Returns null when it is none of these shapes (validation explains what is expected).
 */
export function parsePartialDate(text: string): PartialDate | null {
  const value = text.trim().replace(' ', 'T');
  const precision = precisionOf(value);
  return precision ? { value, precision } : null;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Shows a date only as precisely as it is known: "2021", "March 2021", "9 March 2021", "9 March 2021, 06:00". */
export function formatPartialDate(date: PartialDate): string {
  const [datePart, time] = date.value.split('T');
  const [year, month, day] = datePart!.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  switch (date.precision) {
    case 'year':
      return year!;
    case 'month':
      return `${monthName} ${year}`;
    case 'day':
      return `${Number(day)} ${monthName} ${year}`;
    case 'minute':
      return `${Number(day)} ${monthName} ${year}, ${time}`;
  }
}

/** "2021-03" becomes "2021-03-00T00:00", so a month sorts before its days and years before their months. */
export function sortKeyOf(date: PartialDate): string {
  const template = '0000-00-00T00:00';
  return date.value + template.slice(date.value.length);
}

/** The last moment a partial date can stand for, comparable with `sortKeyOf`: "2021-03" becomes "2021-03-99T99:99". */
export function latestKeyOf(date: PartialDate): string {
  const template = '9999-99-99T99:99';
  return date.value + template.slice(date.value.length);
}
