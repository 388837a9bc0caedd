/**
 * Dates found in a document's text: chrono-node reads the expressions in the document's language, resolved against
 * the document's published date (not today); this module keeps what news text means by them and no more. A date never
 * claims more than its words: only the parts chrono is certain of count (a weekday gives a day, a month name a month,
 * "last year" a year). Expressions that only make sense relative to the document's date ("Tuesday", "in July") are
 * told apart by reading them again against another date: whatever moves with it is relative.
 */
import type { ParsedComponents, ParsedResult, ParsingReference } from 'chrono-node';
import type { DatePrecision, DateQualifier, EventDate, PartialDate } from '../../../shared/domain';
import { formatPartialDate } from '../../../shared/partialDate';
import { chronoFor, chronoLanguage, readsMonthFirst } from '../../../shared/chronoParsers';
import { sentenceAround, sentenceBoundaries } from './sentences';
import type { FindDatesOptions, FoundDate, ResolvedDate } from './types';

const PRECISION_RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2, minute: 3 };
const DAY_MS = 86_400_000;
/** The date read against when the document has none: its results are never shown for relative expressions. */
const PLACEHOLDER = Date.UTC(2000, 5, 15, 12);
/** How far the second reading's reference moves: a year, a month and some days, so weekdays, months and years all move. */
const SHIFT_MS = 408 * DAY_MS;

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Words before an expression that belong to the sentence, not to the date ("on Tuesday", "am Dienstag"). */
const LEADING_WORDS = /^(?:on|at|in|am|im|el|le|la|en|op|em|no|il|den|dem|der|de)\s+/iu;
/** Capitalised words after which a month name is still a month ("In May", "Since March"); after any other it is a name ("Theresa May"). */
const BEFORE_MONTH = new Set(
  'in on by since until till last next this early late mid from through during before after of im am seit bis ab anfang ende mitte en desde hasta el de depuis dès début fin le sinds tot begin eind em até no nel dal'.split(' '),
);
/** Words that make a relative expression a point in time rather than a length of time ("two years ago"). */
const AGO = /\b(?:ago|vor|hace|il y a|geleden|há|atrás|fa|sedan|sitten|назад|тому)\b/iu;
/** Lengths of time ("for two years", "over the past three months", "two years later"): not dates. */
const DURATION = [
  /^(?:for|during|within|over|throughout|the past|past|the last|the next|für|während|innerhalb|durante|por|pendant|depuis|gedurende|binnen)\s/iu,
  /\s(?:later|earlier|after|before|afterwards|später|después|plus tard|après|later|depois)$/iu,
];
/** Units written in the plural: "years", "Jahre", "años"… A plural unit with no "ago" is a length of time. */
const PLURAL_UNIT =
  /\b(?:years|months|weeks|days|hours|minutes|jahren?|monaten?|wochen|tagen?|stunden|años|meses|semanas|días|horas|ans|années|mois|semaines|jours|heures|jaren|maanden|weken|dagen|uren|anos|dias)\b/iu;
/** "the next day", "the following week": relative to another event in the text, not to the document's date. */
const RELATIVE_TO_TEXT = /^(?:next|following|previous|same|preceding)\s+(?:day|week|month|year|morning|evening|night)$/iu;
const WEEK = /(?<!\p{L})(?:week|woche|semana|semaine|settimana|vecka|viikko)(?!\p{L})/iu;
const BETWEEN = /(?<!\p{L})(?:between|zwischen|entre|tussen|tra|fra|mellan)\s+(?:the\s+|dem\s+|el\s+|le\s+|de\s+)?$/iu;
const FROM = /(?<!\p{L})(?:from|von|vom|de|desde|du|van|dal|fra)\s+(?:the\s+)?$/iu;
const TO = /^\s*(?:to|until|till|through|bis|zum|a|hasta|au|à|tot|al|til)\s+(?:the\s+)?$/iu;
const AND = /^\s*(?:and|und|y|et|en|e|och|ja)\s+(?:the\s+|dem\s+|el\s+|le\s+|de\s+)?$/iu;
/** Between a month and the relative year that places it: "July last year", "Juli letzten Jahres", "julio del año pasado". */
const MONTH_YEAR_GAP = /^\s*(?:of\s+)?$/iu;

