/**
 * What the page and the suggestions worker say to each other: a request for one document's suggestions or for a
 * batch's, each with a number the answer carries back, and one to get the engine ready before the first of them.
 */
import type { BatchDocument, BatchOptions, BatchSuggestion, Suggestion, SuggestOptions } from './types';

export type SuggestionsRequest =
  | { type: 'prepare'; id: number }
  | { type: 'document'; id: number; text: string; options: SuggestOptions }
  | { type: 'batch'; id: number; documents: BatchDocument[]; options: BatchOptions };

/** What each request answers with, and how long the engine took in the worker. */
export interface SuggestionsAnswers {
  prepare: { workerMs: number };
  document: { suggestions: Suggestion[]; workerMs: number };
  batch: { suggestions: BatchSuggestion[]; workerMs: number };
}

export type SuggestionsReply =
  | { id: number; ok: true; value: SuggestionsAnswers[keyof SuggestionsAnswers] }
  | { id: number; ok: false; message: string };
