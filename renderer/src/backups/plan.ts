import type { BackupEntry, BackupSettings } from '../../../shared/contract';

/** A case and when it last changed (its last history entry), as the backups see it. */
export interface CaseActivity {
  caseId: string;
  /** ISO 8601; null for a case with no history yet. */
  lastChangeAt: string | null;
}

export interface BackupPlan {
  /** The cases to back up now, the one changed longest ago first. */
  due: string[];
  /** When the next case will be due (ms since the epoch), or null when none is waiting. */
  nextAt: number | null;
}

const MINUTE = 60_000;

/**
 * Which cases need a backup: those changed since their newest backup, once `minutesBetween` has passed since that
 * backup (or since a failed try), and those never backed up at once. A case's backups of any reason count.
 */
export function planBackups(
  activity: readonly CaseActivity[],
  backups: readonly BackupEntry[],
  settings: BackupSettings,
  now: number,
  lastFailureAt: ReadonlyMap<string, number> = new Map(),
): BackupPlan {
  if (!settings.enabled) return { due: [], nextAt: null };
  const newest = new Map<string, number>();
  for (const backup of backups) {
    const at = Date.parse(backup.createdAt);
    if (at > (newest.get(backup.caseId) ?? -Infinity)) newest.set(backup.caseId, at);
  }
  const due: { caseId: string; changedAt: number }[] = [];
  let nextAt: number | null = null;
  for (const { caseId, lastChangeAt } of activity) {
    if (lastChangeAt === null) continue;
    const changedAt = Date.parse(lastChangeAt);
    const backedUpAt = newest.get(caseId);
    if (backedUpAt !== undefined && backedUpAt >= changedAt) continue;
    const since = Math.max(backedUpAt ?? -Infinity, lastFailureAt.get(caseId) ?? -Infinity);
    const dueAt = since + settings.minutesBetween * MINUTE;
    if (dueAt <= now) due.push({ caseId, changedAt });
    else nextAt = Math.min(nextAt ?? dueAt, dueAt);
  }
  return { due: due.sort((a, b) => a.changedAt - b.changedAt).map(({ caseId }) => caseId), nextAt };
}
