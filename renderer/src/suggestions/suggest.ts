/**
 * The suggestion engine: the people, organisations and places a document's text names, found offline, each once
 * with its count, its spellings, a few snippets and the case's entities it may be. Pure (no DOM, no database); the
 * suggestions worker runs it, so compromise, which it loads for English, never loads in the page.
 *
 * How a text is read:
 * - The site's text is left out first, by the clean-up's own rules (cleanup/proposeCleanup.ts): menus, share rows,
 *   "ADVERTISEMENT", newsletter boxes, "Read more" lists, credits. A name that is one of the site's buttons or labels
 *   ("Newsletter", "Share") is never suggested from a line that is not a sentence.
 * - Latin-script text: capitalised names (capitalised.ts, whose rules are listed there); English text also through
 *   compromise (english.ts), which types people, organisations and places and knows common words ("Belgian"), up to
 *   MAX_MODEL_CHARACTERS.
 * - Every language, Chinese included: the case's own entities, by their names and aliases (known.ts).
 * - Where names overlap, the longest is kept; a name of the case's entities wins over an equal one found otherwise.
 *
 * How names are made one suggestion: by their key (case, accents, possessive and punctuation folded: suggestionKey);
 * a surname alone joins the one full name of a person that ends with it ("Van Leeuw" joins "Frédéric Van Leeuw"),
 * and an acronym the one name whose initials it is ("SMT", "Société Méridionale de Transit"). A type is voted by
 * the mentions: the case's entity, then compromise, then a sign in the text, then a guess from the name's shape.
 * Dismissed keys are never returned.
 */
import { isSiteWording, proposeCleanup } from '../cleanup/proposeCleanup';
import { capitalisedNames, type NameSpan, type TypeStrength } from './capitalised';
import { englishNames, isCommonEnglishWord, isGivenName } from './english';
import { initialsOf, isAcronym, nameTokens, suggestionKey, withoutPossessive } from './keys';
import { EntityIndex, knownMentions, suggestionTypeOf } from './known';
import {
  SUGGESTION_TYPES,
  type BatchDocument,
  type BatchOptions,
  type BatchSuggestion,
  type EntityMatch,
  type KnownEntity,
  type Suggestion,
  type SuggestionSnippet,
  type SuggestionType,
  type SuggestOptions,
} from './types';
import { PERSON_TITLES, primaryLanguage } from './words';
import { fold } from '../search/fold';

const SNIPPETS = 3;
/**
 * Beyond this many characters (some 170,000 words, a long book) English is read without compromise, by the rules of
 * the other languages: compromise reads about 20,000 words a second, and a researcher would wait minutes.
 */
const MAX_MODEL_CHARACTERS = 1_000_000;
/** Characters of text shown on each side of a name in a snippet, at most. */
const CONTEXT = 70;
/** A line of at least this many words is a sentence: a site's label there is the article's word. */
const SENTENCE_WORDS = 8;

interface Mention {
  documentId: string;
  start: number;
  end: number;
  text: string;
  key: string;
  type: SuggestionType | null;
  strength: TypeStrength | 'known' | null;
  entity?: KnownEntity;
  /** Found only as a sentence's first word (capitalised.ts, rule 6): kept only where it joins another name. */
  tentative?: boolean;
}

/** The suggestions for one document, grouped by type (people, organisations, places, other), most named first. */
export function suggestEntities(text: string, options: SuggestOptions): Suggestion[] {
  const mentions = findMentions('', text, options);
  return groupMentions(mentions, options).map((group) => {
    const { snippets, ...rest } = describe(group, new Map([['', text]]), options);
    return { ...rest, snippets: snippets.map(({ documentId: _documentId, ...snippet }) => snippet) };
  });
}

/** The suggestions for a batch of documents (after an import), counted over all of them and in each. */
export function suggestForBatch(documents: readonly BatchDocument[], options: BatchOptions): BatchSuggestion[] {
  const mentions = documents.flatMap((document) => findMentions(document.documentId, document.text, { ...options, ...document }));
  const texts = new Map(documents.map((document) => [document.documentId, document.text]));
  return groupMentions(mentions, options).map((group) => {
    const counts = new Map<string, number>();
    for (const mention of group.mentions) counts.set(mention.documentId, (counts.get(mention.documentId) ?? 0) + 1);
    return { ...describe(group, texts, options), documents: Array.from(counts, ([documentId, count]) => ({ documentId, count })) };
  });
}

