/**
 * The page's line to the mentions worker: one method per request, each answered by a promise, and the progress of a
 * build as the worker reports it. Documents go over in batches, so no one message holds up the page while it is
 * copied. Where there are no workers (the unit tests) the same service runs in this thread, its messages copied and
 * delivered later just as a worker's would be.
 */
import type { DocumentCount } from './caseMentions';
import type { Mention, MentionName } from './names';
import type {
  DocumentText,
  MentionsAnswers,
  MentionsMessage,
  MentionsProgress,
  MentionsRequest,
  NameOfEntity,
  WorkerTime,
} from './protocol';
import { inThreadEndpoint } from '../inThreadEndpoint';

/** The part of a Worker the connection uses. */
export interface MentionsEndpoint {
  postMessage(message: MentionsRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<MentionsMessage>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

/** Requests, each without the `id` the connection gives it. */
type Question = { [K in MentionsRequest['type']]: Omit<Extract<MentionsRequest, { type: K }>, 'id'> }[MentionsRequest['type']];

/**
 * Characters of text, and names, sent in one message: copying a batch takes the page a few milliseconds (all 40,000
 * names of a large case at once would take it 50 ms and more), and the worker takes in one while the next is copied.
 */
const BATCH_CHARACTERS = 1_000_000;
const BATCH_NAMES = 5_000;

export class MentionsConnection {
  private readonly endpoint: MentionsEndpoint;
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 1;
  private failure: string | null = null;

  constructor(
    private readonly onProgress: (progress: MentionsProgress) => void = () => {},
    createEndpoint: () => MentionsEndpoint = defaultEndpoint,
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
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.endpoint.postMessage({ ...question, id } as MentionsRequest);
    });
  }

  private receive(message: MentionsMessage): void {
    if (message.type === 'progress') {
      this.onProgress({ done: message.done, total: message.total });
      return;
    }
    const waiting = this.waiting.get(message.id);
    this.waiting.delete(message.id);
    if (message.ok) waiting?.resolve(message.value);
    else waiting?.reject(new Error(message.message));
  }

  private fail(message: string): void {
    if (this.failure) return;
    this.failure = message;
    for (const { reject } of this.waiting.values()) reject(new Error(message));
    this.waiting.clear();
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

function defaultEndpoint(): MentionsEndpoint {
  if (typeof Worker === 'undefined') return inThread();
  return new Worker(new URL('./mentions.worker.ts', import.meta.url), { type: 'module' }) as MentionsEndpoint;
}

/** The service in this thread, where there is no Worker. */
function inThread(): MentionsEndpoint {
  return inThreadEndpoint<MentionsRequest, MentionsMessage>(async (post) => {
    const { MentionsService } = await import('./service');
    return new MentionsService(post);
  });
}