/** Words before a date that hedge it, as chronologies write them ("about 2019", "before March 2021"). */
const QUALIFIERS: [DateQualifier, RegExp][] = [
  ['about', /(?<!\p{L})(?:about|around|approximately|circa|c\.|roughly|some time in|sometime in|ungefähr|etwa|gegen|hacia|alrededor de|aproximadamente|vers|environ|rond|omstreeks|ongeveer|por volta de|cerca de|intorno al)\s+$/iu],
  ['before', /(?<!\p{L})(?:before|until|till|by|prior to|vor|bis|antes de|hasta|avant|jusqu'en|jusqu'au|voor|tot|até|prima del)\s+(?:the\s+)?$/iu],
  ['after', /(?<!\p{L})(?:after|since|nach|seit|después de|desde|après|depuis|na|sinds|depois de|dopo il|dal)\s+(?:the\s+)?$/iu],
];

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', de: 'German', es: 'Spanish', fr: 'French', nl: 'Dutch', pt: 'Portuguese', it: 'Italian', sv: 'Swedish', fi: 'Finnish', ru: 'Russian', uk: 'Ukrainian', ja: 'Japanese', zh: 'Chinese' };

/** One expression as read, before it is described. */
interface Reading {
  start: number;
  end: number;
  first: ParsedComponents;
  last: ParsedComponents | null;
  relative: boolean;
  /** Set where this module, not chrono, decided the date ("July last year", "last July", "last week"). */
  value?: { start: EventDate; end: EventDate | null; precision: DatePrecision };
  rule?: string;
}

/** Every date and date expression in the text, in order. */
export function findDates(text: string, options: FindDatesOptions): FoundDate[] {
  const chrono = chronoFor(options.language);
  const instant = options.reference ? instantOf(options.reference) : PLACEHOLDER;
  const reference: ParsingReference = { instant: new Date(instant), timezone: 0 };
  const shifted: ParsingReference = { instant: new Date(instant + SHIFT_MS), timezone: 0 };

  const readings: Reading[] = [];
  // News repeats its expressions ("Tuesday", "last year"): each is read against the other date once.
  const readAgain = new Map<string, ParsedResult | undefined>();
  const again = (words: string) => {
    if (!readAgain.has(words)) readAgain.set(words, chrono.parse(words, shifted)[0]);
    return readAgain.get(words);
  };
  for (const result of chrono.parse(text, reference)) {
    const reading = read(text, result, again);
    if (reading) readings.push(reading);
  }
  const merged = merge(text, readings, new Date(instant));
  const boundaries = sentenceBoundaries(text);
  return merged.map((reading) => describe(text, reading, boundaries, options));
}

/** The UTC instant a partial date begins, at noon (times kept): what chrono resolves relative words against. */
function instantOf(date: PartialDate): number {
  const [day, time] = date.value.split('T');
  const [year, month = 1, dayOfMonth = 1] = day!.split('-').map(Number) as [number, number?, number?];
  const [hours, minutes] = time ? (time.split(':').map(Number) as [number, number]) : [12, 0];
  const at = new Date(Date.UTC(2000, month - 1, dayOfMonth, hours, minutes));
  at.setUTCFullYear(year);
  return at.getTime();
}

/** A chrono result as a reading, or null for what news text does not mean as a date. */
function read(text: string, result: ParsedResult, again: (words: string) => ParsedResult | undefined): Reading | null {
  let start = result.index;
  let end = result.index + result.text.length;
  // chrono's words include a leading space or preposition and a trailing comma now and then.
  while (start < end && /[\s,;:(]/.test(text[start]!)) start++;
  while (end > start && /[\s,;:)]/.test(text[end - 1]!)) end--;
  const leading = LEADING_WORDS.exec(text.slice(start, end));
  if (leading && end - start > leading[0].length) start += leading[0].length;
  const first = result.start;
  const certain = (component: 'year' | 'month' | 'day' | 'weekday') => first.isCertain(component);
  // A year or month alone comes with the word before it ("since 2019", "seit Juli"): the date is the year or month.
  const alone = certain('year') !== certain('month') && !certain('day') && !certain('weekday') && /^[\p{L}'.]+(?:\s+[\p{L}'.]+)*\s+(?=[\p{L}\d]+$)/u.exec(text.slice(start, end));
  if (alone && (certain('year') ? /\d{4}$/.test(text.slice(start, end)) : BEFORE_MONTH.has(alone[0].trim().toLowerCase()))) start += alone[0].length;
  const words = text.slice(start, end);

  // A time alone ("at 10:00"), or "now": not a date.
  if (!certain('year') && !certain('month') && !certain('day') && !certain('weekday')) return null;
  if (first.tags().has('casualReference/now')) return null;
  // Numbers without a year ("24/7", "9/11", "3.4"): not dates in news text.
  if (!certain('year') && (!/\p{L}/u.test(words) || /(?<!\d)\d{1,2}[/.]\d{1,2}(?![/.]?\d)/.test(words))) return null;
  // "Sun", "Sat", "Wed" alone are more often a newspaper or a word than a weekday.
  if (certain('weekday') && !certain('day') && !certain('month') && /^\p{L}{1,3}\.?$/u.test(words)) return null;
  if (certain('month') && !certain('day') && !certain('year') && !certain('weekday') && /^\p{L}+\.?$/u.test(words)) {
    const before = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1];
    // "The March for peace", "Theresa May": a month name after an article or a name is a word, not a month.
    if (before && (/^(?:the|a|an)$/iu.test(before) || (/^\p{Lu}/u.test(before) && !BEFORE_MONTH.has(before.toLowerCase())))) return null;
  }

  // Read alone against another date: what moves with the reference is relative to it.
  // A full date chrono did not take from the reference needs no second reading: it is as written.
  const tags = [...first.tags()];
  const written = certain('year') && certain('month') && certain('day') && !tags.some((tag) => tag.startsWith('result/relative') || tag.startsWith('casualReference'));
  const second = written ? result : again(result.text);
  const relative = second ? !sameAt(first, second.start, precisionOf(first)) || (!!result.end && !!second.end && !sameAt(result.end, second.end, precisionOf(result.end))) : !certain('year');

  if (relative) {
    if (DURATION.some((pattern) => pattern.test(words))) return null;
    if (PLURAL_UNIT.test(words) && !AGO.test(words)) return null;
    if (RELATIVE_TO_TEXT.test(words)) return null;
  }
  return { start, end, first, last: result.end ?? null, relative };
}

