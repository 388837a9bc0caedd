import type { DatePrecision, EventDate, PartialDate } from '../../../shared/domain';

export interface FindDatesOptions {
  /** The document's language ("en-US", "de", null when unknown): which parser reads it and how numeric dates read. */
  language: string | null;
  /** The document's published date, against which "Tuesday" and "last year" are resolved; null when unknown. */
  reference: PartialDate | null;
}

/** Offsets in the text, `end` exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

/** A date, or a range of two, as precise as the words that wrote it. */
export interface ResolvedDate {
  start: EventDate;
  /** The end of a range ("between 15 September 2020 and 24 April 2021"), with its own precision; null for a date. */
  end: EventDate | null;
}

/** A date or date expression found in a text. */
export interface FoundDate {
  /** The words, as written ("July last year", "between 15 September 2020 and 24 April 2021"). */
  text: string;
  span: TextSpan;
  /** The sentence the words stand in. */
  sentence: TextSpan;
  /** What it resolves to; null when it is relative and the document has no date to resolve it against. */
  resolved: ResolvedDate | null;
  /** How precise the words are (of the start, for a range): a weekday gives a day, a month name a month. */
  precision: DatePrecision;
  /** Whether the words name a date only relative to the document's own ("Tuesday", "last year", "in July"). */
  relative: boolean;
  /** A numeric date whose day and month could be swapped ("10/03/2021"), read in the language's order. */
  ambiguous: boolean;
  /** How it was resolved, in words: "Tuesday, in a document published 9 March 2021: the nearest Tuesday". */
  how: string;
}

/** One document of a batch to find dates in, with what its dates are read by. */
export interface DocumentToRead extends FindDatesOptions {
  documentId: string;
  text: string;
}

/** The dates found in one document of a batch. */
export interface DatesOfDocument {
  documentId: string;
  dates: FoundDate[];
}
