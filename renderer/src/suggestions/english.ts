/**
 * English names by compromise, a rule-based tagger with a lexicon of first names, countries, cities and
 * organisations (plain JavaScript, 358 KB minified, nothing fetched). Only the suggestions worker imports this module,
 * so the page never loads it.
 */
import nlp from 'compromise';
import type { NameSpan } from './capitalised';
import { fold } from '../search/fold';
import type { SuggestionType } from './types';

/** compromise's passes but the last (noun-phrase chunks), which nothing here reads and which costs a quarter. */
const PASSES = nlp.hooks().filter((pass) => !['alias', 'machine', 'contractions', 'chunks'].includes(pass));

const lexicon = (nlp.world() as { model: { one: { lexicon: Record<string, string | string[] | undefined> } } }).model.one.lexicon;

/** Tags of the lexicon that say a word is a name, not a common word. */
const NAME_TAGS = new Set(['Country', 'City', 'Region', 'Place', 'Organization', 'Company', 'FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'ProperNoun', 'Honorific', 'Acronym']);

/**
 * Whether the lexicon knows a word as something other than a name: a nationality ("Belgian", "Dutch"), a day, a verb,
 * an adverb… For words joined by hyphens, all their parts ("Dutch-French").
 */
export function isCommonEnglishWord(word: string): boolean {
  return word
    .toLowerCase()
    .split(/[-‐]/)
    .every((part) => {
      const tags = lexicon[part];
      return tags !== undefined && !(Array.isArray(tags) ? tags : [tags]).some((tag) => NAME_TAGS.has(tag));
    });
}

const GIVEN_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);

/**
 * Whether compromise's lexicon knows a word as a first name, in any of the languages its lists of names cover
 * ("Claire", "Pieter", "Tomasz", "Inês"); read for every language, since names travel.
 */
export function isGivenName(word: string): boolean {
  return word.split(/[-‐]/).some((part) => {
    const tags = lexicon[fold(part)];
    return tags !== undefined && (Array.isArray(tags) ? tags : [tags]).some((tag) => GIVEN_NAME_TAGS.has(tag));
  });
}

interface CompromiseMatch {
  text: string;
  offset: { start: number; length: number };
}

interface Tagged {
  json(options: { offset: boolean }): unknown;
}

/** Each match's text and place; its terms are not asked for (compromise's typings know no `terms: false`). */
const matchesOf = (found: Tagged) => found.json({ offset: true, terms: false } as { offset: boolean }) as CompromiseMatch[];

const KINDS: [SuggestionType, (doc: ReturnType<typeof nlp>) => Tagged][] = [
  ['person', (doc) => doc.people()],
  ['organisation', (doc) => doc.organizations()],
  ['place', (doc) => doc.places()],
];

/** A name as compromise cut it ("city of Rotterdam,", "Netherlands --"), trimmed to its capitalised words. */
function trimmed(text: string, match: CompromiseMatch): { start: number; end: number } | null {
  let start = match.offset.start;
  let end = start + match.offset.length;
  const slice = () => text.slice(start, end);
  // Leading lower-case words and anything not a letter.
  for (let leading = /^(?:[^\p{L}]+|\p{Ll}[\p{L}\p{M}'’-]*\s+)/u.exec(slice()); leading; leading = /^(?:[^\p{L}]+|\p{Ll}[\p{L}\p{M}'’-]*\s+)/u.exec(slice()))
    start += leading[0].length;
  // Trailing lower-case words, a possessive and punctuation: "Van Damme's office" is "Van Damme".
  for (let trailing = /(?:\s+\p{Ll}[\p{L}\p{M}'’-]*|(?:['’]s|(?<=s)['’])|[^\p{L}\p{N}]+)$/u.exec(slice()); trailing && end > start; trailing = /(?:\s+\p{Ll}[\p{L}\p{M}'’-]*|(?:['’]s|(?<=s)['’])|[^\p{L}\p{N}]+)$/u.exec(slice()))
    end -= trailing[0].length;
  const name = slice();
  // What compromise runs together with a slash or a line break is not one name ("Photo/Virginia").
  if (end <= start || !/^\p{Lu}/u.test(name) || /[^\p{L}\p{M}\p{N}\s'’.\-‐&]/u.test(name) || name.includes('\n')) return null;
  return { start, end };
}

/** A sentence: up to its full stop, question or exclamation mark (and a closing quote), or its line's end. */
const SENTENCE = /[^\n.!?]*(?:[.!?]+["”’)]?|\n|$)/g;
/** A capital after the sentence's first word: where a name may be. */
const CAPITAL_INSIDE = /[\s"“‘(\-–—]\p{Lu}/u;

/**
 * The text with its sentences that hold no capital after their first word blanked out (offsets kept): compromise
 * takes the most time of all, and finds no name in "The court heard that the cash was moved at night."
 */
function sentencesWithCapitals(text: string): string {
  return text.replace(SENTENCE, (sentence) => (CAPITAL_INSIDE.test(sentence.trimStart()) ? sentence : sentence.replace(/[^\n]/g, ' ')));
}

/** The people, organisations and places compromise finds, with their offsets in the text. */
export function englishNames(text: string): NameSpan[] {
  const doc = nlp.tokenize(sentencesWithCapitals(text));
  doc.compute(PASSES);
  const names: NameSpan[] = [];
  for (const [type, find] of KINDS)
    for (const match of matchesOf(find(doc))) {
      const span = trimmed(text, match);
      if (!span) continue;
      const name = text.slice(span.start, span.end);
      // compromise takes nationalities for organisations ("Belgian police", "Dutch-French operation").
      if (name.split(/\s+/).every(isCommonEnglishWord)) continue;
      names.push({ ...span, text: name, type, strength: 'model' });
    }
  return names.sort((a, b) => a.start - b.start);
}
