/**
 * How names and documents are folded before they are matched: the search's folding (lower case, accents and marks
 * removed, "ß" as "ss", so "Muller" finds "Müller"), then the characters typesetting varies made one, character for
 * character so the folded text's offsets still lead back to the document's own.
 */
import { fold, foldWithOffsets, isWordCharacter } from '../search/fold';

/** A document's text folded for matching. */
export interface MatchText {
  folded: string;
  /**
   * Where folding changed the text's length ("ß" to "ss", an accent written as a character of its own removed), as
   * pairs: an offset in the folded text, and how far the original's offsets are from the folded ones from there on.
   * Null when folding changed no length, as in most texts. Kept instead of an offset for every character, which
   * would take four bytes a character for the many texts with a name like "Ærøskøbing" in them.
   */
  shifts: Int32Array | null;
}

/** Curly apostrophes, dashes, line breaks and odd spaces, as the plain character people type. */
const VARIANTS = /[\u2018\u2019\u02bc\u2032\u2010-\u2015\u2212\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\uff01-\uff5e]/g;

/** What each variant becomes: "O’Brien" is "O'Brien", a name broken across two lines is still the name. */
function plainCharacter(character: string): string {
  const code = character.charCodeAt(0);
  // Full-width Latin letters, digits and signs (common in Chinese and Japanese text) are ASCII shifted.
  if (code >= 0xff01) return String.fromCharCode(code - 0xfee0);
  if (code === 0x2018 || code === 0x2019 || code === 0x02bc || code === 0x2032) return "'";
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) return '-';
  return ' ';
}

function evenOut(folded: string): string {
  return folded.replace(VARIANTS, plainCharacter);
}

/** A document's text folded for matching, with the way back to its own offsets. */
export function foldText(text: string): MatchText {
  const { folded, origin } = foldWithOffsets(text);
  return { folded: evenOut(folded), shifts: shiftsOf(origin) };
}

function shiftsOf(origin: Int32Array): Int32Array | null {
  const pairs: number[] = [];
  let shift = 0;
  for (let at = 0; at < origin.length; at++) {
    if (origin[at]! - at === shift) continue;
    shift = origin[at]! - at;
    pairs.push(at, shift);
  }
  return pairs.length ? Int32Array.from(pairs) : null;
}

/** The offset in the original text of offset `at` in the folded one. */
export function originalOffset(text: MatchText, at: number): number {
  const shifts = text.shifts;
  if (!shifts) return at;
  // The last pair at or before `at`, by binary search.
  let low = 0;
  let high = shifts.length / 2 - 1;
  let shift = 0;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (shifts[middle * 2]! <= at) {
      shift = shifts[middle * 2 + 1]!;
      low = middle + 1;
    } else high = middle - 1;
  }
  return at + shift;
}

const SPACES = / {2,}/g;

/**
 * A name or alias folded as documents are, its spaces collapsed; null for one that would match noise: shorter than
 * two characters ("J", a single Chinese character) or with no letter or digit at all.
 */
export function foldName(name: string): string | null {
  const folded = evenOut(fold(name)).replace(SPACES, ' ').trim();
  // Counted composed, so a Korean syllable that folding split into its letters counts as one character.
  const characters = [...folded.normalize('NFC')];
  if (characters.length < 2 || !characters.some(isWordCharacter)) return null;
  return folded;
}
