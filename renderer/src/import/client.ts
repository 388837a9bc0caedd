import type { ImportReply, ImportRequest } from './protocol';
import { PARSE_TIME } from '../../../shared/limits';
import { ImportError, type ParsedDocument } from './types';

/** The part of a Worker the client uses; tests pass a stand-in. */
export interface ImportWorkerLike {
  postMessage(message: ImportRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ImportReply>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface ParseOptions {
  /** Aborting stops the file: a queued one is dropped, a running one ends the worker (a new one starts next). */
  signal?: AbortSignal;
  /** How long the file may take once the worker starts on it; by default the limit, PARSE_TIME.max. */
  timeoutMs?: number;
  /** False imports without taking site text out (the benchmark's baseline); default true. */
  cleanUp?: boolean;
}

interface Job {
  id: number;
  file: { name: string; bytes: Uint8Array; mimeType?: string };
  timeoutMs: number;
  cleanUp?: boolean;
  signal?: AbortSignal;
  resolve(document: ParsedDocument): void;
  reject(error: unknown): void;
  cleanup(): void;
}

const createImportWorker = (): ImportWorkerLike => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });

const abortError = (signal?: AbortSignal): unknown => signal?.reason ?? new DOMException('The import was cancelled.', 'AbortError');

/**
 * Runs the import worker for the page: one file at a time, in order, each with a time limit. A file that runs over
 * its time, or is aborted while it runs, ends the worker, since a parser stuck in a loop cannot be interrupted any
 * other way; the next file starts a fresh one. Use two clients to parse two files at once.
 */
export class ImportWorkerClient {
  #worker: ImportWorkerLike | null = null;
  #queue: Job[] = [];
  #running: Job | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #nextId = 1;
  #disposed = false;

  constructor(private readonly createWorker: () => ImportWorkerLike = createImportWorker) {}

  /**
   * Parses one file in the worker. Its bytes are transferred there, so `file.bytes` is empty afterwards: pass a
   * copy (`bytes.slice()`) to keep the original. Rejects with an ImportError for a file that cannot be read or runs
   * out of time, and with the signal's reason (an AbortError) when aborted.
   */
  parse(file: { name: string; bytes: Uint8Array; mimeType?: string }, options: ParseOptions = {}): Promise<ParsedDocument> {
    if (this.#disposed) return Promise.reject(new DOMException('The import worker was closed.', 'AbortError'));
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise<ParsedDocument>((resolve, reject) => {
      const onAbort = () => this.#abort(job);
      const job: Job = {
        id: this.#nextId++,
        file,
        timeoutMs: options.timeoutMs ?? PARSE_TIME.max,
        cleanUp: options.cleanUp,
        signal,
        resolve,
        reject,
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(job);
      this.#next();
    });
  }

  /** Ends the worker; files still waiting or running are rejected with an AbortError. */
  dispose(): void {
    this.#disposed = true;
    const error = new DOMException('The import worker was closed.', 'AbortError');
    const jobs = [...(this.#running ? [this.#running] : []), ...this.#queue];
    this.#queue = [];
    this.#stopWorker();
    for (const job of jobs) this.#settle(job, () => job.reject(error));
  }

  #next(): void {
    if (this.#running || this.#disposed) return;
    const job = this.#queue.shift();
    if (!job) return;
    this.#running = job;
    const worker = this.#ensureWorker();
    const { name, bytes, mimeType } = job.file;
    // Only a whole, non-shared buffer can be transferred; anything else is copied first.
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
    const sent = whole ? bytes : bytes.slice();
    this.#timer = setTimeout(() => this.#timeout(job), job.timeoutMs);
    try {
      worker.postMessage({ id: job.id, name, bytes: sent, mimeType, cleanUp: job.cleanUp }, [sent.buffer as ArrayBuffer]);
    } catch (error) {
      this.#fail(job, error);
    }
  }

  #ensureWorker(): ImportWorkerLike {
    if (this.#worker) return this.#worker;
    const worker = this.createWorker();
    worker.addEventListener('message', (event: MessageEvent<ImportReply>) => {
      const job = this.#running;
      if (worker !== this.#worker || !job || event.data.id !== job.id) return;
      const reply = event.data;
      this.#finish(job, () => (reply.ok ? job.resolve(reply.document) : job.reject(new ImportError(reply.message))));
    });
    const crashed = (event: Event) => {
      event.preventDefault?.();
      const job = this.#running;
      if (worker !== this.#worker) return;
      this.#stopWorker();
      if (job) this.#fail(job, event);
    };
    worker.addEventListener('error', crashed);
    worker.addEventListener('messageerror', crashed);
    this.#worker = worker;
    return worker;
  }

  #timeout(job: Job): void {
    if (this.#running !== job) return;
    this.#stopWorker();
    this.#finish(job, () => job.reject(new ImportError(PARSE_TIME.refusal(job.timeoutMs))));
  }

  #abort(job: Job): void {
    if (this.#running === job) {
      this.#stopWorker();
      this.#finish(job, () => job.reject(abortError(job.signal)));
    } else if (this.#queue.includes(job)) {
      this.#queue = this.#queue.filter((queued) => queued !== job);
      this.#settle(job, () => job.reject(abortError(job.signal)));
    }
  }

  #fail(job: Job, cause: unknown): void {
    // An ErrorEvent (a crash inside the worker) and an Error both carry a message.
    const message = (cause as { message?: unknown } | null)?.message;
    const detail = typeof message === 'string' && message ? ` (${message})` : '';
    this.#stopWorker();
    this.#finish(job, () => job.reject(new ImportError(`could not be read: the import worker stopped unexpectedly${detail}. Try importing it again.`)));
  }

  #stopWorker(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#worker?.terminate();
    this.#worker = null;
  }

  /** Settles the running job and moves on to the next. */
  #finish(job: Job, settle: () => void): void {
    if (this.#running !== job) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#running = null;
    this.#settle(job, settle);
    this.#next();
  }

  #settle(job: Job, settle: () => void): void {
    job.cleanup();
    settle();
  }
}
