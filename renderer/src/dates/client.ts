/**
 * The page's line to the dates worker: one request at a time per message, answered in any order. The worker starts
 * on the first request and stays for the next (chrono-node's parsers are built once per language). Where there are
 * no workers (the unit tests) the same service runs in this thread, its answers delivered later as a worker's are.
 */
import type { DatesAnswers, DatesReply, DatesRequest } from './protocol';
import type { DocumentToRead, FindDatesOptions } from './types';
import { inThreadEndpoint } from '../inThreadEndpoint';

/** The part of a Worker the client uses; tests pass a stand-in. */
export interface DatesEndpoint {
  postMessage(message: DatesRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<DatesReply>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

type Question = { [K in keyof DatesAnswers]: Omit<Extract<DatesRequest, { type: K }>, 'id'> }[keyof DatesAnswers];

export class DatesClient {
  #endpoint: DatesEndpoint | null = null;
  readonly #waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  #nextId = 1;
  #closed = false;

  constructor(private readonly createEndpoint: () => DatesEndpoint = defaultEndpoint) {}

  /**
   * Starts the worker and builds the parsers for the languages named before the first document is asked for: call it
   * when dates are likely to be wanted soon, such as when a document opens.
   */
  prepare(languages: (string | null)[] = ['en']): Promise<DatesAnswers['prepare']> {
    return this.#ask({ type: 'prepare', languages });
  }

  /** The dates in one document's text. */
  findDates(text: string, options: FindDatesOptions): Promise<DatesAnswers['document']> {
    return this.#ask({ type: 'document', text, options });
  }

  /** The dates in each of a batch of documents, such as a case's or one import's. */
  findDatesInBatch(documents: DocumentToRead[]): Promise<DatesAnswers['batch']> {
    return this.#ask({ type: 'batch', documents });
  }

  /** Ends the worker; what was still asked is rejected. */
  close(): void {
    this.#closed = true;
    this.#fail('The date finder was closed.');
  }

  #ask<Q extends Question>(question: Q): Promise<DatesAnswers[Q['type']]> {
    if (this.#closed) return Promise.reject(new Error('The date finder was closed.'));
    const id = this.#nextId++;
    const endpoint = this.#ensureEndpoint();
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      endpoint.postMessage({ ...question, id } as DatesRequest);
    });
  }

  #ensureEndpoint(): DatesEndpoint {
    if (this.#endpoint) return this.#endpoint;
    const endpoint = this.createEndpoint();
    endpoint.addEventListener('message', ({ data }) => {
      if (endpoint !== this.#endpoint) return;
      const waiting = this.#waiting.get(data.id);
      this.#waiting.delete(data.id);
      if (data.ok) waiting?.resolve(data.value);
      else waiting?.reject(new Error(data.message));
    });
    const crashed = (event: Event) => {
      event.preventDefault?.();
      if (endpoint !== this.#endpoint) return;
      const detail = (event as Partial<ErrorEvent>).message;
      // The next request starts a new worker.
      this.#fail(`The dates worker stopped unexpectedly${detail ? ` (${detail})` : ''}. Ask for the dates again.`);
    };
    endpoint.addEventListener('error', crashed);
    endpoint.addEventListener('messageerror', crashed);
    this.#endpoint = endpoint;
    return endpoint;
  }

  #fail(message: string): void {
    this.#endpoint?.terminate();
    this.#endpoint = null;
    for (const { reject } of this.#waiting.values()) reject(new Error(message));
    this.#waiting.clear();
  }
}

function defaultEndpoint(): DatesEndpoint {
  if (typeof Worker === 'undefined') return inThread();
  return new Worker(new URL('./dates.worker.ts', import.meta.url), { type: 'module' }) as DatesEndpoint;
}

/** The service in this thread, where there is no Worker: each request answered as a later task. */
function inThread(): DatesEndpoint {
  return inThreadEndpoint<DatesRequest, DatesReply>(async (post) => {
    const { answer } = await import('./service');
    return { receive: (request) => post(answer(request)) };
  });
}
