/**
 * What the suggestion engine takes and returns: the people, organisations and places a document's text names, each
 * once, with where it is named. Nothing here creates an entity; the researcher decides what becomes of each.
 */
import type { EntityType } from '../../../shared/domain';

/** The kinds a suggestion is offered as; the researcher may change it before accepting. */
export const SUGGESTION_TYPES = ['person', 'organisation', 'place', 'other'] as const;
export type SuggestionType = (typeof SUGGESTION_TYPES)[number];

/** An entity the case already has, for matching its names in the text and for the short list of likely matches. */
export interface KnownEntity {
  id: string;
  name: string;
  aliases: readonly string[];
  type: EntityType;
}

/** A name the researcher dismissed in this case, by its key (`suggestionKey`): it is never suggested again. */
export interface Dismissal {
  key: string;
  type: SuggestionType;
}

export interface SuggestOptions {
  /** The document's language ("en", "fr", "nl-BE"…), or null when unknown: it decides which rules read the text. */
  language: string | null;
  /** When the document was published, if known (ISO date); kept for rules that read dates, none yet. */
  publishedDate?: string | null;
  /**
   * The text is an article taken from a saved page: its byline, date and section label above the story are site
   * text too (as the importer's clean-up reads such articles).
   */
  extracted?: boolean;
  knownEntities: readonly KnownEntity[];
  dismissed: readonly Dismissal[];
}

/** One place where a suggestion is named, with some text around it. */
export interface SuggestionSnippet {
  /** Where the snippet's text starts and ends in the document's text. */
  start: number;
  end: number;
  text: string;
  /** Where the name itself is in the document's text (inside start…end). */
  mentionStart: number;
  mentionEnd: number;
}

/** An existing entity the suggestion may be (another name or spelling of it), with how likely, from 0 to 1. */
export interface EntityMatch {
  entityId: string;
  name: string;
  /** 1 when the text names the entity by its name or one of its aliases. */
  score: number;
}

export interface Suggestion {
  /** The canonical name folded (case, accents, possessive, punctuation): what a dismissal remembers. */
  key: string;
  /** The best form to show and to create the entity with: the commonest spelling, accents kept. */
  name: string;
  type: SuggestionType;
  /** How many times the text names it, under any of its variants. */
  count: number;
  /** Every spelling found in the text, the name first ("Frédéric Van Leeuw", "Van Leeuw"). */
  variants: string[];
  /** A few places where it is named, in text order. */
  snippets: SuggestionSnippet[];
  /** Likely existing entities, best first (at most three); empty when none is likely. */
  matches: EntityMatch[];
}

/** One document of a batch. */
export interface BatchDocument {
  documentId: string;
  text: string;
  language: string | null;
  publishedDate?: string | null;
  extracted?: boolean;
}

export type BatchOptions = Pick<SuggestOptions, 'knownEntities' | 'dismissed'>;

/** A suggestion for a batch: counted over all its documents, with each document's own count. */
export interface BatchSuggestion extends Omit<Suggestion, 'snippets'> {
  documents: { documentId: string; count: number }[];
  snippets: (SuggestionSnippet & { documentId: string })[];
}
