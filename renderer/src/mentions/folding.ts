/**
 * How names and documents are folded before they are matched: the search's folding (lower case, accents and marks
 * removed, "ß" as "ss", so "Muller" finds "Müller"), then the characters typesetting varies made one, character for
 * character so the folded text's offsets still lead back to the document's own.
 */
import { fold, foldWithOffsets } from '../search/fold';

/** A document's text folded for matching. */
export interface MatchText {
  folded: string;
  /**
   * Where each folded character came from in the original (`origin[folded.length]` is its length); null when every
   * character folded to one in its place, as in most texts, so that offsets are the same in both.
   */
  origin: Int32Array | null;
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
  return { folded: evenOut(folded), origin: isIdentity(origin) ? null : origin };
}

function isIdentity(origin: Int32Array): boolean {
  for (let index = 0; index < origin.length; index++) if (origin[index] !== index) return false;
  return true;
}

/** The offset in the original text of offset `at` in the folded one. */
export function originalOffset(text: MatchText, at: number): number {
  return text.origin ? text.origin[at]! : at;
}

const SPACES = / {2,}/g;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * A name or alias folded as documents are, its spaces collapsed; null for one that would match noise: shorter than
 * two characters ("J", a single Chinese character) or with no letter or digit at all.
 */
export function foldName(name: string): string | null {
  const folded = evenOut(fold(name)).replace(SPACES, ' ').trim();
  // Counted composed, so a Korean syllable that folding split into its letters counts as one character.
  if ([...folded.normalize('NFC')].length < 2 || !WORD_CHARACTER.test(folded)) return null;
  return folded;
}
