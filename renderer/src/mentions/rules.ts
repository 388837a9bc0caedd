/**
 * When a name found in a folded text is a mention: whole words (letters and digits, `\p{L}\p{N}`, make words), with an
 * ending a name may carry, except beside Chinese, Japanese or Korean characters, which are written without spaces.
 * And which mentions stand when names overlap: the leftmost, then the longest ("Port of Antwerp" over "Antwerp").
 */
import { isWordCharacter } from '../search/fold';
import { originalOffset, type MatchText } from './folding';

/**
 * What a character is to word boundaries: not a letter or digit (a space, punctuation, either end of the text), a
 * letter or digit, or a letter of a script written without spaces between words.
 */
const SEPARATOR = 0;
const LETTER = 1;
const CJK_LETTER = 2;
type Kind = typeof SEPARATOR | typeof LETTER | typeof CJK_LETTER;

const CJK = /[\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}\p{Script_Extensions=Hangul}]/u;

/** The kind of each UTF-16 code unit outside the surrogates, plus one: 0 until first asked. */
const unitKinds = new Uint8Array(0x10000);

function kindOf(character: string): Kind {
  if (!isWordCharacter(character)) return SEPARATOR;
  return CJK.test(character) ? CJK_LETTER : LETTER;
}

/** The kind of the character that starts at `at`; a separator past either end of the text. */
function kindAt(text: string, at: number): Kind {
  if (at < 0 || at >= text.length) return SEPARATOR;
  const code = text.charCodeAt(at);
  if (code >= 0xd800 && code < 0xe000) return kindOf(String.fromCodePoint(text.codePointAt(at)!));
  let known = unitKinds[code]!;
  if (known === 0) unitKinds[code] = known = kindOf(text[at]!) + 1;
  return (known - 1) as Kind;
}

/** The kind of the character that ends just before `at`. */
function kindBefore(text: string, at: number): Kind {
  const code = text.charCodeAt(at - 1);
  const pair = code >= 0xdc00 && code < 0xe000 && at >= 2;
  return kindAt(text, pair ? at - 2 : at - 1);
}

/** Whether a name's edge of kind `edge` may touch a character of kind `neighbour` and still be a whole word. */
function separates(edge: Kind, neighbour: Kind): boolean {
  return neighbour === SEPARATOR || edge === SEPARATOR || edge === CJK_LETTER || neighbour === CJK_LETTER;
}

/**
 * Endings a name may carry and still be the name, folded. "s" is the English plural and plural possessive ("the
 * Smiths", "the Smiths' house") and the genitive of German, Dutch and the Scandinavian languages ("Müllers Firma",
 * "Pieters fiets", "Svenssons bil"). The apostrophe forms ('s, ’s, s', s’) need none: an apostrophe already ends a word.
 * Left out: "-es" ("Portes" is French for doors, not the port) and the Slavic, Baltic and Finnish case endings, whose
 * stems change ("Wałęsa", "Wałęsie") and would need a stemmer for each language rather than a list.
 */
const ENDINGS: readonly string[] = ['s'];

/**
 * Whether a name found in a folded text from `start` to `end` stands as a word there: separated from the letters
 * around it, or followed by one of the ENDINGS if `takesEndings`, and starting and ending on whole characters of the
 * original (never inside the "ss" that "ß" folds to).
 */
export function standsAlone(text: MatchText, start: number, end: number, takesEndings: boolean): boolean {
  if (text.shifts && (splitsCharacter(text, start) || splitsCharacter(text, end))) return false;
  const folded = text.folded;
  if (!separates(kindAt(folded, start), kindBefore(folded, start))) return false;
  const last = kindBefore(folded, end);
  if (separates(last, kindAt(folded, end))) return true;
  return takesEndings && ENDINGS.some((ending) => folded.startsWith(ending, end) && separates(LETTER, kindAt(folded, end + ending.length)));
}

/** Whether offset `at` of a folded text falls inside what one character of the original folded to. */
function splitsCharacter(text: MatchText, at: number): boolean {
  return at > 0 && at < text.folded.length && originalOffset(text, at) === originalOffset(text, at - 1);
}

/**
 * Candidates as flat triples (pattern, start, end); the mentions that stand among them, as triples too: leftmost
 * first, the longest of those starting at the same place, none overlapping one already taken.
 */
export function selectMentions(candidates: Int32Array): Int32Array {
  const count = candidates.length / 3;
  const order = Array.from({ length: count }, (_, index) => index * 3);
  order.sort(
    (a, b) =>
      candidates[a + 1]! - candidates[b + 1]! ||
      candidates[b + 2]! - candidates[a + 2]! ||
      candidates[a]! - candidates[b]!,
  );
  const chosen: number[] = [];
  let taken = 0;
  for (const at of order) {
    if (candidates[at + 1]! < taken) continue;
    chosen.push(candidates[at]!, candidates[at + 1]!, candidates[at + 2]!);
    taken = candidates[at + 2]!;
  }
  return Int32Array.from(chosen);
}
