/**
 * "Dates in this document": which of the dates found in a document's text are still offered as events, which were
 * made into one, which were dismissed, and who a sentence names. Pure: the panel feeds it the dates found, the case's
 * dismissals and the events whose evidence quotes the document.
 */
import type { EventParticipant, TextAnchor } from '../../../shared/domain';
import { eventDateText, understoodAs } from '../../../shared/eventDates';
import type { FoundDate, TextSpan } from './types';

/**
 * The `type` a dismissed date suggestion is kept under in `dismissedSuggestions` (beside dismissed names): no entity
 * type is written with a space, so the two never mix.
 */
export const DATE_SUGGESTION_TYPE = 'date in text';

/** Longest run of the sentence kept in a dismissal's key: enough to tell two sentences apart. */
const KEY_SENTENCE_LENGTH = 160;

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The prefix of every dismissal key of one document, so that its dismissals are read in one range. */
export const dateKeyPrefix = (documentId: string): string => `${documentId}\u0001`;

/**
 * What a date suggestion is remembered by when dismissed: its document, its words and its sentence's words, not their
 * offsets, so it stays dismissed when lines are removed above it (a clean-up) and comes back only if its words change.
 */
export function dateSuggestionKey(documentId: string, words: string, sentence: string): string {
  return `${dateKeyPrefix(documentId)}${squeeze(words)}\u0001${squeeze(sentence).slice(0, KEY_SENTENCE_LENGTH)}`;
}

/** An event whose evidence includes an excerpt of the document: where that excerpt is, to tell which sentences it covers. */
export interface EventFromDocument {
  eventId: string;
  title: string;
  /** The excerpt's place in the document's current text; null when it has none (or its quote is lost). */
  anchor: Pick<TextAnchor, 'start' | 'end'> | null;
  quote: string;
}

export type DateSuggestionState = { kind: 'offered' } | { kind: 'made'; eventId: string; title: string };

export interface DateSuggestion {
  found: FoundDate;
  key: string;
  /** The sentence's words, as the text has them. */
  sentence: string;
  state: DateSuggestionState;
}

export interface DateSuggestionsReview {
  /** Offered or already made into an event, in text order; the dismissed are left out. */
  suggestions: DateSuggestion[];
  dismissed: number;
}

/** Whether an excerpt holds the whole sentence: by its place in the text, or else (no place) by its words. */
function covers(made: EventFromDocument, sentence: TextSpan, words: string): boolean {
  if (made.anchor) return made.anchor.start <= sentence.start && made.anchor.end >= sentence.end;
  return squeeze(made.quote).includes(squeeze(words));
}

/**
 * The dates of a document as the panel offers them: those dismissed left out, those whose sentence is already the
 * evidence of an event (an excerpt covering it) shown as made, with that event; the rest offered.
 */
export function reviewDateSuggestions(
  documentId: string,
  text: string,
  found: readonly FoundDate[],
  dismissedKeys: ReadonlySet<string>,
  events: readonly EventFromDocument[],
): DateSuggestionsReview {
  const suggestions: DateSuggestion[] = [];
  let dismissed = 0;
  for (const date of found) {
    const sentence = text.slice(date.sentence.start, date.sentence.end);
    const key = dateSuggestionKey(documentId, date.text, sentence);
    if (dismissedKeys.has(key)) {
      dismissed++;
      continue;
    }
    const made = events.find((event) => covers(event, date.sentence, sentence));
    suggestions.push({ found: date, key, sentence, state: made ? { kind: 'made', eventId: made.eventId, title: made.title } : { kind: 'offered' } });
  }
  return { suggestions, dismissed };
}

/** A mention of an entity at a place in the text (the mentions engine's, or a name found by hand). */
export interface PlacedMention {
  entityId: string;
  start: number;
  end: number;
}

/** The entities named within a sentence, each once, in the order they are first named: an event's participants (no role). */
export function participantsInSentence(mentions: readonly PlacedMention[], sentence: TextSpan): EventParticipant[] {
  const seen = new Set<string>();
  return [...mentions]
    .filter((mention) => mention.start >= sentence.start && mention.end <= sentence.end)
    .sort((a, b) => a.start - b.start)
    .filter((mention) => !seen.has(mention.entityId) && seen.add(mention.entityId))
    .map((mention) => ({ entityId: mention.entityId, role: null }));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the entities' names and aliases stand in a stretch of the text, as whole words, case aside: what the
 * participants are read from while the case's mentions are not ready (or could not be found).
 */
export function namesInText(entities: readonly { id: string; names: readonly string[] }[], text: string, span: TextSpan): PlacedMention[] {
  const stretch = text.slice(span.start, span.end);
  const found: PlacedMention[] = [];
  for (const entity of entities)
    for (const name of entity.names) {
      const words = name.trim().split(/\s+/).filter(Boolean).map(escape);
      if (!words.length) continue;
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
      for (const match of stretch.matchAll(pattern))
        found.push({ entityId: entity.id, start: span.start + match.index, end: span.start + match.index + match[0].length });
    }
  return found;
}

/** A found date as the panel says it: "9 March 2021, known to the day", a range with both ends, or why it has no date. */
export function dateInWords(found: Pick<FoundDate, 'resolved'>): string {
  return found.resolved ? understoodAs(found.resolved.start, found.resolved.end) : 'relative to an unknown date';
}

/** A found date written as the event form's date field reads it back ("9 March 2021", "July 2020"); empty when unresolved. */
export function dateFieldText(found: Pick<FoundDate, 'resolved'>): string {
  return found.resolved ? eventDateText(found.resolved.start, found.resolved.end) : '';
}

/** The first date of a text that resolves, for the date field: what is proposed for an event made from a quote. */
export function firstDateFieldText(found: readonly Pick<FoundDate, 'resolved'>[]): string {
  const first = found.find((date) => date.resolved);
  return first ? dateFieldText(first) : '';
}
