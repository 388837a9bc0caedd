/**
 * Full dates written in a text ("14 March 2023", "14. März 2023", "10/03/2021", "2023年5月20日"), read by the same
 * chrono-node parsers as the dates found for the timeline, in all the languages they have at once: the importer reads
 * metadata and page heads before their language is certain. Only days are taken, nothing vague or relative.
 */
import type { ParsedComponents } from 'chrono-node';
import { fullDateReader } from '../../../shared/chronoParsers';

export interface DateInText {
  /** The day, "2023-03-14": the one written, without converting time zones. */
  iso: string;
  index: number;
  length: number;
  /** A numeric date both of whose first numbers could be the month ("10/03/2021"). */
  ambiguous: boolean;
}

/** Around each four-digit number, as much text as any written date takes: chrono reads these stretches only. */
const YEAR = /(?<!\d)\d{4}(?!\d)/g;
const BEFORE = 45;
const AFTER = 35;
const REFERENCE = { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 };

/** Every full date written in the text, in order. `monthFirst` reads "10/03/2021" as 3 October (US English). */
export function readFullDates(text: string, options: { monthFirst?: boolean } = {}): DateInText[] {
  const chrono = fullDateReader(options.monthFirst === true);
  const found: DateInText[] = [];
  for (const [from, to] of stretchesAroundYears(text)) {
    for (const result of chrono.parse(text.slice(from, to), REFERENCE)) {
      const date = result.start;
      if (!date.isCertain('year') || !date.isCertain('month') || !date.isCertain('day')) continue;
      const iso = `${pad(date.get('year')!, 4)}-${pad(date.get('month')!)}-${pad(date.get('day')!)}`;
      let words = result.text.replace(/[\s,]+$/u, '');
      // "09/03/2021 - 12:30", "14 March 2023 at 10:00": the date is the shortest start of the words that reads as the same day.
      if (date.isCertain('hour')) words = dayPart(words, iso, (part) => chrono.parse(part, REFERENCE)[0]?.start);
      const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}$/.exec(words);
      found.push({
        iso,
        index: from + result.index,
        length: words.length,
        ambiguous: !!numeric && Number(numeric[1]) <= 12 && Number(numeric[2]) <= 12 && numeric[1] !== numeric[2],
      });
    }
  }
  return found;
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

function dayPart(words: string, iso: string, read: (part: string) => ParsedComponents | undefined): string {
  for (const boundary of words.matchAll(/(?<=[\p{L}\d.])(?=[\s,])/gu)) {
    const part = words.slice(0, boundary.index);
    const date = read(part);
    if (date?.isCertain('day') && `${pad(date.get('year')!, 4)}-${pad(date.get('month')!)}-${pad(date.get('day')!)}` === iso) return part;
  }
  return words;
}

/** The stretches of text around its four-digit numbers, joined where they overlap, cut at spaces. */
function stretchesAroundYears(text: string): [number, number][] {
  const stretches: [number, number][] = [];
  for (const match of text.matchAll(YEAR)) {
    let from = Math.max(0, match.index - BEFORE);
    let to = Math.min(text.length, match.index + 4 + AFTER);
    while (from > 0 && !/\s/.test(text[from - 1]!)) from--;
    while (to < text.length && !/\s/.test(text[to]!)) to++;
    const last = stretches.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else stretches.push([from, to]);
  }
  return stretches;
}
