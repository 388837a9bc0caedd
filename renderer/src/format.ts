import type { PartialDate } from '../../shared/domain';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));

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

/**
 * Reads a date as a researcher types it: "2021", "2021-03", "2021-03-09" or "2021-03-09 06:00", and says how
 * precise it is. Returns null when it is none of these shapes (the validation explains what is expected).
 */
export function parsePartialDate(text: string): PartialDate | null {
  const value = text.trim().replace(' ', 'T');
  if (/^\d{4}$/.test(value)) return { value, precision: 'year' };
  if (/^\d{4}-\d{2}$/.test(value)) return { value, precision: 'month' };
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { value, precision: 'day' };
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return { value, precision: 'minute' };
  return null;
}

export const formatBytes = (bytes: number): string =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
