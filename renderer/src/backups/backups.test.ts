import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_BACKUP_SETTINGS,
  HostError,
  type BackupEntry,
  type BackupSettings,
  type BeginBackupRequest,
  type FinishBackupRequest,
  type WriteBackupRequest,
} from '../../../shared/contract';
import { createNote } from '../domain';
import { readCheckedArchive } from '../archive/importArchive';
import type { CasebookDB } from '../db/schema';
import type { CaseFile } from '../../../shared/domain';
import { withCase } from '../../../tests/unit/database';
import { planBackups } from './plan';
import { BackupScheduler } from './scheduler';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const backup = (caseId: string, createdAt: string): BackupEntry => ({
  token: crypto.randomUUID(),
  fileName: `${caseId} ${createdAt}.casebook`,
  caseId,
  caseName: caseId,
  createdAt,
  size: 1,
  counts: {},
  reason: 'changes',
});

describe('which cases are backed up', () => {
  const settings = DEFAULT_BACKUP_SETTINGS;
  const now = at('2026-03-02T12:00:00.000Z');

  it('a case changed and never backed up is due at once; one whose newest backup is after its last change is not', () => {
    const plan = planBackups(
      [
        { caseId: 'never', lastChangeAt: '2026-03-02T11:59:00.000Z' },
        { caseId: 'current', lastChangeAt: '2026-03-02T09:00:00.000Z' },
        { caseId: 'untouched', lastChangeAt: null },
      ],
      [backup('current', '2026-03-02T09:30:00.000Z')],
      settings,
      now,
    );
    expect(plan).toEqual({ due: ['never'], nextAt: null });
  });

  it('a case changed since its backup waits until the interval since that backup has passed', () => {
    const activity = [{ caseId: 'harbour', lastChangeAt: '2026-03-02T11:50:00.000Z' }];
    const backups = [backup('harbour', '2026-03-02T11:30:00.000Z'), backup('harbour', '2026-03-01T08:00:00.000Z')];
    expect(planBackups(activity, backups, settings, now)).toEqual({ due: [], nextAt: at('2026-03-02T12:30:00.000Z') });
    expect(planBackups(activity, backups, settings, at('2026-03-02T12:30:00.000Z')).due).toEqual(['harbour']);
    expect(planBackups(activity, backups, { ...settings, minutesBetween: 15 }, now).due).toEqual(['harbour']);
  });

  it('a failed try waits the interval too; due cases come changed-longest-ago first; none when backups are off', () => {
    const activity = [
      { caseId: 'late', lastChangeAt: '2026-03-02T11:00:00.000Z' },
      { caseId: 'early', lastChangeAt: '2026-03-02T10:00:00.000Z' },
    ];
    expect(planBackups(activity, [], settings, now).due).toEqual(['early', 'late']);
    expect(planBackups(activity, [], settings, now, new Map([['early', now - 10 * 60_000]]))).toEqual({ due: ['late'], nextAt: now + 50 * 60_000 });
    expect(planBackups(activity, [], { ...settings, enabled: false }, now)).toEqual({ due: [], nextAt: null });
  });
});

/** The desktop app's backups folder, in memory: what main answers, with every backup's bytes kept. */
function backupsFolder(clock: () => number, settings: BackupSettings = DEFAULT_BACKUP_SETTINGS) {
  const writing = new Map<string, { request: BeginBackupRequest; chunks: Uint8Array[] }>();
  const kept: { entry: BackupEntry; bytes: Blob }[] = [];
  let failWrites: string | null = null;
  return {
    kept,
    failWritesWith(message: string | null) {
      failWrites = message;
    },
    async getBackupStatus() {
      return { folder: '/backups', settings, backups: kept.map(({ entry }) => entry).reverse(), library: null };
    },
    async beginBackup(request: BeginBackupRequest) {
      const writeId = crypto.randomUUID();
      writing.set(writeId, { request, chunks: [] });
      return { writeId };
    },
    async writeBackup({ writeId, bytes }: WriteBackupRequest) {
      if (failWrites) throw new HostError('write-failed', failWrites);
      writing.get(writeId)!.chunks.push(bytes.slice());
    },
    async finishBackup({ writeId, commit }: FinishBackupRequest) {
      const { request, chunks } = writing.get(writeId)!;
      writing.delete(writeId);
      if (!commit) return null;
      const bytes = new Blob(chunks as BlobPart[]);
      const entry = { ...backup(request.caseId, new Date(clock()).toISOString()), caseName: request.caseName, size: bytes.size };
      kept.push({ entry, bytes });
      return entry;
    },
  };
}

describe('backups in the background', () => {
  let db: CasebookDB;
  let caseFile: CaseFile;
  withCase((fresh) => ({ db, caseFile } = fresh));
  let now: number;
  let failures: string[];
  let stop: (() => void) | null;
  beforeEach(() => {
    // The test's clock starts with the real one (the history's times are real), then moves on by itself.
    now = Date.now();
    failures = [];
    stop = null;
  });
  afterEach(() => stop?.());

  const schedulerOf = (folder: ReturnType<typeof backupsFolder>) =>
    new BackupScheduler({ db, host: folder, appVersion: 'test', onFailure: (message) => failures.push(message), now: () => now });

  it('writes a changed case’s archive, whole, and again only after a change and the interval', async () => {
    const folder = backupsFolder(() => now);
    const scheduler = schedulerOf(folder);
    await scheduler.check();
    expect(folder.kept).toHaveLength(1);
    const read = await readCheckedArchive(folder.kept[0]!.bytes, folder.kept[0]!.entry.fileName);
    expect(read.manifest.case).toEqual({ id: caseFile.id, name: 'Harbour charter' });

    // Nothing changed since: nothing written.
    await scheduler.check();
    expect(folder.kept).toHaveLength(1);

    // A change: due once the hour since the backup has passed, and then holding the change.
    await createNote(db, caseFile.id, { title: 'Quay roster' });
    now += 10 * 60_000;
    await scheduler.check();
    expect(folder.kept).toHaveLength(1);
    now += HOUR;
    await scheduler.check();
    expect(folder.kept).toHaveLength(2);
    const second = await readCheckedArchive(folder.kept[1]!.bytes, folder.kept[1]!.entry.fileName);
    expect(second.manifest.counts.notes).toBe(1);
    expect(failures).toEqual([]);
  });

  it('a backup that cannot be written says why, keeps nothing half-written, and is tried again after the interval', async () => {
    const folder = backupsFolder(() => now);
    folder.failWritesWith('The disk is full. Free some space, then try again.');
    const scheduler = schedulerOf(folder);
    await scheduler.check();
    expect(folder.kept).toEqual([]);
    expect(failures).toEqual([
      'The backup of “Harbour charter” was not written: The disk is full. Free some space, then try again. Casebook tries again in 60 minutes.',
    ]);
    folder.failWritesWith(null);
    await scheduler.check();
    expect(folder.kept).toEqual([]);
    now += HOUR;
    await scheduler.check();
    expect(folder.kept).toHaveLength(1);
    expect(failures).toHaveLength(1);
  });
});
