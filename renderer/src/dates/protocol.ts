/**
 * What the page and the dates worker say to each other: a request for one document's dates or for a batch's, each
 * with a number the answer carries back, and one to get the parsers ready before the first of them.
 */
import type { DatesOfDocument, DocumentToRead, FindDatesOptions, FoundDate } from './types';

export type DatesRequest =
  | { type: 'prepare'; id: number; languages: (string | null)[] }
  | { type: 'document'; id: number; text: string; options: FindDatesOptions }
  | { type: 'batch'; id: number; documents: DocumentToRead[] };

/** What each request answers with, and how long the engine took in the worker. */
export interface DatesAnswers {
  prepare: { workerMs: number };
  document: { dates: FoundDate[]; workerMs: number };
  batch: { documents: DatesOfDocument[]; workerMs: number };
}

export type DatesReply =
  | { id: number; ok: true; value: DatesAnswers[keyof DatesAnswers] }
  | { id: number; ok: false; message: string };
