/**
 * The desktop app's rolling backups: after a case changes, once things are quiet, and at most every `minutesBetween`
 * minutes a case, its archive is written into the backups folder in the background (main keeps the last ones by the
 * settings). A backup that fails says why once, and is tried again after the same interval.
 */
import { liveQuery } from 'dexie';
import type { CasebookApi } from '../../../shared/contract';
import type { CasebookDB } from '../db/schema';
import { planBackups, type CaseActivity } from './plan';
import { backUpCase } from './writeBackup';

export type SchedulerHost = Pick<CasebookApi, 'getBackupStatus' | 'beginBackup' | 'writeBackup' | 'finishBackup'>;

export interface SchedulerOptions {
  db: CasebookDB;
  host: SchedulerHost;
  appVersion: string;
  /** Tells the researcher a backup failed. */
  onFailure(message: string): void;
  /** How long after a change its case's backup is written (when due): the changes that follow go with it. */
  quietMs?: number;
  now?: () => number;
}

/** Each case's last change, from the last entry of its history (one indexed read a case). */
export async function caseActivity(db: CasebookDB): Promise<CaseActivity[]> {
  const ids = (await db.cases.toCollection().primaryKeys()) as string[];
  return Promise.all(
    ids.map(async (caseId) => {
      const last = await db.history.where('[caseId+seq]').between([caseId, -Infinity], [caseId, Infinity]).last();
      return { caseId, lastChangeAt: last?.at ?? null };
    }),
  );
}

/** A failure's message, without its closing full stop (the sentence it goes into has its own). */
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');

export class BackupScheduler {
  readonly #options: Required<SchedulerOptions>;
  readonly #lastFailureAt = new Map<string, number>();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #timerAt = 0;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;
  readonly #abort = new AbortController();

  constructor(options: SchedulerOptions) {
    this.#options = { quietMs: 30_000, now: Date.now, ...options };
  }

  /** Watches the history; returns what stops it (a backup being written is abandoned, leaving none). */
  start(): () => void {
    let first = true;
    const subscription = liveQuery(() => this.#options.db.history.orderBy('seq').last()).subscribe({
      next: () => {
        // The first answer is the state at start: what changed while Casebook was closed is checked soon after.
        this.#checkIn(first ? Math.min(this.#options.quietMs, 5_000) : this.#options.quietMs);
        first = false;
      },
      error: () => undefined,
    });
    return () => {
      this.#stopped = true;
      subscription.unsubscribe();
      if (this.#timer) clearTimeout(this.#timer);
      this.#abort.abort();
    };
  }

  /**
   * Checks after `ms`, or sooner when a check is already set for sooner: the changes of a busy hour are backed up
   * together, not put off while the researcher keeps working.
   */
  #checkIn(ms: number): void {
    if (this.#stopped) return;
    const at = this.#options.now() + Math.max(ms, 0);
    if (this.#timer && this.#timerAt <= at) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timerAt = at;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.check();
    }, Math.max(ms, 0));
  }

  /** Writes the backups that are due, one case at a time; a check asked for meanwhile runs after. */
  async check(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#check().finally(() => {
      this.#running = null;
      if (this.#again) {
        this.#again = false;
        void this.check();
      }
    });
    return this.#running;
  }

  async #check(): Promise<void> {
    const { db, host, appVersion, onFailure, now } = this.#options;
    let status;
    try {
      status = await host.getBackupStatus();
    } catch (error) {
      onFailure(`Casebook could not reach its backups: ${reasonOf(error)}.`);
      return;
    }
    const plan = planBackups(await caseActivity(db), status.backups, status.settings, now(), this.#lastFailureAt);
    for (const caseId of plan.due) {
      if (this.#stopped) return;
      try {
        await backUpCase(db, host, caseId, { reason: 'changes', appVersion, signal: this.#abort.signal });
        this.#lastFailureAt.delete(caseId);
      } catch (error) {
        if (this.#stopped) return;
        this.#lastFailureAt.set(caseId, now());
        const name = (await db.cases.get(caseId))?.name ?? 'a case';
        onFailure(`The backup of “${name}” was not written: ${reasonOf(error)}. Casebook tries again in ${status.settings.minutesBetween} minutes.`);
      }
    }
    // The next case waiting for its interval to pass.
    const after = planBackups(await caseActivity(db), (await host.getBackupStatus()).backups, status.settings, now(), this.#lastFailureAt);
    if (after.nextAt !== null) this.#checkIn(after.nextAt - now());
  }
}
