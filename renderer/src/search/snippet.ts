/**
 * Finding a query's words and phrases in a record's own text: to check that quoted phrases really appear (the index
 * knows words, not their order), to cut a snippet around the best match with its highlights, and to say which page
 * of a document it is on.
 */
import type { PageSpan } from '../../../shared/domain';
import { foldWithOffsets, isIndexed, isWordCharacter } from './fold';
import type { ParsedQuery } from './query';
import type { FieldName, SearchFields } from './searchFields';

export interface Snippet {
  text: string;
  /** [start, end) offsets into `text` of each match shown. */
  highlights: [number, number][];
}

/** One match in a field's original text; `key` names what matched, so a window can count distinct words. */
interface Match {
  start: number;
  end: number;
  key: string;
}

/** Long texts are folded and searched a slice at a time, so a match near the start is found without folding it all. */
const CHUNK = 32_768;
/** Slices overlap by this much, so a phrase across a slice's end is still found. */
const OVERLAP = 512;
/** About how long a snippet is, and how much of it comes before its first match. */
export const SNIPPET_LENGTH = 200;
const LEAD = 40;

/** What to look for: words matched whole, the word being typed matched as a prefix, and phrases. */
interface Needles {
  words: string[];
  prefix: string | null;
  phrases: string[][];
}

function needlesOf(query: ParsedQuery): Needles {
  const prefix = query.lastIsPrefix ? query.words.at(-1)! : null;
  return {
    words: query.words.filter((word) => word !== prefix && isIndexed(word)),
    prefix,
    phrases: query.phrases,
  };
}

/** Where `word` occurs whole in `folded` at or after `from`, and ends; -1 when it does not. */
function findWord(folded: string, word: string, from: number, wholeWord: boolean): number {
  for (let at = folded.indexOf(word, from); at >= 0; at = folded.indexOf(word, at + 1)) {
    if (isWordCharacter(folded[at - 1])) continue;
    if (wholeWord && isWordCharacter(folded[at + word.length])) continue;
    return at;
  }
  return -1;
}

/** End of the phrase `words` starting at `at` (where its first word is), or -1 when the rest does not follow. */
function phraseEnd(folded: string, words: readonly string[], at: number): number {
  let end = at + words[0]!.length;
  for (const word of words.slice(1)) {
    let next = end;
    while (next < folded.length && !isWordCharacter(folded[next])) next++;
    if (next === end || !folded.startsWith(word, next) || isWordCharacter(folded[next + word.length])) return -1;
    end = next + word.length;
  }
  return end;
}

/** Every match of the needles in one folded slice, in the slice's folded offsets. */
function matchesIn(folded: string, needles: Needles): Match[] {
  const matches: Match[] = [];
  for (const word of needles.words)
    for (let at = findWord(folded, word, 0, true); at >= 0; at = findWord(folded, word, at + 1, true))
      matches.push({ start: at, end: at + word.length, key: word });
  const { prefix } = needles;
  if (prefix)
    for (let at = findWord(folded, prefix, 0, false); at >= 0; at = findWord(folded, prefix, at + 1, false)) {
      let end = at + prefix.length;
      while (isWordCharacter(folded[end])) end++;
      matches.push({ start: at, end, key: prefix });
    }
  for (const phrase of needles.phrases) {
    const key = phrase.join(' ');
    for (let at = findWord(folded, phrase[0]!, 0, true); at >= 0; at = findWord(folded, phrase[0]!, at + 1, true)) {
      const end = phraseEnd(folded, phrase, at);
      if (end >= 0) matches.push({ start: at, end, key });
    }
  }
  return matches.sort((a, b) => a.start - b.start || b.end - a.end);
}

interface FieldMatches {
  /** Matches in the first slice of the field that has any, in original offsets. */
  matches: Match[];
  /** Phrases (joined by spaces) found anywhere in the field. */
  phrases: Set<string>;
}

/**
 * Looks through one field: the matches of the first slice that has any (enough for a snippet), and, slice after
 * slice, every phrase until all are found or the text ends.
 */
function searchField(text: string, needles: Needles, wanted: ReadonlySet<string>): FieldMatches {
  const found: FieldMatches = { matches: [], phrases: new Set() };
  for (let start = 0; start < text.length; start += CHUNK) {
    const end = Math.min(text.length, start + CHUNK + OVERLAP);
    const { folded, origin } = foldWithOffsets(text.slice(start, end));
    for (const match of matchesIn(folded, needles)) {
      const from = origin[match.start]! + start;
      // A match starting in the overlap belongs to the next slice.
      if (end < text.length && from >= start + CHUNK) continue;
      if (wanted.has(match.key)) found.phrases.add(match.key);
      if (found.matches.length === 0 || found.matches[0]!.start >= start)
        found.matches.push({ start: from, end: origin[match.end]! + start, key: match.key });
    }
    const done = [...wanted].every((phrase) => found.phrases.has(phrase));
    if (found.matches.length && done) break;
  }
  return found;
}