/** The text with the lines of the site's text blanked out (same length, so offsets hold). */
function withoutSiteText(text: string, extracted: boolean): string {
  const { lines } = proposeCleanup(text, { extracted });
  if (!lines.some((line) => line.chrome)) return text;
  let masked = '';
  let at = 0;
  for (const line of lines) {
    const end = text.indexOf('\n', at);
    const lineEnd = end < 0 ? text.length : end + 1;
    masked += line.chrome ? text.slice(at, lineEnd).replace(/[^\r\n]/g, ' ') : text.slice(at, lineEnd);
    at = lineEnd;
  }
  return masked;
}

const LATIN = /\p{Script=Latin}/gu;
const LETTER = /\p{L}/gu;

/** Whether most letters of the text are Latin: the capitalised-name rules read only such text. */
function isLatinText(text: string): boolean {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const letters = sample.match(LETTER)?.length ?? 0;
  return letters > 0 && (sample.match(LATIN)?.length ?? 0) >= letters / 2;
}


interface Candidate extends NameSpan {
  entity?: KnownEntity;
  priority: number;
}

/** Every name of a document, after the overlaps are settled, with its key and the type its mention says. */
function findMentions(documentId: string, text: string, options: Omit<SuggestOptions, 'dismissed'>): Mention[] {
  const masked = withoutSiteText(text, options.extracted ?? false);
  const english = primaryLanguage(options.language) === 'en';
  const model = english && masked.length <= MAX_MODEL_CHARACTERS;
  const candidates: Candidate[] = [];
  if (isLatinText(masked)) {
    for (const span of capitalisedNames(masked, { language: options.language, isCommonWord: english ? isCommonEnglishWord : undefined, isGivenName }))
      candidates.push({ ...span, priority: 1 });
    if (model) for (const span of englishNames(masked)) candidates.push({ ...withoutTitles(masked, span), priority: 2 });
  }
  for (const mention of knownMentions(masked, options.knownEntities))
    candidates.push({ ...mention, type: suggestionTypeOf(mention.entity.type), strength: null, priority: 3 });

  // Clusters of overlapping names: the longest stands for them (the case's entity among equals), typed by the best said.
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || b.priority - a.priority);
  const mentions: Mention[] = [];
  for (let at = 0; at < candidates.length; ) {
    const cluster = [candidates[at]!];
    let end = cluster[0]!.end;
    for (at++; at < candidates.length && candidates[at]!.start < end; at++) {
      cluster.push(candidates[at]!);
      end = Math.max(end, candidates[at]!.end);
    }
    const winner = cluster.reduce((best, candidate) => {
      const length = candidate.end - candidate.start;
      const bestLength = best.end - best.start;
      return length > bestLength || (length === bestLength && candidate.priority > best.priority) ? candidate : best;
    });
    const mention = mentionOf(documentId, text, masked, winner, cluster);
    if (mention) mentions.push(mention);
  }
  return mentions;
}

/** compromise keeps a title with the name ("Inspector Rhona Achterberg"); the detector takes it off, and so here. */
function withoutTitles(text: string, span: NameSpan): NameSpan {
  let { start } = span;
  for (let title = /^([\p{L}]+)\.?\s+(?=\p{Lu})/u.exec(text.slice(start, span.end)); title && PERSON_TITLES.has(fold(title[1]!)); title = /^([\p{L}]+)\.?\s+(?=\p{Lu})/u.exec(text.slice(start, span.end)))
    start += title[0].length;
  return start === span.start ? span : { ...span, start, text: text.slice(start, span.end) };
}

function mentionOf(documentId: string, text: string, masked: string, winner: Candidate, cluster: Candidate[]): Mention | null {
  const surface = withoutPossessive(text.slice(winner.start, winner.end));
  const end = winner.start + surface.length;
  if (winner.entity)
    return { documentId, start: winner.start, end, text: surface, key: suggestionKey(winner.entity.name), type: suggestionTypeOf(winner.entity.type), strength: 'known', entity: winner.entity };
  const key = suggestionKey(surface);
  if (key.replace(/[\p{N}\s]/gu, '').length < 2) return null;
  // A site's button or label on a line of its own ("Newsletter", "Share this"), however the clean-up missed it.
  if (isSiteWording(surface) && lineOf(masked, winner.start).split(/\s+/).filter(Boolean).length < SENTENCE_WORDS) return null;
  // The best type said of this name or of a name inside it: compromise's, then the detector's.
  const inside = cluster.filter((candidate) => candidate.start >= winner.start && candidate.end <= winner.end && candidate.type);
  const typed = inside.sort((a, b) => strengthRank(b.strength) - strengthRank(a.strength))[0];
  const tentative = cluster.every((candidate) => candidate.tentative);
  return { documentId, start: winner.start, end, text: surface, key, type: typed?.type ?? null, strength: typed?.strength ?? null, ...(tentative ? { tentative } : {}) };
}

