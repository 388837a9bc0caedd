/**
 * The importer's dates: full dates written in pages and files, read by chrono-node as the dates found for the
 * timeline are (renderer/src/dates), with what chrono lacks added thinly: PDF's "D:YYYYMMDD…" and the compact
 * "20230314" of metadata, and (in shared/chronoParsers.ts) Polish month names. Its outputs are plain ISO dates
 * ("2023-03-14"), never times.
 */
import { readFullDates, type DateInText } from '../dates/read';

export type { DateInText };

/** "2023-03-14" for a real calendar day in years 1–9999, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every full date written in the text, in order. `monthFirst` reads "10/03/2021" as 3 October (US English). */
export function findDatesInText(text: string, options: { monthFirst?: boolean } = {}): DateInText[] {
  return readFullDates(text, options);
}

/**
 * A metadata value read as a date: ISO 8601 (any year, so "0001-01-01" comes back to be judged implausible),
 * "20230314", or the first date written in it. The date is the one written, without converting time zones.
 */
export function parseDateValue(value: string): string | null {
  const trimmed = value.trim();
  const iso = /^([+-]?\d{1,6})-(\d{1,2})-(\d{1,2})(?![\d])/.exec(trimmed);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const compact = /^(\d{4})(\d{2})(\d{2})(?!\d)/.exec(trimmed);
  if (compact) return isoDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  return findDatesInText(trimmed)[0]?.iso ?? null;
}

/** PDF dates: "D:YYYYMMDDHHmmSSOHH'mm'", of which only the year is required. */
export function parsePdfDate(value: string | null | undefined): string | null {
  const match = /^\s*(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value ?? '');
  if (!match) return null;
  return isoDate(Number(match[1]), Number(match[2] ?? 1), Number(match[3] ?? 1));
}

/** A publication date worth keeping: from 1900 on, and not more than a year after today. */
export function isPlausibleDate(iso: string, now: Date = new Date()): boolean {
  const year = Number(iso.slice(0, 4));
  if (!(year >= 1900)) return false;
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + 1);
  return iso <= latest.toISOString().slice(0, 10);
}
