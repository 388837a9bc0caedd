import { findDatesInText, isPlausibleDate } from './dates';
import { collapseSpaces } from './document';

/** A date a document states in its own words, with those words ("Filed March 3, 2021"). */
export interface StatedDate {
  iso: string;
  quote: string;
  /** A numeric date both of whose first numbers could be the month ("03/04/2021"). */
  ambiguous: boolean;
}

/**
 * Labels under which documents state their own date, by how surely the date they label is the document's: a
 * court's decision, then a filing or publication, then a plain "Date:". Written lower-case; each may be followed by
 * a little word ("on", "am", "le"…) and a colon. Dates labelled "Argued", "Updated" or "Accessed" are never taken.
 */
const LABELS: { weight: number; words: string[] }[] = [
  {
    weight: 6,
    words: [
      'decided', 'date of decision', 'date of judgment', 'date of judgement', 'judgment date', 'judgement date',
      'judgment delivered', 'judgment handed down', 'handed down', 'delivered', 'urteil vom', 'beschluss vom',
      'wyrok z dnia', 'postanowienie z dnia', 'arrêt du', 'jugement du', 'datum uitspraak', 'uitspraak',
      'fecha de la sentencia',
    ],
  },
  {
    weight: 5,
    words: [
      'filed', 'date filed', 'filing date', 'entered', 'published', 'first published', 'publication date',
      'date of publication', 'posted', 'issued', 'date of issue', 'released', 'publié', 'mis en ligne',
      'date de publication', 'veröffentlicht', 'erschienen', 'opublikowano', 'data publikacji', 'publicado',
      'publicada', 'fecha de publicación', 'gepubliceerd', 'datum van publicatie', 'pubblicato', 'pubblicata',
      'data di pubblicazione', '发布时间', '发布日期', '发表时间', '发表于', '發佈時間', '發布時間',
    ],
  },
  { weight: 4, words: ['dated', 'date', 'datum', 'data', 'fecha', 'z dnia', 'dnia', '日期'] },
];

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const CONNECTOR = '(?:\\s+(?:on|am|le|el|op|il|em|the|den|dem|du|de|w\\s+dniu))?';

/** Each weight's labels, matched at the very end of the text before a date; group 1 is the label. */
const LABEL_PATTERNS = LABELS.map(({ weight, words }) => ({
  weight,
  pattern: new RegExp(`(?<!\\p{Script=Latin})(${words.map(escape).join('|')})${CONNECTOR}\\s*(:|：)?\\s*[-–—]?\\s*$`, 'iu'),
}));

/** A dateline: "Łódź, 3 października 2022 r." or "LONDON, March 3, 2021 — …", near the top of the text. */
const DATELINE_PLACE =
  /^\s*(?:\p{Lu}[\p{L}.'’-]*(?:\s+(?:(?:de|del|da|do|la|le|am|an|upon|on|nad|im|sur|en)\s+)?\p{Lu}[\p{L}.'’-]*){0,3},\s*(?:dnia\s+|den\s+|le\s+|el\s+)?)?$/u;
const DATELINE_REST = /^\s*(?:r\.|roku)?\s*(?:[-–—].*|\(.*\))?\s*$/u;

/** How far into the text a document states its date: its head, and its last lines (signature blocks). */
const HEAD = 4000;
const TAIL = 2500;
const DATELINE_HEAD = 1500;

interface Candidate extends StatedDate {
  score: number;
}

/**
 * The date the document states as its own: the one a label such as "Decided", "Filed", "Published on" or "Date:"
 * introduces at the start of a line, or as a field ("Signed: E. Marsh  Date: 3 March 2023"), in its first or last
 * lines; failing that, a dateline or a date standing alone on a line near the top. Dates in running text are events
 * the document reports and are never taken. Null when the document states no date.
 */
export function findStatedDate(text: string, options: { monthFirst?: boolean; now?: Date } = {}): StatedDate | null {
  const regions = text.length <= HEAD + TAIL ? [{ start: 0, part: text, head: true }] : [
    { start: 0, part: text.slice(0, HEAD), head: true },
    { start: text.length - TAIL, part: text.slice(-TAIL), head: false },
  ];
  let best: Candidate | null = null;
  for (const { start, part, head } of regions) {
    for (const date of findDatesInText(part, options)) {
      if (!isPlausibleDate(date.iso, options.now)) continue;
      const index = start + date.index;
      const candidate = judge(text, index, date.length, head && index < DATELINE_HEAD);
      if (!candidate) continue;
      // A stronger label wins; between equals, the head's over the tail's, and the first.
      const scored: Candidate = { iso: date.iso, ambiguous: date.ambiguous, quote: candidate.quote, score: candidate.weight * 2 + (head ? 1 : 0) };
      if (!best || scored.score > best.score) best = scored;
    }
  }
  return best && { iso: best.iso, quote: best.quote, ambiguous: best.ambiguous };
}

function judge(text: string, index: number, length: number, nearTop: boolean): { weight: number; quote: string } | null {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  const newline = text.indexOf('\n', index + length);
  const lineBefore = text.slice(lineStart, index);
  // A label alone on the line above its date ("Published on" / "09/03/2021"), a blank line between at most.
  let beforeStart = Math.max(lineStart, index - 80);
  let before = text.slice(beforeStart, index);
  if (!before.trim() && lineStart > 0) {
    let end = lineStart - 1;
    let start = text.lastIndexOf('\n', end - 1) + 1;
    if (!text.slice(start, end).trim() && start > 0) {
      end = start - 1;
      start = text.lastIndexOf('\n', end - 1) + 1;
    }
    beforeStart = Math.max(start, end - 80);
    before = `${text.slice(beforeStart, end)} `;
  }
  const quote = (from: number) => quoteOf(text.slice(from, index + length));

  for (const { weight, pattern } of LABEL_PATTERNS) {
    const match = pattern.exec(before);
    if (!match) continue;
    const label = match[1]!;
    // A label ends in a colon, or starts with a capital ("Filed", "DECIDED"); "the claim was filed 3 March 2020"
    // is an event the document reports, not its date.
    if (!match[2] && /\p{Script=Latin}/u.test(label) && !/^\p{Lu}/u.test(label)) continue;
    return { weight, quote: quote(beforeStart + match.index) };
  }

  const rest = text.slice(index + length, newline === -1 ? text.length : newline);
  const linesAbove = text.slice(0, lineStart).split('\n').length - 1;
  if (nearTop && linesAbove < 25 && DATELINE_PLACE.test(lineBefore) && DATELINE_REST.test(rest.slice(0, 200)))
    return { weight: 2, quote: quoteOf(text.slice(lineStart, index + length) + (/^\s*r\./u.test(rest) ? ' r.' : '')) };
  return null;
}

function quoteOf(words: string): string {
  const quote = collapseSpaces(words);
  return quote.length > 100 ? `…${quote.slice(-99)}` : quote;
}
