/** A worker's answer to the request numbered `id`: its value, or the message of what went wrong there. */
export type WorkerAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

/**
 * The requests a page has sent a worker and awaits answers to: each numbered as it is sent, its promise settled by
 * the answer bearing its number (answers may come in any order), and every one refused at once when the worker is
 * lost. Shared by the clients of the search and mentions workers, and by `OnDemandWorker` (suggestions, dates).
 */
export class PendingRequests {
  readonly #waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  #nextId = 1;

  /** Numbers a request, sends it with `post` and resolves with the worker's answer to it. */
  send<T>(post: (id: number) => void): Promise<T> {
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      try {
        post(id);
      } catch (error) {
        // Nothing was sent (a value that cannot be copied, say): no answer will come.
        this.#waiting.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Settles the request the answer is for; an answer to nothing awaited (refused meanwhile) is dropped. */
  settle(answer: WorkerAnswer): void {
    const waiting = this.#waiting.get(answer.id);
    this.#waiting.delete(answer.id);
    if (answer.ok) waiting?.resolve(answer.value);
    else waiting?.reject(new Error(answer.message));
  }

  /** Refuses every request still awaited with this message. */
  rejectAll(message: string): void {
    for (const { reject } of this.#waiting.values()) reject(new Error(message));
    this.#waiting.clear();
  }
}

/** The part of a Worker a client uses; tests pass a stand-in. */
export interface WorkerEndpoint<Request, Reply> {
  postMessage(message: Request): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<Reply>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

/**
 * A worker started on the first request and kept for the next, each request answered by a promise. A worker that
 * crashes refuses what was asked of it (`crashMessage` says so, with the browser's detail) and the next request
 * starts a new one; once closed, every request is refused with `closedMessage`. The suggestions and dates clients
 * are this, with their own questions.
 */
export class OnDemandWorker<Request extends { id: number }, Reply extends WorkerAnswer> {
  readonly #pending = new PendingRequests();
  #endpoint: WorkerEndpoint<Request, Reply> | null = null;
  #closed = false;

  constructor(
    private readonly createEndpoint: () => WorkerEndpoint<Request, Reply>,
    private readonly messages: { crashed: (detail: string) => string; closed: string },
  ) {}

  /** Sends a request, numbered here, and resolves with the worker's answer. */
  ask<T>(question: Omit<Request, 'id'>): Promise<T> {
    if (this.#closed) return Promise.reject(new Error(this.messages.closed));
    const endpoint = this.#ensureEndpoint();
    return this.#pending.send<T>((id) => endpoint.postMessage({ ...question, id } as Request));
  }

  /** Ends the worker; what was still asked is refused. */
  close(): void {
    this.#closed = true;
    this.#fail(this.messages.closed);
  }

  #ensureEndpoint(): WorkerEndpoint<Request, Reply> {
    if (this.#endpoint) return this.#endpoint;
    const endpoint = this.createEndpoint();
    endpoint.addEventListener('message', ({ data }) => {
      if (endpoint === this.#endpoint) this.#pending.settle(data);
    });
    const crashed = (event: Event) => {
      event.preventDefault?.();
      if (endpoint !== this.#endpoint) return;
      const detail = (event as Partial<ErrorEvent>).message;
      this.#fail(this.messages.crashed(detail ? ` (${detail})` : ''));
    };
    endpoint.addEventListener('error', crashed);
    endpoint.addEventListener('messageerror', crashed);
    this.#endpoint = endpoint;
    return endpoint;
  }

  #fail(message: string): void {
    this.#endpoint?.terminate();
    this.#endpoint = null;
    this.#pending.rejectAll(message);
  }
}
