/** A worker's answer to the request numbered `id`: its value, or the message of what went wrong there. */
export type WorkerAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

/**
 * The requests a page has sent a worker and awaits answers to: each numbered as it is sent, its promise settled by
 * the answer bearing its number (answers may come in any order), and every one refused at once when the worker is
 * lost. Shared by the clients of the search, mentions and suggestions workers.
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
