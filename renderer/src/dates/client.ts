/**
 * The page's line to the dates worker: one request at a time per message, answered in any order. The worker starts
 * on the first request and stays for the next (chrono-node's parsers are built once per language). Where there are
 * no workers (the unit tests) the same service runs in this thread, its answers delivered later as a worker's are.
 */
import type { DatesAnswers, DatesReply, DatesRequest } from './protocol';
import type { DocumentToRead, FindDatesOptions } from './types';
import { inThreadEndpoint } from '../inThreadEndpoint';
import { OnDemandWorker, type WorkerEndpoint } from '../workerRequests';

/** The part of a Worker the client uses; tests pass a stand-in. */
export type DatesEndpoint = WorkerEndpoint<DatesRequest, DatesReply>;

type Question = { [K in keyof DatesAnswers]: Omit<Extract<DatesRequest, { type: K }>, 'id'> }[keyof DatesAnswers];

export class DatesClient {
  readonly #worker: OnDemandWorker<DatesRequest, DatesReply>;

  constructor(createEndpoint: () => DatesEndpoint = defaultEndpoint) {
    this.#worker = new OnDemandWorker(createEndpoint, {
      crashed: (detail) => `The dates worker stopped unexpectedly${detail}. Ask for the dates again.`,
      closed: 'The date finder was closed.',
    });
  }

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
    this.#worker.close();
  }

  #ask<Q extends Question>(question: Q): Promise<DatesAnswers[Q['type']]> {
    return this.#worker.ask(question);
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
