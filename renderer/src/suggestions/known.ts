/**
 * The case's own entities in a text, in any language: their names and aliases found where the text writes them
 * (Chinese, Japanese, Korean and Thai by their characters, other scripts word by word), and the short list of
 * entities a new name is likely to be.
 */
import { foldWithOffsets, fold } from '../search/fold';
import { initialsOf, isAcronym, nameTokens } from './keys';
import type { EntityMatch, KnownEntity, SuggestionType } from './types';

/** Scripts written without spaces between words (or with words that take endings, as Korean): names are found inside. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORDS = /[\p{L}\p{N}\p{M}]+/gu;
/** What may stand between two words of one name: a space, a hyphen, an apostrophe, an initial's full stop. */
const NAME_GAP = /^[ \t\u00a0\-‐'’.]{1,3}$/u;
const MAX_MATCHES = 3;
const MIN_SCORE = 0.5;

export const suggestionTypeOf = (type: KnownEntity['type']): SuggestionType =>
  type === 'person' || type === 'organisation' || type === 'place' ? type : 'other';

/** A place where the text names a known entity, by its name or an alias. */
export interface KnownMention {
  start: number;
  end: number;
  text: string;
  entity: KnownEntity;
}

interface Spelling {
  entity: KnownEntity;
  tokens: string[];
  /** The name is written with a capital: the text must write it so too ("Sky" is not "sky"). */
  capitalised: boolean;
}

/** Every place the text names one of the entities, the longest name winning where two overlap. */
export function knownMentions(text: string, entities: readonly KnownEntity[]): KnownMention[] {
  if (!entities.length || !text) return [];
  const byFirstToken = new Map<string, Spelling[]>();
  const unspaced: { entity: KnownEntity; folded: string }[] = [];
  for (const entity of entities)
    for (const name of [entity.name, ...entity.aliases]) {
      const trimmed = name.trim();
      if (UNSPACED.test(trimmed)) {
        const folded = fold(trimmed).replace(/\s+/g, '');
        if (folded.length >= 2) unspaced.push({ entity, folded });
        continue;
      }
      const tokens = nameTokens(trimmed);
      if (!tokens.length || tokens.join('').length < 2) continue;
      const spelling = { entity, tokens, capitalised: /^\p{Lu}/u.test(trimmed) };
      const list = byFirstToken.get(tokens[0]!);
      if (list) list.push(spelling);
      else byFirstToken.set(tokens[0]!, [spelling]);
    }

  const { folded, origin } = foldWithOffsets(text);
  const found: KnownMention[] = [];
  const add = (foldedStart: number, foldedEnd: number, entity: KnownEntity) => {
    const start = origin[foldedStart]!;
    // The end is where the folded character after the match came from: a decomposed "é" stays whole.
    const end = origin[foldedEnd]!;
    found.push({ start, end, text: text.slice(start, end), entity });
  };

  if (byFirstToken.size) {
    const words = Array.from(folded.matchAll(WORDS), (match) => ({ start: match.index, end: match.index + match[0].length, word: match[0] }));
    words.forEach((first, at) => {
      const spellings = byFirstToken.get(first.word);
      if (!spellings) return;
      for (const { entity, tokens, capitalised } of spellings) {
        if (at + tokens.length > words.length) continue;
        let fits = true;
        for (let index = 1; index < tokens.length && fits; index++) {
          const word = words[at + index]!;
          fits = word.word === tokens[index] && NAME_GAP.test(folded.slice(words[at + index - 1]!.end, word.start));
        }
        if (!fits) continue;
        if (capitalised && !/^\p{Lu}/u.test(text.slice(origin[first.start]!, origin[first.start]! + 2))) continue;
        add(first.start, words[at + tokens.length - 1]!.end, entity);
      }
    });
  }

  if (unspaced.length && UNSPACED.test(text)) {
    // Only names whose first two characters the text holds side by side are looked for.
    const pairs = new Set<string>();
    for (let at = 0; at + 1 < folded.length; at++) pairs.add(folded.slice(at, at + 2));
    for (const { entity, folded: name } of unspaced) {
      if (!pairs.has(name.slice(0, 2))) continue;
      for (let at = folded.indexOf(name); at >= 0; at = folded.indexOf(name, at + name.length)) add(at, at + name.length, entity);
    }
  }

  // Longest first at each start; a mention inside one kept is dropped.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: KnownMention[] = [];
  for (const mention of found) if (!kept.length || mention.start >= kept.at(-1)!.end) kept.push(mention);
  return kept;
}

interface IndexedName {
  entity: KnownEntity;
  key: string;
  tokens: string[];
  initials: string;
}

/** The case's entities arranged for finding the likely matches of many suggested names. */
export class EntityIndex {
  private readonly byToken = new Map<string, IndexedName[]>();
  private readonly byInitials = new Map<string, IndexedName[]>();

  constructor(entities: readonly KnownEntity[]) {
    for (const entity of entities)
      for (const name of [entity.name, ...entity.aliases]) {
        const tokens = nameTokens(name);
        if (!tokens.length) continue;
        const indexed: IndexedName = { entity, key: tokens.join(' '), tokens, initials: initialsOf(name) };
        for (const token of new Set(tokens)) push(this.byToken, token, indexed);
        // An entity named by an acronym, and one whose initials make an acronym.
        if (tokens.length === 1 && isAcronym(name.trim())) push(this.byInitials, tokens[0]!, indexed);
        if (indexed.initials.length >= 2 && tokens.length >= 2) push(this.byInitials, indexed.initials, indexed);
      }
  }

  /** The entities a suggested name is likely to be, best first, at most three. */
  matches(name: string, type: SuggestionType): EntityMatch[] {
    const tokens = nameTokens(name);
    if (!tokens.length) return [];
    const key = tokens.join(' ');
    const candidates = new Set<IndexedName>();
    for (const token of tokens) for (const indexed of this.byToken.get(token) ?? []) candidates.add(indexed);
    if (tokens.length === 1) for (const indexed of this.byInitials.get(tokens[0]!) ?? []) candidates.add(indexed);
    if (tokens.length >= 2) for (const indexed of this.byInitials.get(initialsOf(name)) ?? []) if (indexed.tokens.length === 1) candidates.add(indexed);

    const best = new Map<string, EntityMatch>();
    for (const indexed of candidates) {
      let score = nameScore(key, tokens, name, indexed);
      const entityType = suggestionTypeOf(indexed.entity.type);
      // A known person is less likely to be a suggested place, unless either has no type to speak of.
      if (score < 1 && type !== 'other' && entityType !== 'other' && entityType !== type) score *= 0.8;
      if (score < MIN_SCORE) continue;
      const previous = best.get(indexed.entity.id);
      if (!previous || previous.score < score) best.set(indexed.entity.id, { entityId: indexed.entity.id, name: indexed.entity.name, score: Math.round(score * 100) / 100 });
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, MAX_MATCHES);
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const endsWith = (long: string[], short: string[]) => short.length < long.length && short.every((token, index) => long[long.length - short.length + index] === token);

/**
 * How likely a suggested name is one of an entity's names: the same (1), its last words, as a surname is (0.85),
 * its acronym (0.8), or sharing words (up to 0.75 by the share of words in common).
 */
function nameScore(key: string, tokens: string[], name: string, indexed: IndexedName): number {
  if (key === indexed.key) return 1;
  if (endsWith(indexed.tokens, tokens) || endsWith(tokens, indexed.tokens)) return 0.85;
  if (tokens.length === 1 && indexed.initials === tokens[0] && indexed.tokens.length >= 2) return 0.8;
  if (indexed.tokens.length === 1 && tokens.length >= 2 && initialsOf(name) === indexed.tokens[0]) return 0.8;
  const own = new Set(tokens);
  const shared = indexed.tokens.filter((token) => own.has(token)).length;
  const jaccard = shared / (own.size + indexed.tokens.length - shared);
  return 0.3 + 0.45 * jaccard;
}