/** Which type of overlapping names a mention takes: the case's, then a sign in the name, compromise's, a hint, a guess. */
const STRENGTH_RANK = { known: 5, sign: 4, model: 3, hint: 2, guess: 1 } as const;
const strengthRank = (strength: Mention['strength']) => (strength ? STRENGTH_RANK[strength] : 0);

function lineOf(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? text.length : end);
}

interface Group {
  key: string;
  mentions: Mention[];
  entity?: KnownEntity;
  type: SuggestionType;
}

/** Votes of each kind of mention for a type: the case's entity counts most, a guess least. */
const VOTE = { known: 8, sign: 4, model: 3, hint: 2, guess: 1 } as const;

function voteType(mentions: readonly Mention[]): SuggestionType {
  const votes = new Map<SuggestionType, number>();
  for (const mention of mentions) if (mention.type && mention.strength) votes.set(mention.type, (votes.get(mention.type) ?? 0) + VOTE[mention.strength]);
  let best: SuggestionType = 'other';
  let bestVotes = 0;
  for (const type of SUGGESTION_TYPES) {
    const count = votes.get(type) ?? 0;
    if (count > bestVotes) [best, bestVotes] = [type, count];
  }
  return best;
}

/** Mentions made one group per name: by key, then surnames into full names and acronyms into the names they stand for. */
function groupMentions(mentions: readonly Mention[], options: BatchOptions): Group[] {
  const byKey = new Map<string, Group>();
  for (const mention of mentions) {
    let group = byKey.get(mention.key);
    if (!group) byKey.set(mention.key, (group = { key: mention.key, mentions: [], type: 'other' }));
    group.mentions.push(mention);
    if (mention.entity) group.entity = mention.entity;
  }
  const groups = [...byKey.values()];
  for (const group of groups) group.type = voteType(group.mentions);

  const tokensOf = new Map(groups.map((group) => [group, group.key.split(' ')]));
  const endsWith = (long: string[], short: string[]) => short.length < long.length && short.every((token, index) => long[long.length - short.length + index] === token);
  const merged = new Set<Group>();
  const mergeInto = (target: Group, source: Group) => {
    target.mentions.push(...source.mentions);
    merged.add(source);
  };
  const tentative = (group: Group) => group.mentions.every((mention) => mention.tentative);
  for (const group of groups) {
    if (group.entity) continue;
    const tokens = tokensOf.get(group)!;
    const variants = group.mentions.map((mention) => mention.text);
    // A surname alone (one or two words, "Van Leeuw"), unless compromise or the case says it is something else.
    const otherwise =
      group.type !== 'person' && group.type !== 'other' && group.mentions.some((mention) => (mention.strength === 'model' || mention.strength === 'known') && mention.type === group.type);
    if (tokens.length <= 2 && !otherwise) {
      const people = groups.filter((other) => other !== group && !merged.has(other) && !tentative(other) && other.type === 'person' && endsWith(tokensOf.get(other)!, tokens));
      if (people.length === 1) {
        mergeInto(people[0]!, group);
        continue;
      }
    }
    if (tokens.length === 1 && variants.some((variant) => isAcronym(variant))) {
      const named = groups.filter(
        (other) => other !== group && !merged.has(other) && tokensOf.get(other)!.length >= 2 && other.mentions.some((mention) => initialsOf(mention.text) === tokens[0]),
      );
      if (named.length === 1) mergeInto(named[0]!, group);
    }
  }

  // A group that took in others votes again: "AIS" says organisation of "Automatic Identification System".
  for (const group of groups) if (!merged.has(group)) group.type = voteType(group.mentions);

  const dismissed = new Set(options.dismissed.map((dismissal) => dismissal.key));
  const order = (type: SuggestionType) => SUGGESTION_TYPES.indexOf(type);
  return groups
    .filter((group) => !merged.has(group) && !tentative(group) && !dismissed.has(group.key))
    .map((group) => ({ ...group, mentions: group.mentions.sort((a, b) => a.documentId.localeCompare(b.documentId) || a.start - b.start) }))
    .sort((a, b) => order(a.type) - order(b.type) || b.mentions.length - a.mentions.length || a.key.localeCompare(b.key));
}