/** The window of about SNIPPET_LENGTH characters holding the most different matched words, earliest first. */
function bestWindow(matches: readonly Match[]): { first: Match; distinct: number } | null {
  let best: { first: Match; distinct: number } | null = null;
  for (const [index, first] of matches.entries()) {
    const keys = new Set<string>();
    for (let next = index; next < matches.length; next++) {
      const match = matches[next]!;
      if (match.end > first.start + SNIPPET_LENGTH - LEAD) break;
      keys.add(match.key);
    }
    if (!best || keys.size > best.distinct) best = { first, distinct: Math.max(1, keys.size) };
  }
  return best;
}

/** A snippet of `text` around `around` (or its start), with the matches inside it highlighted. */
export function cutSnippet(text: string, matches: readonly Match[], around: number | null): Snippet {
  let start = around === null ? 0 : Math.max(0, around - LEAD);
  // Start and end between words, not inside one.
  if (start > 0) {
    const space = text.slice(start, around ?? start).search(/\s\S/);
    start = space >= 0 ? start + space + 1 : (around ?? start);
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const space = text.slice(start, end).search(/\s\S*$/);
    if (space > LEAD) end = start + space;
  }
  const prefix = start > 0 ? '…' : '';
  const body = text.slice(start, end).replace(/[\r\n\t]/g, ' ');
  const highlights: [number, number][] = [];
  let last = -1;
  for (const match of matches) {
    if (match.start < start || match.start >= end || match.start < last) continue;
    const to = Math.min(match.end, end);
    highlights.push([match.start - start + prefix.length, to - start + prefix.length]);
    last = to;
  }
  return { text: `${prefix}${body}${end < text.length ? '…' : ''}`, highlights };
}

export interface RecordMatch {
  /** False when a quoted phrase is not in the record's text: the index matched its words apart. */
  matches: boolean;
  field: FieldName;
  snippet: Snippet;
  /** Offset in the field's text of the snippet's best match. */
  offset: number | null;
}

const FIELD_ORDER: FieldName[] = ['body', 'keywords', 'title'];

/**
 * Checks a record's fields against the query and cuts its snippet from the field with the most different matched
 * words, preferring the body, then keywords, to the title (which a result shows anyway). `scan` limits the fields
 * looked through to those the index matched, so a long text that only matched by its title is not read.
 */
export function matchRecord(fields: SearchFields, query: ParsedQuery, scan?: ReadonlySet<FieldName>): RecordMatch {
  const needles = needlesOf(query);
  const wanted = new Set(needles.phrases.map((phrase) => phrase.join(' ')));
  const found = new Set<string>();
  let best: { field: FieldName; matches: Match[]; window: { first: Match; distinct: number } } | null = null;
  for (const field of FIELD_ORDER) {
    if (scan?.size && !scan.has(field)) continue;
    const result = searchField(fields[field], needles, wanted);
    result.phrases.forEach((phrase) => found.add(phrase));
    const window = bestWindow(result.matches);
    if (window && (!best || window.distinct > best.window.distinct)) best = { field, matches: result.matches, window };
  }
  const matches = [...wanted].every((phrase) => found.has(phrase));

  if (best && best.field === 'title') {
    // The title is shown as the result's heading: show the start of the body or the keywords as context instead.
    const context: FieldName | undefined = (['body', 'keywords'] as const).find((field) => fields[field].trim());
    if (context) return { matches, field: context, snippet: cutSnippet(fields[context], [], null), offset: null };
  }
  if (!best) {
    const field = FIELD_ORDER.find((name) => fields[name].trim()) ?? 'title';
    return { matches, field, snippet: cutSnippet(fields[field], [], null), offset: null };
  }
  const offset = best.window.first.start;
  return { matches, field: best.field, snippet: cutSnippet(fields[best.field], best.matches, offset), offset };
}

/** The page of a paged document that `offset` (into its text) falls on, or null when it has no page spans. */
export function pageAt(pages: readonly PageSpan[] | null | undefined, offset: number): number | null {
  if (!pages?.length) return null;
  let low = 0;
  let high = pages.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (pages[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  return pages[low]!.page;
}