/** How precise chrono is sure a result is: a certain day (or weekday) is a day, with a certain hour and minute a minute. */
function precisionOf(components: ParsedComponents): DatePrecision {
  const day = components.isCertain('day') || components.isCertain('weekday');
  if (day && components.isCertain('hour') && components.isCertain('minute')) return 'minute';
  if (day) return 'day';
  if (components.isCertain('month')) return 'month';
  return 'year';
}

function valueAt(components: ParsedComponents, precision: DatePrecision): string {
  const pad = (value: number | null, length = 2) => String(value ?? 0).padStart(length, '0');
  const year = pad(components.get('year'), 4);
  const month = `${year}-${pad(components.get('month'))}`;
  if (precision === 'year') return year;
  if (precision === 'month') return month;
  const day = `${month}-${pad(components.get('day'))}`;
  if (precision === 'day') return day;
  return `${day}T${pad(components.get('hour'))}:${pad(components.get('minute'))}`;
}

function sameAt(one: ParsedComponents, other: ParsedComponents, precision: DatePrecision): boolean {
  return valueAt(one, precision) === valueAt(other, precision);
}

const isMonthOnly = (components: ParsedComponents) =>
  components.isCertain('month') && !components.isCertain('year') && !components.isCertain('day') && !components.isCertain('weekday');
const isYearOnly = (components: ParsedComponents) => components.isCertain('year') && !components.isCertain('month') && !components.isCertain('day');

const partial = (value: string, precision: DatePrecision): EventDate => ({ value, precision, qualifier: null });
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Joins what chrono reads apart: ranges with "between … and …", "July last year"; places "last July" and "last week". */
function merge(text: string, readings: Reading[], reference: Date): Reading[] {
  const merged: Reading[] = [];
  for (let index = 0; index < readings.length; index++) {
    const reading = readings[index]!;
    const next = readings[index + 1];
    const gap = next ? text.slice(reading.end, next.start) : '';

    // "between 15 September 2020 and 24 April 2021": one range.
    const before = text.slice(Math.max(0, reading.start - 30), reading.start);
    const between = BETWEEN.exec(before) ?? FROM.exec(before);
    if (next && !reading.last && !next.last && between && (BETWEEN.test(before) ? AND : TO).test(gap)) {
      merged.push({ ...reading, start: reading.start - between[0].length, end: next.end, last: next.first, relative: reading.relative || next.relative });
      index++;
      continue;
    }
    // "July last year": the month of the relative year.
    if (next && isMonthOnly(reading.first) && !reading.last && next.relative && isYearOnly(next.first) && MONTH_YEAR_GAP.test(gap)) {
      const value = `${valueAt(next.first, 'year')}-${String(reading.first.get('month')).padStart(2, '0')}`;
      merged.push({ ...reading, end: next.end, relative: true, value: { start: partial(value, 'month'), end: null, precision: 'month' }, rule: 'the month of that year' });
      index++;
      continue;
    }
    // "last July": the last July before the reference's month (chrono reads only "July", the nearest).
    const lastOrNext = /(?<!\p{L})(last|next)\s+$/iu.exec(text.slice(Math.max(0, reading.start - 6), reading.start));
    if (lastOrNext && isMonthOnly(reading.first) && !reading.last) {
      const month = reading.first.get('month')!;
      const referenceMonth = reference.getUTCMonth() + 1;
      const forward = lastOrNext[1]!.toLowerCase() === 'next';
      const year = reference.getUTCFullYear() + (forward ? (month > referenceMonth ? 0 : 1) : month < referenceMonth ? 0 : -1);
      const value = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
      merged.push({ ...reading, start: reading.start - lastOrNext[0].length, relative: true, value: { start: partial(value, 'month'), end: null, precision: 'month' }, rule: forward ? `the first ${MONTHS[month - 1]} after it` : `the last ${MONTHS[month - 1]} before it` });
      continue;
    }
    // "last week": the days of that week, Monday to Sunday; there is no week precision.
    const words = text.slice(reading.start, reading.end);
    if (reading.relative && !reading.last && WEEK.test(words) && !reading.first.isCertain('weekday')) {
      const day = reading.first.date();
      const monday = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - ((day.getUTCDay() + 6) % 7)));
      const sunday = new Date(monday.getTime() + 6 * DAY_MS);
      merged.push({ ...reading, value: { start: partial(isoDay(monday), 'day'), end: partial(isoDay(sunday), 'day'), precision: 'day' }, rule: 'the days of that week, Monday to Sunday' });
      continue;
    }
    merged.push(reading);
  }
  return merged;
}

