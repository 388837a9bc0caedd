/**
 * What the page and the search worker say to each other. The page names each case index it opens with a number of
 * its own, so the answers of an index it closed never reach the one that replaced it.
 */
import type { RecordRef } from '../../../shared/domain';
import type { Snippet } from './snippet';

export interface SearchHit {
  ref: RecordRef;
  /** The record's name or title (an excerpt's quote, shortened). */
  title: string;
  snippet: Snippet;
  score: number;
  /** For a paged document (PDF), the page the snippet's match is on. */
  page?: number;
  /** For a document, where in its text the snippet's match starts. */
  offset?: number;
}

export interface SearchOptions {
  /** Most hits returned, best first; 20 unless given. */
  limit?: number;
}

/**
 * Where one query's time went in the worker: finding and ranking the records, reading the hits' text (from the copy
 * the worker keeps beside the index) and cutting their snippets.
 */
export interface SearchTimings {
  lookupMs: number;
  readMs: number;
  snippetsMs: number;
}

export type IndexStatus =
  | { state: 'opening' }
  | { state: 'building'; done: number; total: number }
  | { state: 'ready' }
  | { state: 'failed'; message: string };

/** How the index came to be: loaded from its saved copy (updated for `caughtUp` records) or built from scratch. */
export type IndexOrigin = { from: 'saved'; caughtUp: number } | { from: 'built'; reason: string };

/** What the page knows of an index between questions. */
export interface IndexState {
  status: IndexStatus;
  origin: IndexOrigin | null;
  recordCount: number;
}

/** From the page: `index` is the page's number for one case index, `id` the number of a request awaiting an answer. */
export type SearchRequest =
  | { type: 'connect'; database: string }
  | { type: 'open'; index: number; id: number; caseId: string }
  | { type: 'changes'; index: number; keys: string[]; seqs: number[] }
  | { type: 'flush'; index: number; id: number }
  | { type: 'search'; index: number; id: number; query: string; limit: number }
  | { type: 'save'; index: number; id: number; onlyIfChanged: boolean }
  | { type: 'close'; index: number; save: boolean };

/** From the worker: an index's new state, or the answer to a request. */
export type SearchMessage =
  | { type: 'state'; index: number; state: IndexState }
  | { type: 'answer'; id: number; ok: true; value: unknown }
  | { type: 'answer'; id: number; ok: false; message: string };

/** What each request answers with. */
export interface SearchAnswers {
  open: undefined;
  flush: undefined;
  save: undefined;
  search: { hits: SearchHit[]; timings: SearchTimings };
}
