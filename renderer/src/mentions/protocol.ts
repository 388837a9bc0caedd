/**
 * What the page and the mentions worker say to each other. Each request awaits its answer; while documents are
 * scanned for a build the worker also reports how far it is.
 */
import type { DocumentCount } from './caseMentions';
import type { Mention, MentionName } from './names';

/** A document's text, as the worker scans it. */
export interface DocumentText {
  id: string;
  text: string;
}

/** A name to take from an entity. */
export type NameOfEntity = Pick<MentionName, 'entityId' | 'name'>;

/** From the page: `id` numbers a request awaiting its answer. */
export type MentionsRequest =
  /** Starts the case over, empty; its names follow in `addNames`, then its `documentCount` documents in `putDocuments`. */
  | { type: 'build'; id: number; documentCount: number }
  /** Documents new or changed, each scanned alone. */
  | { type: 'putDocuments'; id: number; documents: DocumentText[] }
  | { type: 'removeDocuments'; id: number; documentIds: string[] }
  | { type: 'addNames'; id: number; names: MentionName[] }
  | { type: 'removeNames'; id: number; names: NameOfEntity[] }
  | { type: 'mentionsIn'; id: number; documentId: string }
  | { type: 'countsPerEntity'; id: number }
  | { type: 'documentsMentioning'; id: number; entityId: string };

/** How far the worker is through the documents of a build. */
export interface MentionsProgress {
  done: number;
  total: number;
}

/** From the worker: progress, or the answer to a request. */
export type MentionsMessage =
  | ({ type: 'progress' } & MentionsProgress)
  | { type: 'answer'; id: number; ok: true; value: unknown }
  | { type: 'answer'; id: number; ok: false; message: string };

/** Time the worker spent on a change, in milliseconds: the page's wait is this and the messages' round trip. */
export interface WorkerTime {
  workerMs: number;
}

/** What each request answers with. */
export interface MentionsAnswers {
  build: WorkerTime;
  putDocuments: WorkerTime;
  removeDocuments: WorkerTime;
  addNames: WorkerTime;
  removeNames: WorkerTime;
  mentionsIn: Mention[];
  countsPerEntity: Map<string, number>;
  documentsMentioning: DocumentCount[];
}
