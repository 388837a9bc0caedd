/**
 * The importers' fuzz: thousands of mutated fixtures through the import worker's code, each in a worker thread
 * watched from here, so that a crash, an unhandled rejection or a hang past the app's own time limit
 * (`LIMITS.parseMs`, after which the app stops its import worker) is caught and reported with the seed that makes
 * the input again. Every refusal is checked for the message a researcher reads: not empty, naming the file, in words
 * rather than a raw error.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'vite';
import { LIMITS } from '../../shared/limits';
import { readFixture } from '../fixtures/read-fixture';
import { mutate } from './mutate';
import type { Outcome } from './parseWorker';

/** Each importer the worker runs, and the fixtures its inputs are made from (their names are the inputs' names). */
export const IMPORTERS = {
  text: ['harbour-log.txt', 'site-visit-notes.txt', 'article-pl-windows1250.txt', 'notes-utf16le.txt', 'notes-utf16be.txt'],
  markdown: ['report.md'],
  html: ['article-es.html', 'article-zh.html', 'hostile.html', 'marking-article.html', 'news-article.html', 'trawler-seizure.html'],
  pdf: ['three-page-report.pdf', 'court-opinion.pdf', 'cjk-cmap.pdf', 'encrypted.pdf', 'useless-title.pdf', 'truncated.pdf', 'scanned-pages.pdf'],
  docx: ['court-filing.docx', 'memo-heading.docx'],
  // What the import does with an image: its kind from its signature, a TIFF's pages counted. Its text is recognised
  // later, in the reader (OCR, seconds a page), which the fuzz leaves out.
  image: ['scanned-note.png', 'scanned-note.jpg', 'scanned-note.tif'],
  // A `.casebook` archive, read and checked as its import does before writing anything (`readArchive`): the test
  // exports one (see importers.test.ts), there being no fixture of it.
  archive: [],
} as const satisfies Record<string, readonly string[]>;

export type Importer = keyof typeof IMPORTERS;

const root = fileURLToPath(new URL('../../', import.meta.url));
const cache = `${root}node_modules/.cache/casebook-fuzz/`;

/**
 * The import worker's parser (`renderer/src/import/parse.ts`) and the case archive's reader built for Node by Vite, as
 * the app's are built for the page: the parsers in chunks loaded on first use, pdf.js's character maps inlined.
 * Packages stay in node_modules. What is returned is the folder's address, for the worker threads.
 */
export async function buildParser(): Promise<string> {
  // A folder of this run's own: another run's build must not replace the chunks this one's threads still load.
  const outDir = `${cache}bundle-${process.pid}/`;
  await build({
    configFile: false,
    root,
    logLevel: 'error',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      rollupOptions: {
        input: {
          parse: 'renderer/src/import/parse.ts',
          readArchive: 'renderer/src/archive/readArchive.ts',
          pdfjsStrayRejection: 'renderer/src/import/pdfjsStrayRejection.ts',
        },
      },
    },
  });
  return pathToFileURL(outDir).href;
}

/** Removes what `buildParser` built. */
export function removeParser(bundle: string): void {
  rmSync(fileURLToPath(bundle), { recursive: true, force: true });
}

/** Why a refusal's message is not one a researcher can act on, or null when it is. */
export function badMessage(message: string, name: string): string | null {
  if (!message.trim()) return 'the message is empty';
  if (!message.includes(name)) return 'the message does not name the file';
  if (/\b(?:TypeError|RangeError|ReferenceError|SyntaxError|InternalError)\b|Cannot read propert|is not a function|is not defined|\bundefined\b|\bnull\b|\n\s+at /.test(message))
    return 'the message reads like a raw error';
  return null;
}

export interface Failure {
  importer: Importer;
  seed: number;
  name: string;
  steps: string[];
  problem: string;
  /** Where the input was written, to be read again. */
  saved: string;
}