const nonAscii = (text: string) => text.replace(/[\x00-\x7f]/g, '').length;

/** The spelling to show: the commonest of the group's own key (not of a surname joined), accents kept, not in capitals. */
function bestName(group: Group): string {
  if (group.entity) return group.entity.name;
  const counts = new Map<string, number>();
  for (const mention of group.mentions) if (mention.key === group.key) counts.set(mention.text, (counts.get(mention.text) ?? 0) + 1);
  // Written in capitals ("FRÉDÉRIC VAN LEEUW" in a heading) is the last choice; an acronym is its own spelling.
  const shouted = (name: string) => name.length > 6 && name === name.toUpperCase() && name !== name.toLowerCase();
  const score = (name: string) => [counts.get(name)!, shouted(name) ? 0 : 1, nonAscii(name), name.length];
  return [...counts.keys()].sort((a, b) => {
    const [x, y] = [score(a), score(b)];
    for (let index = 0; index < x.length; index++) if (x[index] !== y[index]) return y[index]! - x[index]!;
    return a.localeCompare(b);
  })[0]!;
}

const entityIndexes = new WeakMap<readonly KnownEntity[], EntityIndex>();

function describe(group: Group, texts: ReadonlyMap<string, string>, options: BatchOptions): Omit<BatchSuggestion, 'documents'> {
  const name = bestName(group);
  const frequency = new Map<string, number>();
  for (const mention of group.mentions) frequency.set(mention.text, (frequency.get(mention.text) ?? 0) + 1);
  const variants = [name, ...[...frequency.keys()].filter((variant) => variant !== name).sort((a, b) => frequency.get(b)! - frequency.get(a)! || a.localeCompare(b))];
  let index = entityIndexes.get(options.knownEntities);
  if (!index) entityIndexes.set(options.knownEntities, (index = new EntityIndex(options.knownEntities)));
  const best = new Map<string, EntityMatch>();
  for (const variant of new Set([name, ...variants.filter((variant) => nameTokens(variant).length > 0)]))
    for (const match of index.matches(variant, group.type)) if ((best.get(match.entityId)?.score ?? 0) < match.score) best.set(match.entityId, match);
  const matches = [...best.values()].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, 3);
  return { key: group.key, name, type: group.type, count: group.mentions.length, variants, snippets: snippetsOf(group.mentions, texts), matches };
}

/** A few mentions' snippets: the first, then others from other lines (and, in a batch, other documents first). */
function snippetsOf(mentions: readonly Mention[], texts: ReadonlyMap<string, string>): (SuggestionSnippet & { documentId: string })[] {
  const chosen: Mention[] = [];
  const lines = new Set<string>();
  const documents = new Set<string>();
  const lineKey = (mention: Mention) => `${mention.documentId}\n${texts.get(mention.documentId)!.lastIndexOf('\n', mention.start)}`;
  for (const pass of [0, 1, 2]) {
    for (const mention of mentions) {
      if (chosen.length >= SNIPPETS) break;
      if (chosen.includes(mention)) continue;
      if (pass === 0 && documents.has(mention.documentId)) continue;
      if (pass === 1 && lines.has(lineKey(mention))) continue;
      chosen.push(mention);
      lines.add(lineKey(mention));
      documents.add(mention.documentId);
    }
  }
  return chosen
    .sort((a, b) => a.documentId.localeCompare(b.documentId) || a.start - b.start)
    .map((mention) => ({ documentId: mention.documentId, ...snippetAround(texts.get(mention.documentId)!, mention.start, mention.end) }));
}

/** Up to CONTEXT characters each side of a name, on its line, cut between words. */
export function snippetAround(text: string, mentionStart: number, mentionEnd: number): SuggestionSnippet {
  const lineStart = text.lastIndexOf('\n', mentionStart - 1) + 1;
  const newline = text.indexOf('\n', mentionEnd);
  const lineEnd = newline < 0 ? text.length : newline;
  let start = Math.max(lineStart, mentionStart - CONTEXT);
  let end = Math.min(lineEnd, mentionEnd + CONTEXT);
  if (start > lineStart) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < mentionStart) start = space + 1;
  }
  if (end < lineEnd) {
    const space = text.lastIndexOf(' ', end);
    if (space >= mentionEnd) end = space;
  }
  while (start < mentionStart && /\s/.test(text[start]!)) start++;
  while (end > mentionEnd && /\s/.test(text[end - 1]!)) end--;
  return { start, end, text: text.slice(start, end), mentionStart, mentionEnd };
}
