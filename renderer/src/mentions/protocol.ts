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
  | { type: 'documentsMentioning'; id: number; entityId: string }
  /** Opens the worker's own connection to the page's database, for the cases it opens (no answer). */
  | { type: 'connect'; database: string }
  /** Builds a case's mentions from the database, in place of any other case's; its status follows in `status`. */
  | { type: 'open'; id: number; caseId: string }
  /** Keys ("document:…", "entity:…") of the open case's records written since, to read again (no answer). */
  | { type: 'changes'; keys: string[] }
  /** Resolves once the open case's build and every change sent before are applied. */
  | { type: 'settled'; id: number }
  /** The mentions of the open case's names in a text the page has (a reader's text as rendered), in its offsets. */
  | { type: 'mentionsInText'; id: number; text: string }
  | { type: 'entityTotals'; id: number }
  | { type: 'entityMentions'; id: number; entityId: string; perDocument: number }
  /** Every mention of the open case, a row each (entity, document, page, snippet), as CSV bytes. */
  | { type: 'mentionsCsv'; id: number };

/** How far the worker is through the documents of a build. */
export interface MentionsProgress {
  done: number;
  total: number;
}

/** Where the open case's mentions are: being built (documents scanned of all), ready, or failed with a message. */
export type MentionsStatus =
  | { state: 'building'; done: number; total: number }
  | { state: 'ready' }
  | { state: 'failed'; message: string };

/** How often an entity is mentioned: in how many documents, how many times. */
export interface EntityTotal {
  entityId: string;
  documents: number;
  mentions: number;
}

/** Words around a mention, cut at spaces, with the mention's own place in the document's text. */
export interface MentionSnippet {
  start: number;
  end: number;
  before: string;
  text: string;
  after: string;
  /** The PDF page it is on, where the document has pages. */
  page: number | null;
}

/** A document mentioning an entity: how often, and the first few places. */
export interface DocumentMentions {
  documentId: string;
  title: string;
  count: number;
  snippets: MentionSnippet[];
}

/** From the worker: progress, the open case's status, or the answer to a request. */
export type MentionsMessage =
  | ({ type: 'progress' } & MentionsProgress)
  | { type: 'status'; caseId: string; status: MentionsStatus; version: number }
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
  open: null;
  settled: null;
  mentionsInText: Mention[];
  entityTotals: EntityTotal[];
  entityMentions: DocumentMentions[];
  mentionsCsv: Uint8Array<ArrayBuffer>;
}
