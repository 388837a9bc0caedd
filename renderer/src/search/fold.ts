/**
 * How text is folded for search, the same way for indexing, querying and highlighting: lower-cased, decomposed (NFD)
 * with its marks stripped, and the letters that do not decompose spelt as people type them without the accent, so
 * "Frederic" finds "Frédéric" and "Lodz" finds "Łódź".
 */

/**
 * Letters with no decomposition into a base letter and a mark, and the final sigma, which lower-cases by position.
 * Find-in-document folds with the same table, so the reader finds what search found.
 */
export const UNDECOMPOSABLE_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
  ς: 'σ',
};
const SPECIAL_LETTERS = /[ßæœøłđðþıħŧŀς]/g;
const MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_RUNS = /[^\x00-\x7f]+/g;

/** Runs of non-ASCII characters already folded: names and accented words recur through a case. */
const foldedRuns = new Map<string, string>();
const FOLDED_RUNS_KEPT = 50_000;

/**
 * The folded form of a text, for the index and for queries. Lower-casing leaves ASCII as ASCII and folding leaves it
 * alone, so only the runs of other characters are decomposed and stripped, each run once.
 */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.replace(NON_ASCII_RUNS, foldRun) : lower;
}

function foldRun(run: string): string {
  let folded = foldedRuns.get(run);
  if (folded === undefined) {
    folded = run
      .normalize('NFD')
      .toLowerCase()
      .replace(MARKS, '')
      .replace(SPECIAL_LETTERS, (letter) => UNDECOMPOSABLE_LETTERS[letter]!);
    if (foldedRuns.size >= FOLDED_RUNS_KEPT) foldedRuns.clear();
    foldedRuns.set(run, folded);
  }
  return folded;
}

/** A text folded character by character, with where each folded character came from in the original. */
export interface FoldedText {
  folded: string;
  /**
   * `origin[i]` is the offset in the original of folded character `i`; `origin[folded.length]` is its length. To
   * read only: it may be shared with other texts.
   */
  origin: Int32Array;
}

/** For each UTF-16 code unit but the surrogates: 1 if it folds to exactly one unit, 2 if not, 0 until first asked. */
const unitFolds = new Uint8Array(0x10000);

/**
 * Whether every character of `text` folds to exactly one character in its place: ASCII and letters written whole
 * ("é", "ł"), most text. Then the folded text's offsets are the original's.
 */
function foldsUnitForUnit(text: string): boolean {
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code < 0x80) continue;
    let known = unitFolds[code]!;
    if (known === 0) {
      const surrogate = code >= 0xd800 && code < 0xe000;
      unitFolds[code] = known = !surrogate && fold(String.fromCharCode(code)).length === 1 ? 1 : 2;
    }
    if (known === 2) return false;
  }
  return true;
}

/** Texts up to this long share one array of offsets 0, 1, 2…: snippets fold slices of some 33,000 characters. */
const SHARED_OFFSETS = 1 << 16;
let sharedOffsets = new Int32Array(0);

/** The offsets 0 to `length`. */
function sameOffsets(length: number): Int32Array {
  if (length < sharedOffsets.length) return sharedOffsets.subarray(0, length + 1);
  const offsets = new Int32Array(length + 1);
  for (let index = 0; index <= length; index++) offsets[index] = index;
  if (length < SHARED_OFFSETS) sharedOffsets = offsets;
  return offsets;
}

/** Folds like `fold`, keeping the way back to the original's offsets so matches can be highlighted there. */
export function foldWithOffsets(text: string): FoldedText {
  if (foldsUnitForUnit(text)) return { folded: fold(text), origin: sameOffsets(text.length) };
  const origin = new Int32Array(text.length * 2 + 1);
  const pieces: string[] = [];
  let length = 0;
  for (let offset = 0; offset < text.length; ) {
    // A run of ASCII folds to itself lower-cased, character for character.
    let end = offset;
    while (end < text.length && text.charCodeAt(end) < 0x80) end++;
    if (end > offset) {
      pieces.push(text.slice(offset, end).toLowerCase());
      for (let index = offset; index < end; index++) origin[length++] = index;
      offset = end;
      continue;
    }
    const character = String.fromCodePoint(text.codePointAt(offset)!);
    const folded = fold(character);
    for (let index = 0; index < folded.length; index++) origin[length++] = offset;
    pieces.push(folded);
    offset += character.length;
  }
  origin[length] = text.length;
  return { folded: pieces.join(''), origin: origin.slice(0, length + 1) };
}

/** Letters and digits make words; everything else separates them. */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** For each UTF-16 code unit but the surrogates: 1 if a word character, 2 if not, 0 until first asked. */
const wordUnits = new Uint8Array(0x10000);
for (let code = 0; code < 0x80; code++) wordUnits[code] = WORD_CHARACTER.test(String.fromCharCode(code)) ? 1 : 2;

export const isWordCharacter = (character: string | undefined): boolean =>
  character !== undefined && WORD_CHARACTER.test(character);

/**
 * Common English words left out of the index: they are in nearly every record, so they cost the most and rank
 * nothing. Phrases keep them: a quoted phrase is checked against the text itself.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be but by for from had has have he her his i in is it its of on or she that the their ' +
    'they this to was were which with'
  ).split(' '),
);

/** Length of the word character at `at` (1, or 2 for one outside the Basic Multilingual Plane), or 0 if none. */
function wordCharacterAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code >= 0xe000) {
    let known = wordUnits[code]!;
    if (known === 0) wordUnits[code] = known = WORD_CHARACTER.test(text[at]!) ? 1 : 2;
    return known === 1 ? 1 : 0;
  }
  const point = text.codePointAt(at)!;
  const length = point > 0xffff ? 2 : 1;
  return WORD_CHARACTER.test(String.fromCodePoint(point)) ? length : 0;
}

/**
 * The words of a folded text, in order, stop words and one-letter words included: what
 * `folded.match(/[\p{L}\p{N}]+/gu)` gives, found with a table instead of the regular expression, which is the most
 * frequent step of indexing.
 */
export function wordsOf(folded: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let at = 0; at < folded.length; ) {
    const length = wordCharacterAt(folded, at);
    if (length) {
      if (start < 0) start = at;
      at += length;
    } else {
      if (start >= 0) words.push(folded.slice(start, at));
      start = -1;
      at++;
    }
  }
  if (start >= 0) words.push(folded.slice(start));
  return words;
}

/** Whether a folded word goes into the index: not a stop word, and at least two characters unless a digit. */
export function isIndexed(word: string): boolean {
  return (word.length > 1 || (word >= '0' && word <= '9')) && !STOP_WORDS.has(word);
}
