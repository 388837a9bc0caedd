/**
 * The page's line to the suggestions worker: one request at a time per message, answered in any order. The worker
 * starts on the first request and stays for the next (compromise takes a while to load and warm up). Where there are
 * no workers (the unit tests) the same service runs in this thread, its answers delivered later as a worker's are.
 */
import type { SuggestionsAnswers, SuggestionsReply, SuggestionsRequest } from './protocol';
import type { BatchDocument, BatchOptions, SuggestOptions } from './types';
import { inThreadEndpoint } from '../inThreadEndpoint';
import { OnDemandWorker, type WorkerEndpoint } from '../workerRequests';

/** The part of a Worker the client uses; tests pass a stand-in. */
export type SuggestionsEndpoint = WorkerEndpoint<SuggestionsRequest, SuggestionsReply>;

type Question = { [K in keyof SuggestionsAnswers]: Omit<Extract<SuggestionsRequest, { type: K }>, 'id'> }[keyof SuggestionsAnswers];

export class SuggestionsClient {
  readonly #worker: OnDemandWorker<SuggestionsRequest, SuggestionsReply>;

  constructor(createEndpoint: () => SuggestionsEndpoint = defaultEndpoint) {
    this.#worker = new OnDemandWorker(createEndpoint, {
      crashed: (detail) => `The suggestions worker stopped unexpectedly${detail}. Ask for the suggestions again.`,
      closed: 'The suggestions were closed.',
    });
  }

  /**
   * Starts the worker and gets the engine ready (compromise loaded, its lexicon built) before the first document is
   * asked for: call it when suggestions are likely to be wanted soon, such as when a document opens.
   */
  prepare(): Promise<SuggestionsAnswers['prepare']> {
    return this.#ask({ type: 'prepare' });
  }

  /** The suggestions for one document's text. */
  suggest(text: string, options: SuggestOptions): Promise<SuggestionsAnswers['document']> {
    return this.#ask({ type: 'document', text, options });
  }

  /** The suggestions for a batch of documents, such as the files of one import. */
  suggestForBatch(documents: BatchDocument[], options: BatchOptions): Promise<SuggestionsAnswers['batch']> {
    return this.#ask({ type: 'batch', documents, options });
  }

  /** Ends the worker; what was still asked is rejected. */
  close(): void {
    this.#worker.close();
  }

  #ask<Q extends Question>(question: Q): Promise<SuggestionsAnswers[Q['type']]> {
    return this.#worker.ask(question);
  }
}

function defaultEndpoint(): SuggestionsEndpoint {
  if (typeof Worker === 'undefined') return inThread();
  return new Worker(new URL('./suggestions.worker.ts', import.meta.url), { type: 'module' }) as SuggestionsEndpoint;
}

/** The service in this thread, where there is no Worker: each request answered as a later task. */
function inThread(): SuggestionsEndpoint {
  return inThreadEndpoint<SuggestionsRequest, SuggestionsReply>(async (post) => {
    const { answer } = await import('./service');
    return { receive: (request) => post(answer(request)) };
  });
}
