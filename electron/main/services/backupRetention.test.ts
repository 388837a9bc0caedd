import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKUP_SETTINGS, type BackupReason } from '../../../shared/contract';
import { backupsToKeep } from './backupRetention';

interface Made {
  fileName: string;
  caseId: string;
  createdAt: string;
  reason: BackupReason;
}

/** A backup of `caseId` written at that local time. */
function backup(caseId: string, at: Date, reason: BackupReason = 'changes'): Made {
  const stamp = `${at.getFullYear()}-${at.getMonth() + 1}-${at.getDate()} ${at.getHours()}.${at.getMinutes()}`;
  return { fileName: `${caseId} ${stamp}${reason === 'upgrade' ? ' before upgrade' : ''}.casebook`, caseId, createdAt: at.toISOString(), reason };
}

const now = new Date(2026, 2, 20, 18, 0);
/** `hour` o'clock, `days` days before today. */
const daysAgo = (days: number, hour: number) => new Date(2026, 2, 20 - days, hour, 0);
const names = (made: Made[]) => made.map((entry) => entry.fileName);

describe('backupsToKeep', () => {
  it('keeps everything while a case has fewer backups than the last ten', () => {
    const made = [backup('harbour', daysAgo(0, 9)), backup('harbour', daysAgo(40, 9))];
    expect(backupsToKeep(made, now, DEFAULT_BACKUP_SETTINGS)).toEqual(new Set(names(made)));
  });

  it('keeps the last ten, plus the newest of each of the last seven days, and lets the rest go', () => {
    // Hourly today (8:00 to 17:00 is ten), then four a day for the two weeks before.
    const today = Array.from({ length: 10 }, (_, index) => backup('harbour', daysAgo(0, 8 + index)));
    const before = Array.from({ length: 14 }, (_, day) => [9, 11, 13, 15].map((hour) => backup('harbour', daysAgo(day + 1, hour)))).flat();
    const keep = backupsToKeep([...before, ...today], now, DEFAULT_BACKUP_SETTINGS);

    // Today is the first of the seven days: its newest is among the last ten; then the 15:00 of the six days before.
    const daily = [1, 2, 3, 4, 5, 6].map((day) => backup('harbour', daysAgo(day, 15)).fileName);
    expect(keep).toEqual(new Set([...names(today), ...daily]));
    expect(keep.has(backup('harbour', daysAgo(7, 15)).fileName)).toBe(false);
    expect(keep.has(backup('harbour', daysAgo(1, 13)).fileName)).toBe(false);
  });

  it('counts each case on its own: a busy case does not push out another’s backups', () => {
    const busy = Array.from({ length: 30 }, (_, index) => backup('busy', new Date(2026, 2, 20, 17, 59 - index)));
    const quiet = [backup('quiet', daysAgo(100, 9)), backup('quiet', daysAgo(200, 9))];
    const keep = backupsToKeep([...busy, ...quiet], now, DEFAULT_BACKUP_SETTINGS);
    expect(names(quiet).every((name) => keep.has(name))).toBe(true);
    expect(names(busy).filter((name) => keep.has(name))).toEqual(names(busy).slice(0, 10));
  });

  it('always keeps a case’s newest backup from before an upgrade, however old, and only that one', () => {
    const upgrades = [backup('harbour', daysAgo(90, 9), 'upgrade'), backup('harbour', daysAgo(60, 9), 'upgrade')];
    const recent = Array.from({ length: 10 }, (_, index) => backup('harbour', daysAgo(0, 8 + index)));
    const keep = backupsToKeep([...upgrades, ...recent], now, { keepLast: 10, keepDailyForDays: 0 });
    expect(keep).toEqual(new Set([...names(recent), upgrades[1]!.fileName]));
  });

  it('follows the settings: one kept and no daily ones keep just the newest', () => {
    const made = [backup('harbour', daysAgo(0, 9)), backup('harbour', daysAgo(0, 10)), backup('harbour', daysAgo(1, 10))];
    expect(backupsToKeep(made, now, { keepLast: 1, keepDailyForDays: 0 })).toEqual(new Set([made[1]!.fileName]));
    expect(backupsToKeep(made, now, { keepLast: 1, keepDailyForDays: 2 })).toEqual(new Set([made[1]!.fileName, made[2]!.fileName]));
  });
});