export interface ImporterResult {
  importer: Importer;
  inputs: number;
  imported: number;
  refused: number;
  crashes: number;
  hangs: number;
  /** Inputs that passed the time limit once and were tried again (see fuzzImporters). */
  retried: number;
  /** Rejections pdf.js left unhandled inside itself, which the app's import worker silences (isPdfjsStrayRejection). */
  strays: number;
}

interface Job {
  importer: Importer;
  seed: number;
  name: string;
  bytes: Uint8Array;
  steps: string[];
}

/** Each parse thread's heap: far more than any fixture's parse needs, far less than the whole run's. */
const THREAD_HEAP_MB = 1536;

/** A worker thread with the parser loaded, answering one input at a time. */
class ParseThread {
  private worker!: Worker;
  private ready!: Promise<void>;
  private pending: { id: number; settle: (outcome: Outcome) => void } | null = null;

  /**
   * `onAside` hears what a thread says about an input besides its answer: a rejection left unhandled, during the parse
   * or once the answer was given.
   */
  constructor(
    private readonly bundle: string,
    private readonly onAside: (outcome: Outcome) => void,
  ) {
    this.start();
  }

  private start() {
    // A heap of its own with a limit: an input that makes the parser take memory without end ends this thread (and
    // fails as a crash), not the whole run.
    const worker = new Worker(new URL('./parseWorker.ts', import.meta.url), {
      workerData: { bundle: this.bundle },
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
    });
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', () => resolve());
    });
    worker.on('error', (error) => {
      const pending = this.pending;
      if (this.worker !== worker || !pending) return;
      this.pending = null;
      pending.settle({ id: pending.id, outcome: 'crashed', message: `the parse thread died: ${error.message}` });
      this.start();
    });
    this.worker.on('message', (outcome: Outcome) => {
      if (outcome.id < 0 && outcome.outcome === 'imported') return;
      const pending = this.pending;
      if (pending?.id !== outcome.id || outcome.outcome === 'stray') return this.onAside(outcome);
      this.pending = null;
      pending.settle(outcome);
    });
  }

  /** How the parse ended, or 'hang' when it took longer than `limitMs` (the thread is then replaced). */
  async run(id: number, job: Job, limitMs: number): Promise<Outcome | 'hang'> {
    await this.ready;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const outcome = await Promise.race([
      new Promise<Outcome>((settle) => {
        this.pending = { id, settle };
        this.worker.postMessage({ id, importer: job.importer, name: job.name, bytes: job.bytes });
      }),
      new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), limitMs))),
    ]);
    clearTimeout(timer);
    if (outcome === 'hang') {
      this.pending = null;
      await this.worker.terminate();
      this.start();
    }
    return outcome;
  }

  stop() {
    return this.worker.terminate();
  }
}

export interface FuzzOptions {
  bundle: string;
  /** Fixtures made by the caller, for an importer that has none in tests/fixtures (the archive). */
  made?: Partial<Record<Importer, { name: string; bytes: Uint8Array }[]>>;
  importers?: readonly Importer[];
  inputs: number;
  /** The first seed; input i of every importer is made from seed + i. */
  seed: number;
  /** The fixtures themselves, each once, unmutated (`inputs` is then their number): inputs the fuzz found, replayed. */
  asFound?: boolean;
  limitMs?: number;
  threads?: number;
  onLine?: (line: string) => void;
}

