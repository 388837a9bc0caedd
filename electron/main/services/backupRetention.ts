import type { BackupEntry, BackupSettings } from '../../../shared/contract';

/**
 * Which backups the settings keep, for each case on its own: the newest `keepLast`; the newest of each of the last
 * `keepDailyForDays` days (today counts as the first), in local time; and always the newest written before an upgrade,
 * the one way back to a case as it was before Casebook changed its database. Pure, so it is tested without files.
 */

type Retained = Pick<BackupEntry, 'fileName' | 'caseId' | 'createdAt' | 'reason'>;

const DAY_MS = 24 * 60 * 60 * 1000;
const startOfDay = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate());
/** Calendar days from `date` to `now`, whatever the clocks did between (daylight saving). */
const daysBefore = (now: Date, date: Date) => Math.round((startOfDay(now).getTime() - startOfDay(date).getTime()) / DAY_MS);
const dayKey = (date: Date) => startOfDay(date).getTime();

/** The file names of the backups to keep; every other backup may be deleted. */
export function backupsToKeep(
  entries: readonly Retained[],
  now: Date,
  settings: Pick<BackupSettings, 'keepLast' | 'keepDailyForDays'>,
): Set<string> {
  const keep = new Set<string>();
  const byCase = new Map<string, Retained[]>();
  for (const entry of entries) {
    const ofCase = byCase.get(entry.caseId) ?? [];
    ofCase.push(entry);
    byCase.set(entry.caseId, ofCase);
  }
  for (const backups of byCase.values()) {
    const newestFirst = backups
      .map((entry) => ({ entry, at: new Date(entry.createdAt) }))
      .sort((a, b) => b.at.getTime() - a.at.getTime() || b.entry.fileName.localeCompare(a.entry.fileName));
    newestFirst.slice(0, settings.keepLast).forEach(({ entry }) => keep.add(entry.fileName));
    const daysSeen = new Set<number>();
    for (const { entry, at } of newestFirst) {
      if (daysBefore(now, at) >= settings.keepDailyForDays || daysSeen.has(dayKey(at))) continue;
      daysSeen.add(dayKey(at));
      keep.add(entry.fileName);
    }
    const beforeUpgrade = newestFirst.find(({ entry }) => entry.reason === 'upgrade');
    if (beforeUpgrade) keep.add(beforeUpgrade.entry.fileName);
  }
  return keep;
}
