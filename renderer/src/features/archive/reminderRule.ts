/**
 * When the browser build reminds the researcher to export the case. A browser's storage can be taken away (a profile
 * reset, "clear site data", a full disk), and the archive is the only copy outside it, so the reminder weighs what
 * would be lost against how often it interrupts:
 * - 20 changes: each history entry is one deliberate act (an excerpt marked, an entity added, a note's edit), so 20 is
 *   about a quarter of an hour of steady work: more than one would shrug off losing, few enough that a long session
 *   is asked only a few times;
 * - or any change a day old: work left unexported overnight is exposed for as long as the case is not opened again,
 *   and a day is the rhythm researchers already back up to; even a single change is reminded of then.
 * After *Later* the same rule counts from that moment, so the next reminder comes at the next threshold, not sooner.
 */
export const REMINDER_CHANGES = 20;
export const REMINDER_AGE_MS = 24 * 60 * 60 * 1000;

/** The case's changes after a point of its history: how many, and when the first of them was made. */
export interface ChangesAfter {
  changes: number;
  /** ISO time of the oldest of them; null when there are none. */
  firstAt: string | null;
}

export function isReminderDue({ changes, firstAt }: ChangesAfter, now: number): boolean {
  if (changes >= REMINDER_CHANGES) return true;
  if (changes === 0 || firstAt === null) return false;
  return now - Date.parse(firstAt) >= REMINDER_AGE_MS;
}

/** The point the reminder counts from: the last export or the last *Later*, whichever came later in the history. */
export function reminderBaseline(exportedAtSeq: number | null, snoozedAtSeq: number | null): number {
  return Math.max(exportedAtSeq ?? 0, snoozedAtSeq ?? 0);
}
