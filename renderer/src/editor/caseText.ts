import { createContext } from 'react';
import type { RecordRef } from '../../../shared/domain';

/**
 * What a rich-text field needs from the open case to link its text to the case's records: finding records as the
 * researcher types `@` or `[[`, making an entity, showing each record it refers to as it is now (one live query per
 * editor or view, however many mentions), and opening one. A field outside a case has none: its mentions then show
 * the titles they were written with, and typing `@` offers nothing. The extensions never read the database
 * themselves; features/notes/CaseTextProvider.tsx gives them this.
 */
export interface CaseText {
  caseId: string;
  /** The case's entities whose name or an alias holds what was typed (case and accents aside), best first. */
  findEntities(typed: string): Promise<RecordChoice[]>;
  /** Records of any type whose title, name or quote holds what was typed, best first. */
  findRecords(typed: string): Promise<RecordChoice[]>;
  /** The types a new entity can have, the usual first (person). */
  entityTypes(): Promise<{ value: string; label: string }[]>;
  /** Makes an entity of the case named as typed; refuses (throws, with a message that says why) a name taken. */
  createEntity(name: string, type: string): Promise<RecordChoice>;
  /** One record as inserting it needs (a dropped row, a chosen option), or null when it is not in the case. */
  describe(ref: RecordRef): Promise<ShownRecord | null>;
  /**
   * Watches the records a text refers to with one live query, calling `onChange` with each as it is now, keyed by
   * `refKey` of the reference the text holds; again whenever one changes. Returns the function that stops it.
   */
  watch(refs: readonly RecordRef[], onChange: (shown: ReadonlyMap<string, ShownRecord>) => void): () => void;
  /** Opens a place in the case (a record's page, a document at a quote). */
  open(path: string): void;
}

/** A record offered in the list `@` or `[[` opens. */
export interface RecordChoice {
  ref: RecordRef;
  title: string;
  /** A few words that tell records of one title apart: an entity's type, an excerpt's document, an event's date. */
  detail: string;
  /** For an excerpt, what its quote block shows: the whole quote and its citation in words. */
  quote?: string;
  citation?: string;
}

/** A record as a text shows it now. */
export interface ShownRecord {
  /** The record it stands for now: the one referred to, or the entity a merged-away one became. */
  ref: RecordRef;
  /** Its current title; for a record gone, the title the text holds. */
  title: string;
  /** Deleted (or never in this case): shown with the title it had, marked missing. */
  missing: boolean;
  /** Where it opens. */
  path: string;
  /** For an event: its date in words ("9 March 2021"). */
  when?: string;
  /** For an excerpt: its quote, its citation in words, and where its source opens at the quote. */
  quote?: string;
  citation?: string;
  sourcePath?: string;
}

export const CaseTextContext = createContext<CaseText | null>(null);
