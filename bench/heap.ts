/**
 * Heap readings for the benchmark, through the DevTools protocol: the page's and its workers' used JS heap, and the
 * workers' array buffers (held outside that heap), each after a full garbage collection. Workers have no
 * `performance.memory`, so each is reached as a target of its own. And the resident memory of the renderer
 * processes, for peaks sampled while something runs.
 */
import { readFileSync, readdirSync } from 'node:fs';
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

/** The Chromium renderer processes this benchmark started (Linux), or null where there is no /proc. */
function rendererProcesses(): number[] | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  const parents = new Map<number, number>();
  for (const entry of entries) {
    try {
      parents.set(Number(entry), Number(fieldsOfStat(readFileSync(`/proc/${entry}/stat`, 'utf8'))[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const ours = (pid: number): boolean => {
    for (let at: number | undefined = pid; at && at > 1; at = parents.get(at)) if (at === process.pid) return true;
    return false;
  };
  return [...parents.keys()].filter((pid) => {
    try {
      return ours(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;
    }
  });
}

/** The fields of a /proc/<pid>/stat line after the command's name (which may hold spaces): state, parent, … */
const fieldsOfStat = (stat: string) => stat.slice(stat.lastIndexOf(')') + 2).split(' ');

/** Sums a reading over the renderer processes, skipping those gone meanwhile; null where there is no /proc. */
function overRenderers(read: (pid: number) => number): number | null {
  const pids = rendererProcesses();
  if (pids === null) return null;
  let total = 0;
  for (const pid of pids) {
    try {
      total += read(pid);
    } catch {
      // Gone meanwhile.
    }
  }
  return total;
}

/** Resident memory in bytes of the Chromium renderer processes this benchmark started (Linux), or null elsewhere. */
export function rendererMemory(): number | null {
  return overRenderers((pid) => {
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return rss ? Number(rss[1]) * 1024 : 0;
  });
}

/**
 * Processor time in seconds the renderer processes have used (Linux, in user and system mode, all their threads:
 * the page's and its workers'), or null elsewhere. Unlike the time on the clock, it hardly grows with the load
 * other programs put on the machine.
 */
export function rendererCpuSeconds(): number | null {
  // Clock ticks of 1/100 s, what Linux reports on every processor it runs on.
  return overRenderers((pid) => {
    const fields = fieldsOfStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    return (Number(fields[11]) + Number(fields[12])) / 100;
  });
}
