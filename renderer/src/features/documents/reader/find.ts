/**
 * Find-in-document matching: case- and diacritics-insensitive ("zoe" finds "Zoë", "lodz" finds "Łódź"), with any
 * run of white space matching any other and typographic quotes and dashes matching plain ones.
 */

import { UNDECOMPOSABLE_LETTERS } from '../../../search/fold';

export interface TextSpan {
  start: number;
  end: number;
}

/** A text folded for matching, with each folded character's place in the original. */
export interface FoldedText {
  folded: string;
  /** For each folded character, the original offset it comes from. */
  starts: Int32Array;
  /** For each folded character, the original offset just after the character it comes from. */
  ends: Int32Array;
}

/** The search's letter table, plus typographic quotes and dashes matching plain ones. */
const SPECIAL: Record<string, string> = {
  ...UNDECOMPOSABLE_LETTERS,
  '‘': "'",
  '’': "'",
  '‚': "'",
  '′': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '«': '"',
  '»': '"',
  '–': '-',
  '—': '-',
  '‐': '-',
  '‑': '-',
  '−': '-',
};

const MARKS = /\p{M}/gu;
const IGNORED = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
const SPACE = /\s/;

function foldCharacter(character: string): string {
  const lower = character.toLowerCase();
  return SPECIAL[lower] ?? lower.normalize('NFD').replace(MARKS, '');
}

export function foldText(source: string): FoldedText {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let inSpace = false;
  for (let offset = 0; offset < source.length; ) {
    const character = String.fromCodePoint(source.codePointAt(offset)!);
    const next = offset + character.length;
    if (SPACE.test(character)) {
      if (!inSpace) {
        folded += ' ';
        starts.push(offset);
        ends.push(next);
      }
      inSpace = true;
    } else if (!IGNORED.test(character)) {
      inSpace = false;
      for (const piece of foldCharacter(character)) {
        folded += piece;
        starts.push(offset);
        ends.push(next);
      }
    }
    offset = next;
  }
  return { folded, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** The query as it is matched: folded like the text, white space at its ends ignored. */
export function foldQuery(query: string): string {
  return foldText(query.trim()).folded;
}

/** Most matches reported, so a one-letter query in a long document stays quick. */
export const MAX_MATCHES = 10_000;

/** Every non-overlapping match of the query in the text, as offsets into the original text. */
export function findMatches(text: FoldedText, query: string, limit = MAX_MATCHES): TextSpan[] {
  const needle = foldQuery(query);
  if (!needle) return [];
  const matches: TextSpan[] = [];
  for (let at = text.folded.indexOf(needle); at >= 0 && matches.length < limit; ) {
    matches.push({ start: text.starts[at]!, end: text.ends[at + needle.length - 1]! });
    at = text.folded.indexOf(needle, at + needle.length);
  }
  return matches;
}
