import { readdirSync, readFileSync } from 'node:fs';
import { chromium, expect, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../chromium';
import { checkConsistency, readDatabaseRows, type DatabaseRows } from '../../../renderer/src/db/consistency';

/**
 * Chromium killed the hard way, as a power cut or the operating system would: SIGKILL to the browser process, which
 * holds IndexedDB, then to the rest of its process group, with no chance to flush or close anything. The profile
 * (`userDataDir`) stays, and the next launch opens the same database the crash left.
 */

/** The number of seeds each crash scenario runs: 3 in `npm test` (about 4 minutes on 2 cores), more with CASEBOOK_CRASH_SEEDS. */
export const SEEDS = Math.max(1, Number(process.env.CASEBOOK_CRASH_SEEDS ?? 3) || 3);

/** The same seed picks the same kill points, so a failure can be run again. */
export { seededRandom } from '../../seededRandom';

/** A whole number from 1 to `most`, both included. */
export const pick = (random: () => number, most: number): number => 1 + Math.floor(random() * Math.max(1, most));

/**
 * The pid of the Chromium browser process that uses `profile`: the one whose command line names it and is no child.
 * The newest such process: the browser killed before this launch may not be gone from /proc yet, and killing it again
 * instead of this one would leave the test waiting for a browser that never closes.
 */
function browserPid(profile: string): number {
  let newest: { pid: number; started: number } | null = null;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    let stat: string;
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // Gone meanwhile.
    }
    if (!args.includes(`--user-data-dir=${profile}`) || args.some((arg) => arg.startsWith('--type='))) continue;
    // After the command's closing parenthesis: its state, then 18 more fields up to its start time.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z' || fields[0] === 'X') continue;
    const started = Number(fields[19]);
    if (!newest || started > newest.started) newest = { pid: Number(entry), started };
  }
  if (!newest) throw new Error(`No Chromium process runs with the profile ${profile}.`);
  return newest.pid;
}

/**
 * Calls `seen` in the test each time a page of `target` starts or completes a read-write IndexedDB transaction. From the
 * next page load on: Dexie binds `IDBDatabase.prototype.transaction` when it opens the database, so the wrapper must be
 * in place before the app's code runs.
 */
export async function countWrites(target: BrowserContext | Page, seen: () => void): Promise<void> {
  await target.exposeBinding('__casebookWriteSeen', () => seen());
  await target.addInitScript(() => {
    const report = (window as unknown as { __casebookWriteSeen?: () => Promise<void> }).__casebookWriteSeen;
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      const started = transaction.apply(this, args);
      if (started.mode === 'readwrite') {
        void report?.();
        started.addEventListener('complete', () => void report?.());
      }
      return started;
    };
  });
}

/**
 * One launch of Chromium on a profile, with every read-write IndexedDB transaction the app starts and completes counted
 * (`countWrites`): `killAt(k)` kills the browser once the k-th of them after it is seen, which picks a point inside an
 * operation by what the operation does rather than by the clock.
 */
export class CrashableBrowser {
  private events = 0;
  private target = Infinity;
  private killing: Promise<void> | null = null;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly pid: number,
  ) {}

  static async launch(profile: string, baseURL: string, prepare?: (page: Page) => Promise<void>): Promise<CrashableBrowser> {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: findChromium() ?? undefined,
      args: CHROMIUM_ARGS,
      baseURL,
    });
    // The limits playwright.config.ts gives the contexts it makes, which a context launched here does not get.
    context.setDefaultTimeout(60_000);
    context.setDefaultNavigationTimeout(60_000);
    const page = context.pages()[0] ?? (await context.newPage());
    const browser = new CrashableBrowser(context, page, browserPid(profile));
    await countWrites(context, () => browser.seen());
    await prepare?.(page);
    return browser;
  }

  /** Read-write transactions started or completed since the last `killAt` or `count`. */
  count(): number {
    const counted = this.events;
    this.events = 0;
    return counted;
  }

  /** Kills the browser at the k-th transaction event from now (or at once, if k is 0). */
  killAt(k: number): void {
    this.events = 0;
    this.target = k;
    if (k <= 0) void this.kill();
  }

  /** Whether the kill has happened (or begun). */
  get killed(): boolean {
    return this.killing !== null;
  }

  private seen(): void {
    this.events += 1;
    if (this.events >= this.target) void this.kill();
  }

  /** SIGKILL to the browser, then to its process group (renderers, GPU and utility processes), then waits for it to be gone. */
  kill(): Promise<void> {
    this.killing ??= (async () => {
      const closed = new Promise<void>((resolve) => this.context.once('close', () => resolve()));
      let timer: ReturnType<typeof setTimeout> | undefined;
      // A bound, not a wait: a browser that outlives SIGKILL by a minute is a fault to report, not to wait for.
      const stillOpen = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Chromium (pid ${this.pid}) was sent SIGKILL and is still open a minute later.`)), 60_000);
      });
      process.kill(this.pid, 'SIGKILL');
      try {
        process.kill(-this.pid, 'SIGKILL');
      } catch {
        // Not a group leader, or its group already gone with it.
      }
      await Promise.race([closed, stillOpen]).finally(() => clearTimeout(timer));
    })();
    return this.killing;
  }

  /** Closes the browser as a researcher quits: for the last launch of a scenario. */
  async close(): Promise<void> {
    await this.context.close();
  }
}

/**
 * Runs `operation` until the browser is killed or it is done; once it is done, the browser is killed at once (the kill
 * point fell after the operation). Whatever the operation throws because the browser went away is expected. Answers
 * whether the kill cut the operation short.
 */
export async function crashDuring(browser: CrashableBrowser, operation: () => Promise<void>): Promise<boolean> {
  let cut = false;
  try {
    await operation();
  } catch (error) {
    if (!browser.killed) throw error;
    cut = true;
  }
  await browser.kill();
  return cut;
}

/** Every row of the app's database, read in its page straight from IndexedDB. */
export const databaseRows = (page: Page): Promise<DatabaseRows> => page.evaluate(readDatabaseRows, 'casebook');

/** Opens the app on a relaunched profile: the library shows, and the database it finds holds together. */
export async function expectLibraryOpensConsistent(page: Page): Promise<DatabaseRows> {
  await page.goto('/');
  await expect(page.getByRole('button', { name: /^(New case|Create a case)$/ }).first()).toBeVisible();
  const rows = await databaseRows(page);
  expect(checkConsistency(rows)).toEqual([]);
  return rows;
}
