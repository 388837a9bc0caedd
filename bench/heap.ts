/**
 * Heap readings for the benchmark, through the DevTools protocol: the page's and its workers' used JS heap, and the
 * workers' array buffers (held outside that heap), each after a full garbage collection. Workers have no
 * `performance.memory`, so each is reached as a target of its own.
 */
import type { Page } from '@playwright/test';

export interface HeapReader {
  /**
   * Used heap of the page, and the sums over its workers whose script URL contains `workerUrlPart` of their used heap
   * and of their array buffers' backing stores, in bytes.
   */
  read(workerUrlPart: string): Promise<{ pageBytes: number; workerBytes: number; workerBufferBytes: number }>;
}

export async function heapReader(page: Page): Promise<HeapReader> {
  const session = await page.context().newCDPSession(page);
  let nextId = 1;
  const waiting = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
  session.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (message.id !== undefined) waiting.get(message.id)?.(message);
  });
  const attached = new Map<string, string>();

  /** Sends a command to a worker through the page's session (the one way Playwright's sessions reach a worker). */
  const inWorker = async <T>(sessionId: string, method: string): Promise<T> => {
    const id = nextId++;
    const answer = new Promise<{ result?: unknown; error?: { message: string } }>((resolve) => waiting.set(id, resolve));
    await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
    const { result, error } = await answer;
    waiting.delete(id);
    if (error) throw new Error(`${method} in a worker: ${error.message}`);
    return result as T;
  };

  const used = async (send: <T>(method: string) => Promise<T>) => {
    await send('HeapProfiler.collectGarbage');
    return send<{ usedSize: number; backingStorageSize: number }>('Runtime.getHeapUsage');
  };

  return {
    async read(workerUrlPart) {
      const { targetInfos } = await session.send('Target.getTargets');
      let workerBytes = 0;
      let workerBufferBytes = 0;
      for (const target of targetInfos.filter((info) => info.type === 'worker' && info.url.includes(workerUrlPart))) {
        let sessionId = attached.get(target.targetId);
        if (!sessionId) {
          ({ sessionId } = await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false }));
          attached.set(target.targetId, sessionId);
        }
        const worker = await used((method) => inWorker(sessionId!, method));
        workerBytes += worker.usedSize;
        workerBufferBytes += worker.backingStorageSize;
      }
      const page = await used((method) => session.send(method as 'Runtime.getHeapUsage') as never);
      return { pageBytes: page.usedSize, workerBytes, workerBufferBytes };
    },
  };
}

