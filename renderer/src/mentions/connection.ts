/**
 * The page's line to the mentions worker: one method per request, each answered by a promise, and the progress of a
 * build as the worker reports it. Documents go over in batches, so no one message holds up the page while it is
 * copied. Where there are no workers (the unit tests) the same service runs in this thread, its messages copied and
 * delivered later just as a worker's would be.
 */
import type { CasebookDB } from '../db/schema';
import type { DocumentCount } from './caseMentions';
import type { Mention, MentionName } from './names';
import type {
  DocumentMentions,
  DocumentText,
  EntityTotal,
  MentionsAnswers,
  MentionsMessage,
  MentionsProgress,
  MentionsRequest,
  MentionsStatus,
  NameOfEntity,
  WorkerTime,
} from './protocol';
import { inThreadEndpoint } from '../inThreadEndpoint';
import { PendingRequests } from '../workerRequests';

/** The part of a Worker the connection uses. */
export interface MentionsEndpoint {
  postMessage(message: MentionsRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<MentionsMessage>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

type Asked = Exclude<MentionsRequest['type'], 'connect' | 'changes'>;

/** Requests awaiting an answer, each without the `id` the connection gives it. */
type Question = { [K in Asked]: Omit<Extract<MentionsRequest, { type: K }>, 'id'> }[Asked];

/** Hears the open case's status, and the version its mentions are at. */
export type StatusListener = (caseId: string, status: MentionsStatus, version: number) => void;

/**
 * Characters of text, and names, sent in one message: copying a batch takes the page a few milliseconds (all 40,000
 * names of a large case at once would take it 50 ms and more), and the worker takes in one while the next is copied.
 */
const BATCH_CHARACTERS = 1_000_000;
const BATCH_NAMES = 5_000;

export class MentionsConnection {
  private readonly endpoint: MentionsEndpoint;
  private readonly pending = new PendingRequests();
  private failure: string | null = null;
  private statusListener: StatusListener = () => {};

  /** A connection whose worker reads the cases it opens from this database itself. */
  static onDatabase(db: CasebookDB, onStatus: StatusListener, createEndpoint: () => MentionsEndpoint = () => defaultEndpoint(db)): MentionsConnection {
    const connection = new MentionsConnection(() => {}, createEndpoint);
    connection.statusListener = onStatus;
    connection.endpoint.postMessage({ type: 'connect', database: db.name });
    return connection;
  }

  constructor(
    private readonly onProgress: (progress: MentionsProgress) => void = () => {},
    createEndpoint: () => MentionsEndpoint = () => defaultEndpoint(),
  ) {
    this.endpoint = createEndpoint();
    this.endpoint.addEventListener('message', ({ data }) => this.receive(data));
    const crashed = (event: Event) => {
      event.preventDefault?.();
      const detail = (event as Partial<ErrorEvent>).message;
      this.fail(`Finding mentions stopped unexpectedly${detail ? ` (${detail})` : ''}. Reload the window to find them again.`);
    };
    this.endpoint.addEventListener('error', crashed);
    this.endpoint.addEventListener('messageerror', crashed);
  }

  /** Starts over with these names and documents; the worker's time, building and scanning. */
  async build(names: readonly MentionName[], documents: readonly DocumentText[]): Promise<WorkerTime> {
    const started = await this.ask({ type: 'build', documentCount: documents.length });
    const named = await this.addNames(names);
    const scanned = await this.putDocuments(documents);
    return { workerMs: started.workerMs + named.workerMs + scanned.workerMs };
  }

  /** Scans documents new or changed, each alone. */
  putDocuments(documents: readonly DocumentText[]): Promise<WorkerTime> {
    return this.inBatches(documentBatches(documents), (batch) => ({ type: 'putDocuments', documents: batch }));
  }

  removeDocuments(documentIds: string[]): Promise<WorkerTime> {
    return this.ask({ type: 'removeDocuments', documentIds });
  }

  /** Gives entities names (new entities, or new aliases): only these are looked for in the documents. */
  addNames(names: readonly MentionName[]): Promise<WorkerTime> {
    return this.inBatches(nameBatches(names), (batch) => ({ type: 'addNames', names: batch }));
  }

  removeNames(names: NameOfEntity[]): Promise<WorkerTime> {
    return this.ask({ type: 'removeNames', names });
  }

  mentionsIn(documentId: string): Promise<Mention[]> {
    return this.ask({ type: 'mentionsIn', documentId });
  }

  countsPerEntity(): Promise<Map<string, number>> {
    return this.ask({ type: 'countsPerEntity' });
  }

  documentsMentioning(entityId: string): Promise<DocumentCount[]> {
    return this.ask({ type: 'documentsMentioning', entityId });
  }

  /** Builds a case's mentions from the database (`onDatabase`), in place of the case open before; its status follows. */
  open(caseId: string): Promise<null> {
    return this.ask({ type: 'open', caseId });
  }

  /** The keys ("document:…", "entity:…") of the open case's records written since. */
  changes(keys: string[]): void {
    if (!this.failure) this.endpoint.postMessage({ type: 'changes', keys });
  }

  /** Resolves once the open case is built and every change sent so far is applied. */
  settled(): Promise<null> {
    return this.ask({ type: 'settled' });
  }

  /** The mentions in a text the page has, in its own offsets. */
  mentionsInText(text: string): Promise<Mention[]> {
    return this.ask({ type: 'mentionsInText', text });
  }

  entityTotals(): Promise<EntityTotal[]> {
    return this.ask({ type: 'entityTotals' });
  }

  /** The documents mentioning an entity, most first, with up to `perDocument` snippets each. */
  entityMentions(entityId: string, perDocument: number): Promise<DocumentMentions[]> {
    return this.ask({ type: 'entityMentions', entityId, perDocument });
  }

  /** Every mention of the open case as CSV rows (entity, document, page, snippet), encoded. */
  mentionsCsv(): Promise<Uint8Array<ArrayBuffer>> {
    return this.ask({ type: 'mentionsCsv' });
  }

  /** Ends the worker; whatever was still asked is rejected. */
  close(): void {
    this.fail('Finding mentions was closed.');
    this.endpoint.terminate();
  }

  /** Sends a request for each batch, the next while the worker takes in the one before; the worker's time for all. */
  private async inBatches<B>(
    batches: Iterable<B>,
    request: (batch: B) => Extract<Question, { type: 'putDocuments' | 'addNames' }>,
  ): Promise<WorkerTime> {
    let workerMs = 0;
    let previous: Promise<WorkerTime> | null = null;
    for (const batch of batches) {
      const sent = this.ask(request(batch));
      if (previous) workerMs += (await previous).workerMs;
      previous = sent;
    }
    if (previous) workerMs += (await previous).workerMs;
    return { workerMs };
  }

  private ask<Q extends Question>(question: Q): Promise<MentionsAnswers[Q['type']]> {
    if (this.failure) return Promise.reject(new Error(this.failure));
    return this.pending.send((id) => this.endpoint.postMessage({ ...question, id } as MentionsRequest));
  }

  private receive(message: MentionsMessage): void {
    if (message.type === 'progress') {
      this.onProgress({ done: message.done, total: message.total });
      return;
    }
    if (message.type === 'status') {
      this.statusListener(message.caseId, message.status, message.version);
      return;
    }
    this.pending.settle(message);
  }

  private fail(message: string): void {
    if (this.failure) return;
    this.failure = message;
    this.statusListener('', { state: 'failed', message }, -1);
    this.pending.rejectAll(message);
  }
}

/** Names in runs of BATCH_NAMES. */
function* nameBatches(names: readonly MentionName[]): Generator<MentionName[]> {
  for (let start = 0; start < names.length; start += BATCH_NAMES) yield names.slice(start, start + BATCH_NAMES);
}

/** Documents in runs of about BATCH_CHARACTERS characters, at least one document each. */
function* documentBatches(documents: readonly DocumentText[]): Generator<DocumentText[]> {
  let batch: DocumentText[] = [];
  let characters = 0;
  for (const document of documents) {
    batch.push(document);
    characters += document.text.length;
    if (characters >= BATCH_CHARACTERS) {
      yield batch;
      batch = [];
      characters = 0;
    }
  }
  if (batch.length) yield batch;
}

function defaultEndpoint(db: CasebookDB | null = null): MentionsEndpoint {
  if (typeof Worker === 'undefined') return inThread(db);
  return new Worker(new URL('./mentions.worker.ts', import.meta.url), { type: 'module' }) as MentionsEndpoint;
}

/** The service in this thread, on the page's own database if given, where there is no Worker. */
function inThread(db: CasebookDB | null): MentionsEndpoint {
  return inThreadEndpoint<MentionsRequest, MentionsMessage>(async (post) => {
    const { MentionsService } = await import('./service');
    return new MentionsService(post, db);
  });
}
