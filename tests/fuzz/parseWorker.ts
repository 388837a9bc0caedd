/**
 * The fuzz's worker thread: parses one input per message with the import worker's own code (`parseFile`, built by
 * Vite as the app's worker is), and answers how it ended. A hang is seen from outside: the harness ends this thread.
 * Run by Node as it is (its types stripped), so it imports nothing of the project but the built bundle.
 */
import { parentPort, workerData } from 'node:worker_threads';

interface Request {
  id: number;
  importer: string;
  name: string;
  bytes: Uint8Array;
}

export type Outcome = { id: number; outcome: 'imported' } | { id: number; outcome: 'refused' | 'crashed' | 'stray'; message: string };

const port = parentPort!;
const { parseFile } = (await import(`${workerData.bundle}parse.js`)) as {
  parseFile(input: { name: string; bytes: Uint8Array }): Promise<unknown>;
};
const { readArchive } = (await import(`${workerData.bundle}readArchive.js`)) as {
  readArchive(source: Blob, fileName: string): Promise<unknown>;
};
const { isPdfjsStrayRejection } = (await import(`${workerData.bundle}pdfjsStrayRejection.js`)) as {
  isPdfjsStrayRejection(reason: unknown): boolean;
};

// pdf.js and mammoth talk on the console about damaged files; what matters here is how the parse ends.
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = () => {};

let current = -1;
// pdf.js's exceptions take their stack from one Error made as its module loads: their name and message say more.
const crashed = (id: number, what: string, error: unknown) =>
  port.postMessage({
    id,
    outcome: 'crashed',
    message: `${what}: ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error)}`,
  } satisfies Outcome);
// What the app's import worker silences (see isPdfjsStrayRejection) is counted, not failed.
process.on('unhandledRejection', (reason) => {
  if (isPdfjsStrayRejection(reason)) port.postMessage({ id: current, outcome: 'stray', message: String(reason) } satisfies Outcome);
  else crashed(current, 'unhandled rejection', reason);
});
process.on('uncaughtException', (error) => crashed(current, 'uncaught exception', error));

/** The parse's own end, once the rejections it left without a handler have been reported (Node reports them as its microtasks run out). */
const settled = <T>(parse: Promise<T>): Promise<T> =>
  parse.finally(() => new Promise<void>((resolve) => setImmediate(resolve)));

port.on('message', async ({ id, importer, name, bytes }: Request) => {
  current = id;
  try {
    await settled(importer === 'archive' ? readArchive(new Blob([bytes as BlobPart]), name) : parseFile({ name, bytes }));
    port.postMessage({ id, outcome: 'imported' } satisfies Outcome);
  } catch (error) {
    // The import pipeline's form: the worker's ImportError message after the file's name. An archive's refusal
    // names the file itself.
    if (error instanceof Error && error.name === 'ImportError') port.postMessage({ id, outcome: 'refused', message: `${name}: ${error.message}` } satisfies Outcome);
    else if (error instanceof Error && error.name === 'ArchiveError') port.postMessage({ id, outcome: 'refused', message: error.message } satisfies Outcome);
    else crashed(id, 'thrown', error);
  }
});
port.postMessage({ id: -1, outcome: 'imported' } satisfies Outcome);