/** Runs the fuzz; every failure is saved under node_modules/.cache/casebook-fuzz/failures and returned. */
export async function fuzzImporters(options: FuzzOptions): Promise<{ results: ImporterResult[]; failures: Failure[] }> {
  const { bundle, inputs, seed, limitMs = LIMITS.parseMs, onLine = console.log } = options;
  const results: ImporterResult[] = [];
  // The inputs under way and just done, by id, for what a thread reports besides its answers.
  const recent = new Map<number, { job: Job; result: ImporterResult }>();
  let aside: (outcome: Outcome) => void = () => {};
  const threads = Array.from({ length: options.threads ?? Math.max(1, Math.min(availableParallelism(), 2)) }, () => new ParseThread(bundle, (outcome) => aside(outcome)));
  const failures: Failure[] = [];
  mkdirSync(`${cache}failures`, { recursive: true });
  try {
    for (const importer of options.importers ?? (Object.keys(IMPORTERS) as Importer[])) {
      const files = options.made?.[importer] ?? IMPORTERS[importer].map((name: string) => ({ name, bytes: readFixture(name) }));
      const names = files.map((file) => file.name);
      const fixtures = files.map((file) => file.bytes);
      const count = options.asFound ? files.length : inputs;
      const result: ImporterResult = { importer, inputs: count, imported: 0, refused: 0, crashes: 0, hangs: 0, retried: 0, strays: 0 };
      let next = 0;
      // Inputs that crashed, once each however many rejections one left.
      const crashed = new Set<number>();
      recent.clear();
      aside = (outcome) => {
        const input = recent.get(outcome.id);
        if (input && outcome.outcome === 'stray') input.result.strays++;
        if (!input || outcome.outcome !== 'crashed') return;
        crashed.add(input.job.seed);
        input.result.crashes = crashed.size;
        fail(input.job, `after its answer: ${outcome.message}`);
      };
      const fail = (job: Job, problem: string) => {
        const saved = `${cache}failures/${importer}-${job.seed}-${job.name}`;
        writeFileSync(saved, job.bytes);
        failures.push({ importer, seed: job.seed, name: job.name, steps: job.steps, problem, saved });
        onLine(`importer fuzz: ${importer} seed ${job.seed} (${job.name}; ${job.steps.join(', ')}): ${problem.split('\n').slice(0, 6).join('\n')} [saved as ${saved}]`);
      };
      await Promise.all(
        threads.map(async (thread) => {
          for (let index = next++; index < count; index = next++) {
            const jobSeed = seed + index;
            const mutated = options.asFound
              ? { bytes: fixtures[index]!, fixture: index, steps: ['as found'] }
              : mutate(fixtures, jobSeed, { zip: importer === 'docx' || importer === 'archive' });
            const job: Job = { importer, seed: jobSeed, name: names[mutated.fixture]!, bytes: mutated.bytes, steps: mutated.steps };
            recent.set(index, { job, result });
            recent.delete(index - 16);
            let outcome = await thread.run(index, job, limitMs);
            // Past the limit once, the input is tried again in a fresh thread: on a busy machine (the suite's other
            // browsers beside it) a parse of seconds can take a minute. One that passes the limit twice is a hang.
            if (outcome === 'hang') {
              result.retried++;
              outcome = await thread.run(index, job, limitMs);
            }
            if (outcome === 'hang') {
              result.hangs++;
              fail(job, `still parsing after ${limitMs / 1000} s`);
            } else if (outcome.outcome === 'crashed') {
              crashed.add(job.seed);
              result.crashes = crashed.size;
              fail(job, outcome.message);
            } else if (outcome.outcome === 'refused') {
              result.refused++;
              const bad = badMessage(outcome.message, job.name);
              if (bad) fail(job, `${bad}: “${outcome.message}”`);
            } else result.imported++;
          }
        }),
      );
      results.push(result);
      onLine(
        `importer fuzz: ${importer} ${count.toLocaleString('en')} inputs, ${result.refused.toLocaleString('en')} refused with a message, ${result.crashes} crashes, ${result.hangs} hangs` +
          (result.retried ? ` (${result.retried} past the limit once, tried again)` : '') +
          (result.strays ? ` (${result.strays} rejections pdf.js left unhandled inside itself, silenced as the app does)` : ''),
      );
    }
  } finally {
    await Promise.all(threads.map((thread) => thread.stop()));
  }
  return { results, failures };
}
