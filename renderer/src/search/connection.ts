/**
 * The page's line to the search worker: requests with their answers, changes sent without one, and each index's
 * state as the worker reports it. Where there are no workers (the unit tests) the same service runs in this thread,
 * its messages copied and delivered later just as a worker's would be.
 */
import type { CasebookDB } from '../db/schema';
import type { IndexState, SearchAnswers, SearchMessage, SearchRequest } from './protocol';
import { inThreadEndpoint } from '../inThreadEndpoint';
import { PendingRequests } from '../workerRequests';

/** The part of a Worker the connection uses. */
export interface SearchEndpoint {
  postMessage(message: SearchRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SearchMessage>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

/** Requests that await an answer, each without the `id` the connection gives it. */
type Question = { [K in keyof SearchAnswers]: Omit<Extract<SearchRequest, { type: K }>, 'id'> }[keyof SearchAnswers];

interface Listener {
  state(state: IndexState): void;
  /** The worker stopped: nothing this index was asked will be answered. */
  lost(message: string): void;
}

export class SearchConnection {
  private readonly endpoint: SearchEndpoint;
  private readonly pending = new PendingRequests();
  private readonly listeners = new Map<number, Listener>();
  private nextIndex = 1;
  private failure: string | null = null;

  constructor(db: CasebookDB, createEndpoint: (db: CasebookDB) => SearchEndpoint = defaultEndpoint) {
    this.endpoint = createEndpoint(db);
    this.endpoint.addEventListener('message', ({ data }) => this.receive(data));
    const crashed = (event: Event) => {
      event.preventDefault?.();
      const detail = (event as Partial<ErrorEvent>).message;
      this.fail(`The search worker stopped unexpectedly${detail ? ` (${detail})` : ''}. Reload the window to search again.`);
    };
    this.endpoint.addEventListener('error', crashed);
    this.endpoint.addEventListener('messageerror', crashed);
    this.endpoint.postMessage({ type: 'connect', database: db.name });
  }

  /** A number for a new case index, and where its state is to be reported. */
  register(listener: Listener): number {
    const index = this.nextIndex++;
    this.listeners.set(index, listener);
    return index;
  }

  unregister(index: number): void {
    this.listeners.delete(index);
  }

  ask<Q extends Question>(question: Q): Promise<SearchAnswers[Q['type']]> {
    if (this.failure) return Promise.reject(new Error(this.failure));
    return this.pending.send((id) => this.endpoint.postMessage({ ...question, id } as SearchRequest));
  }

  tell(request: Extract<SearchRequest, { type: 'changes' | 'close' }>): void {
    if (!this.failure) this.endpoint.postMessage(request);
  }

  /** Ends the worker; whatever was still asked is rejected. */
  close(): void {
    this.fail('The search was closed.');
    this.endpoint.terminate();
  }

  private receive(message: SearchMessage): void {
    if (message.type === 'state') {
      this.listeners.get(message.index)?.state(message.state);
      return;
    }
    this.pending.settle(message);
  }

  private fail(message: string): void {
    if (this.failure) return;
    this.failure = message;
    this.pending.rejectAll(message);
    for (const listener of this.listeners.values()) listener.lost(message);
  }
}

function defaultEndpoint(db: CasebookDB): SearchEndpoint {
  if (typeof Worker === 'undefined') return inThread(db);
  return new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' }) as SearchEndpoint;
}

/** The service in this thread, on the page's own database, where there is no Worker. */
function inThread(db: CasebookDB): SearchEndpoint {
  return inThreadEndpoint<SearchRequest, SearchMessage>(async (post) => {
    const { SearchService } = await import('./service');
    return new SearchService(db, post);
  });
}
