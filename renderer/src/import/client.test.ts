import { describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../../shared/limits';
import { readFixture } from '../../../tests/fixtures/read-fixture';
import { ImportWorkerClient, type ImportWorkerLike } from './client';
import { parseFile } from './parse';
import type { ImportReply, ImportRequest } from './protocol';
import { ImportError } from './types';

type Behaviour = 'parse' | 'hang' | 'crash';

/** Stands in for the module worker: parses in this thread (as the worker would), hangs, or crashes, on request. */
class FakeWorker extends EventTarget {
  readonly received: ImportRequest[] = [];
  terminated = false;

  constructor(private readonly behaviour: (request: ImportRequest) => Behaviour) {
    super();
  }

  postMessage(message: ImportRequest, transfer: Transferable[]): void {
    // Transfer as the real thing would: the sender's buffer is detached.
    const request = structuredClone(message, { transfer });
    this.received.push(request);
    const behaviour = this.behaviour(request);
    if (behaviour === 'crash') {
      setTimeout(() => this.dispatchEvent(Object.assign(new Event('error'), { message: 'Uncaught RangeError: out of memory' })), 0);
    } else if (behaviour === 'parse') {
      void parseFile(request).then(
        (document) => this.reply({ id: request.id, ok: true, document }),
        (error: Error) => this.reply({ id: request.id, ok: false, message: error.message }),
      );
    }
  }

  private reply(reply: ImportReply) {
    if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data: reply }));
  }

  terminate(): void {
    this.terminated = true;
  }
}

function setup(behaviour: (request: ImportRequest) => Behaviour = () => 'parse') {
  const workers: FakeWorker[] = [];
  const client = new ImportWorkerClient(() => {
    const worker = new FakeWorker(behaviour);
    workers.push(worker);
    return worker as unknown as ImportWorkerLike;
  });
  return { client, workers };
}

const textFile = (text: string, name = 'notes.txt') => ({ name, bytes: new TextEncoder().encode(text) });
const settle = <T>(promise: Promise<T>) => promise.then((value) => ({ value }), (error: unknown) => ({ error }));

describe('ImportWorkerClient', () => {
  it('parses a file in the worker, transferring its bytes there', async () => {
    const { client, workers } = setup();
    const file = { name: 'report.md', bytes: readFixture('report.md') };
    const document = await client.parse(file);
    expect(document).toMatchObject({ kind: 'markdown', title: 'Quarterly Review of Harbour Dues' });
    expect(file.bytes.byteLength).toBe(0);
    expect(workers).toHaveLength(1);
  });

  it('copies a view of a larger buffer instead of detaching the whole buffer', async () => {
    const { client, workers } = setup();
    const whole = new TextEncoder().encode('xxxxNotes on the ledger');
    const document = await client.parse({ name: 'notes.txt', bytes: whole.subarray(4) });
    expect(document.text).toBe('Notes on the ledger');
    expect(whole.byteLength).toBe(23);
    expect(workers[0]!.received[0]!.bytes.byteLength).toBe(19);
  });

  it('rejects with the worker’s ImportError message', async () => {
    const { client } = setup();
    const error = await client.parse({ name: 'empty.txt', bytes: new Uint8Array(0) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/^is empty/);
  });

  it('sends one file at a time, in order', async () => {
    const { client, workers } = setup();
    const first = client.parse(textFile('First'));
    const second = client.parse(textFile('Second'));
    expect(workers[0]!.received.map((request) => request.id)).toEqual([1]);
    expect((await first).text).toBe('First');
    expect((await second).text).toBe('Second');
    expect(workers[0]!.received.map((request) => request.id)).toEqual([1, 2]);
  });

  it('stops a file that runs over its time, ends the worker and starts a new one for the next file', async () => {
    const { client, workers } = setup((request) => (request.name === 'slow.pdf' ? 'hang' : 'parse'));
    const slow = settle(client.parse(textFile('', 'slow.pdf'), { timeoutMs: 50 }));
    const next = client.parse(textFile('After the slow one'));
    const { error } = (await slow) as { error: unknown };
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toBe('took longer than 0.05 s to read and was stopped.');
    expect(workers[0]!.terminated).toBe(true);
    expect((await next).text).toBe('After the slow one');
    expect(workers).toHaveLength(2);
  });

  it('allows LIMITS.parseMs by default', async () => {
    vi.useFakeTimers();
    try {
      const { client } = setup(() => 'hang');
      const pending = settle(client.parse(textFile('x')));
      let settled = false;
      void pending.then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(LIMITS.parseMs - 1);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(((await pending) as { error: ImportError }).error.message).toBe('took longer than 60 s to read and was stopped.');
    } finally {
      vi.useRealTimers();
    }
  });

  it('aborts a running file by ending the worker, and a queued one without sending it', async () => {
    const { client, workers } = setup((request) => (request.name === 'stuck.html' ? 'hang' : 'parse'));
    const running = new AbortController();
    const queued = new AbortController();
    const stuck = settle(client.parse(textFile('<p>x</p>', 'stuck.html'), { signal: running.signal }));
    const dropped = settle(client.parse(textFile('never sent'), { signal: queued.signal }));
    const last = client.parse(textFile('Last'));
    queued.abort();
    running.abort();
    expect(((await stuck) as { error: DOMException }).error.name).toBe('AbortError');
    expect(((await dropped) as { error: DOMException }).error.name).toBe('AbortError');
    expect((await last).text).toBe('Last');
    expect(workers[0]!.terminated).toBe(true);
    expect(workers.flatMap((worker) => worker.received.map((request) => request.name))).toEqual(['stuck.html', 'notes.txt']);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const { client, workers } = setup();
    const { error } = (await settle(client.parse(textFile('x'), { signal: AbortSignal.abort() }))) as { error: DOMException };
    expect(error.name).toBe('AbortError');
    expect(workers).toHaveLength(0);
  });

  it('reports a worker that crashes, and recovers', async () => {
    let crashes = 1;
    const { client, workers } = setup(() => (crashes-- > 0 ? 'crash' : 'parse'));
    const { error } = (await settle(client.parse(textFile('x')))) as { error: ImportError };
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toBe('could not be read: the import worker stopped unexpectedly (Uncaught RangeError: out of memory). Try importing it again.');
    expect((await client.parse(textFile('Fine now'))).text).toBe('Fine now');
    expect(workers).toHaveLength(2);
  });

  it('rejects what is pending when disposed, and everything after', async () => {
    const { client, workers } = setup(() => 'hang');
    const pending = settle(client.parse(textFile('x')));
    const queued = settle(client.parse(textFile('y')));
    client.dispose();
    expect(((await pending) as { error: DOMException }).error.name).toBe('AbortError');
    expect(((await queued) as { error: DOMException }).error.name).toBe('AbortError');
    expect(workers[0]!.terminated).toBe(true);
    expect(((await settle(client.parse(textFile('z')))) as { error: DOMException }).error.name).toBe('AbortError');
  });
});
