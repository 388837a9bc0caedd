/**
 * How names are compared: folded for case and accents as search folds them ("Frédéric" is "frederic"), with the
 * possessive and punctuation taken off ("Ferreira-Lobo's" is "ferreira lobo"). A suggestion's key is its name so
 * folded, and it is what a dismissal remembers.
 */
import { fold } from '../search/fold';

/** A possessive at the end of a name: "Marwick's", "Marwick’s", "Reynolds'". */
const POSSESSIVE = /(?:['’]s|(?<=s)['’])$/iu;

/** The name without a possessive ending. */
export const withoutPossessive = (name: string) => name.replace(POSSESSIVE, '');

/** The folded words of a name, without possessive or punctuation. */
export function nameTokens(name: string): string[] {
  return fold(withoutPossessive(name.trim()))
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean);
}

/**
 * The key of a suggested name: what two spellings of one name share, and what the researcher's dismissal of it is
 * stored under. Store exactly this string when a suggestion is dismissed.
 */
export function suggestionKey(name: string): string {
  const tokens = nameTokens(name);
  // "Seacrest Holdings Ltd" is "Seacrest Holdings": a company's legal form is left out of its key.
  while (tokens.length > 1 && LEGAL_FORMS.has(tokens.at(-1)!)) tokens.pop();
  if (tokens.length > 3 && tokens.slice(-3).join(' ') === 'z o o') tokens.splice(-4);
  return tokens.join(' ');
}

/** Legal forms of companies at the end of their names, folded. */
const LEGAL_FORMS = new Set('ltd limited inc incorporated corp plc llc llp lp gmbh ag kg sa sarl sas sasu sl bv nv vzw asbl spa srl oy ab as aps pte pty'.split(' '));

/** The initials of a name's capitalised words ("Federal Judicial Police" is "fjp"), for matching an acronym. */
export function initialsOf(name: string): string {
  return name
    .split(/[\s\-–]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => fold(word[0]!))
    .join('');
}

/** Whether a word is written as an acronym: two to six capitals or digits, at least two of them letters ("ECC", "G7"). */
export const isAcronym = (word: string) => /^(?=(?:\p{N}*\p{Lu}){2})[\p{Lu}\p{N}]{2,6}$/u.test(word);