function describe(text: string, reading: Reading, boundaries: { end: number; next: number }[], options: FindDatesOptions): FoundDate {
  let start = reading.start;
  let qualifier: DateQualifier | null = null;
  if (!reading.last && !reading.value?.end) {
    const before = text.slice(Math.max(0, start - 30), start);
    for (const [kind, pattern] of QUALIFIERS) {
      const match = pattern.exec(before);
      if (match) {
        qualifier = kind;
        start -= match[0].length;
        break;
      }
    }
  }
  const span = { start, end: reading.end };
  const words = text.slice(span.start, span.end);
  const precision = reading.value?.precision ?? precisionOf(reading.first);
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text.slice(reading.start, reading.end));
  const ambiguous = !!numeric && Number(numeric[1]) <= 12 && Number(numeric[2]) <= 12 && numeric[1] !== numeric[2];

  const base: Omit<FoundDate, 'resolved' | 'how'> = {
    text: words,
    span,
    sentence: sentenceAround(text, boundaries, span),
    precision,
    relative: reading.relative,
    ambiguous,
  };
  const reference = options.reference;
  if (reading.relative && !reference) return { ...base, resolved: null, how: `${words}, relative to an unknown date: the document has no published date` };
  // A time written with a relative day ("Tuesday at 10:30") needs the reference only to the day.
  if (reading.relative && reference && Math.min(PRECISION_RANK[precision], PRECISION_RANK.day) > PRECISION_RANK[reference.precision]) {
    return { ...base, resolved: null, how: `${words}, relative to ${formatPartialDate(reference)}, which is known only to the ${reference.precision}: not resolved` };
  }

  let resolved: ResolvedDate;
  if (reading.value) resolved = { start: reading.value.start, end: reading.value.end };
  else {
    const last = reading.last;
    resolved = { start: partial(valueAt(reading.first, precision), precision), end: last ? partial(valueAt(last, precisionOf(last)), precisionOf(last)) : null };
  }
  resolved.start.qualifier = qualifier;

  let how: string;
  if (reading.relative && reference) {
    const published = `${words}, in a document published ${formatPartialDate(reference)}`;
    const rule =
      reading.rule ??
      (reading.first.isCertain('weekday') && !reading.first.isCertain('day') ? `the nearest ${WEEKDAYS[reading.first.get('weekday')!]}` : isMonthOnly(reading.first) ? `the nearest ${MONTHS[reading.first.get('month')! - 1]}` : null);
    how = rule ? `${published}: ${rule}` : `${words}, relative to ${formatPartialDate(reference)}, when the document was published`;
  } else if (numeric) {
    const language = LANGUAGE_NAMES[chronoLanguage(options.language) ?? ''] ?? 'a language not known';
    how = readsMonthFirst(options.language)
      ? `${words}, read month first (mm/dd/yyyy) as US English writes it`
      : `${words}, read day first (dd.mm.yyyy) as ${language === 'English' ? 'English outside the US' : language} writes it`;
    if (ambiguous) how += '; day and month could be the other way round';
  } else how = `${words}, as written`;
  if (qualifier) how += ` (${qualifier})`;
  return { ...base, resolved, how };
}
