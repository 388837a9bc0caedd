/**
 * A small date reader for the formats pages and files actually use: ISO 8601, PDF's "D:YYYYMMDD…", numeric
 * day/month/year (or month/day/year on US English pages), "14 March 2023", "March 14, 2023", "2023年5月20日", with
 * month names in English, Spanish, French, German, Polish, Dutch, Italian and Portuguese. It finds dates in running
 * text without guessing at anything vaguer ("last Tuesday"). Written here because no well-kept date library is
 * installed; its outputs are plain ISO dates ("2023-03-14"), never times.
 */

const MONTHS: Record<string, number> = {};
const addMonths = (names: string) => names.split(' ').forEach((name, index) => name.split('|').forEach((variant) => (MONTHS[variant] = index + 1)));
addMonths('january|jan february|feb march|mar april|apr may june|jun july|jul august|aug september|sept|sep october|oct november|nov december|dec');
addMonths('enero|ene febrero marzo abril mayo junio julio agosto septiembre|setiembre octubre noviembre diciembre|dic');
addMonths('janvier|janv février|févr mars avril|avr mai juin juillet|juil août septembre octobre novembre décembre|déc');
addMonths('januar|jänner februar märz april mai juni juli august september oktober november dezember|dez');
addMonths('stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia');
addMonths('januari februari maart april mei juni juli augustus september oktober november december');
addMonths('gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre');
addMonths('janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro');

const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;
const NOT_LETTER_BEFORE = '(?<!\\p{L})';
const NOT_LETTER_AFTER = '(?!\\p{L})';

const PATTERNS: { pattern: RegExp; order: 'ymd' | 'dmy-text' | 'mdy-text' | 'numeric' }[] = [
  { pattern: /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/gu, order: 'ymd' },
  { pattern: /(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/gu, order: 'ymd' },
  {
    pattern: new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|\\.)?\\s+(?:de\\s+)?${NOT_LETTER_BEFORE}${MONTH}${NOT_LETTER_AFTER}\\.?,?\\s+(?:de\\s+)?(\\d{4})(?!\\d)`, 'giu'),
    order: 'dmy-text',
  },
  {
    pattern: new RegExp(`${NOT_LETTER_BEFORE}${MONTH}${NOT_LETTER_AFTER}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'giu'),
    order: 'mdy-text',
  },
  { pattern: /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/.-])/gu, order: 'numeric' },
];

/** "2023-03-14" for a real calendar day in years 1–9999, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface DateInText {
  iso: string;
  index: number;
  length: number;
  /** A numeric date both of whose first numbers could be the month ("10/03/2021"). */
  ambiguous: boolean;
}

/** Every date written in the text, in order. `monthFirst` reads "10/03/2021" as 3 October (US English). */
export function findDatesInText(text: string, options: { monthFirst?: boolean } = {}): DateInText[] {
  const found: DateInText[] = [];
  for (const { pattern, order } of PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      let iso: string | null;
      let ambiguous = false;
      if (order === 'ymd') iso = isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
      else if (order === 'dmy-text') iso = isoDate(Number(match[3]), MONTHS[match[2]!.toLowerCase()] ?? 0, Number(match[1]));
      else if (order === 'mdy-text') iso = isoDate(Number(match[3]), MONTHS[match[1]!.toLowerCase()] ?? 0, Number(match[2]));
      else {
        const first = Number(match[1]);
        const second = Number(match[3]);
        const year = Number(match[4]);
        const monthFirst = first <= 12 && (second > 12 || (options.monthFirst === true && first !== second));
        ambiguous = first <= 12 && second <= 12 && first !== second;
        iso = monthFirst ? isoDate(year, first, second) : isoDate(year, second, first);
      }
      if (iso) found.push({ iso, index: match.index, length: match[0].length, ambiguous });
    }
  }
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  // Readings can overlap: keep the first, longest one.
  const kept: DateInText[] = [];
  for (const date of found) {
    const last = kept.at(-1);
    if (!last || date.index >= last.index + last.length) kept.push(date);
  }
  return kept;
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
