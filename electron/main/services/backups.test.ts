import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_BACKUP_SETTINGS, HostError, type BackupFinishedEvent, type BackupReason } from '../../../shared/contract';
import { backupArchive, type TestBackup } from '../../../tests/unit/backupArchive';
import { Backups } from './backups';
import { FileTokens } from './fileTokens';

let root: string;
let folder: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'casebook-backups-'));
  folder = join(root, 'Backups');
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

/** A clock the test moves by hand. */
function clock(start = new Date(2026, 2, 1, 9, 30, 0)) {
  let time = start.getTime();
  return {
    now: () => new Date(time),
    advance: (milliseconds: number) => void (time += milliseconds),
  };
}

function setUp(time = clock()) {
  const tokens = new FileTokens();
  const log = vi.fn<(message: string) => void>();
  const finished: BackupFinishedEvent[] = [];
  const backups = new Backups({ folder, tokens, now: time.now, log, onFinished: (event) => finished.push(event) });
  return { backups, tokens, log, finished, time };
}

const harbour: TestBackup = { caseId: 'case-harbour', caseName: 'Harbour contracts', exportedAt: '2026-03-01T09:30:00.000Z' };

/** Writes a whole backup in pieces of `piece` bytes, as the renderer does, and commits it. */
async function writeBackup(backups: Backups, bytes: Uint8Array, caseName = harbour.caseName, reason: BackupReason = 'changes', piece = 1000) {
  const { writeId } = await backups.begin({ caseName, reason });
  for (let at = 0; at < bytes.byteLength; at += piece) await backups.write(writeId, bytes.subarray(at, at + piece));
  return backups.finish(writeId, true);
}

async function failure(promise: Promise<unknown>): Promise<HostError> {
  const error = await promise.then(() => expect.fail('the request succeeded'), (reason: unknown) => reason);
  expect(error).toBeInstanceOf(HostError);
  return error as HostError;
}

const backupFiles = () => readdirSync(folder).filter((name) => name.endsWith('.casebook')).sort();
const partialFiles = () => readdirSync(join(folder, '.partial'));

describe('writing a backup', () => {
  it('writes the pieces in order to a temporary file, then gives it its name among the backups', async () => {
    const { backups, tokens, finished } = setUp();
    const bytes = await backupArchive(harbour);
    const { writeId } = await backups.begin({ caseName: 'Harbour contracts', reason: 'changes' });
    expect(writeId).toMatch(/^[0-9a-f-]{36}$/);
    expect(partialFiles()).toEqual([`${writeId}.partial`]);
    expect(backupFiles()).toEqual([]);

    // Sent without waiting for each answer, as IPC may deliver them: they still land in order.
    const pieces = [0, 100, 200, 300].map((at) => bytes.subarray(at, at + 100));
    await Promise.all([...pieces.map((piece) => backups.write(writeId, piece)), backups.write(writeId, bytes.subarray(400))]);
    const entry = await backups.finish(writeId, true);

    expect(entry).toEqual({
      token: expect.stringMatching(/^[0-9a-f-]{36}$/),
      fileName: 'Harbour contracts 2026-03-01 09.30.00.casebook',
      caseId: 'case-harbour',
      caseName: 'Harbour contracts',
      createdAt: '2026-03-01T09:30:00.000Z',
      size: bytes.byteLength,
      counts: { documents: 1 },
      reason: 'changes',
    });
    expect(backupFiles()).toEqual(['Harbour contracts 2026-03-01 09.30.00.casebook']);
    expect(partialFiles()).toEqual([]);
    expect(new Uint8Array(readFileSync(join(folder, entry!.fileName)))).toEqual(bytes);
    // The renderer reads it back by its token, a window at a time.
    expect(await tokens.readRange(entry!.token, 0, bytes.byteLength + 10)).toEqual(bytes);
    expect(finished).toEqual([{ fileName: entry!.fileName, finishedAt: new Date(2026, 2, 1, 9, 30).toISOString(), error: null }]);
  });

  it('names a backup before an upgrade so, and never overwrites one of the same second', async () => {
    const { backups } = setUp();
    const bytes = await backupArchive(harbour);
    const first = await writeBackup(backups, bytes);
    const second = await writeBackup(backups, bytes);
    const upgrade = await writeBackup(backups, bytes, 'Harbour contracts', 'upgrade');
    expect([first?.fileName, second?.fileName, upgrade?.fileName]).toEqual([
      'Harbour contracts 2026-03-01 09.30.00.casebook',
      'Harbour contracts 2026-03-01 09.30.00 (2).casebook',
      'Harbour contracts 2026-03-01 09.30.00 before upgrade.casebook',
    ]);
    expect(upgrade?.reason).toBe('upgrade');
  });

  it('keeps a hostile case name inside the folder, under a name every system accepts', async () => {
    const { backups } = setUp();
    const bytes = await backupArchive(harbour);
    for (const caseName of ['../../escape', '/etc/passwd', 'C:\\Windows\\x', 'CON', 'a/b\\c', '..', 'x'.repeat(300)])
      await writeBackup(backups, bytes, caseName);
    expect(readdirSync(root)).toEqual(['Backups']);
    expect(backupFiles()).toEqual(
      [
        '-..-escape',
        '-etc-passwd',
        'C--Windows-x',
        '_CON',
        'a-b-c',
        'Case',
        'x'.repeat(100),
      ].map((name) => `${name} 2026-03-01 09.30.00.casebook`).sort(),
    );
  });

  it('deletes the temporary file of a backup not committed, and answers null', async () => {
    const { backups, finished } = setUp();
    const { writeId } = await backups.begin({ caseName: 'Harbour contracts', reason: 'changes' });
    await backups.write(writeId, new Uint8Array([1, 2, 3]));
    expect(await backups.finish(writeId, false)).toBeNull();
    expect(partialFiles()).toEqual([]);
    expect(backupFiles()).toEqual([]);
    expect(finished).toEqual([]);
  });

  it('refuses a backup it is not writing: never begun, finished or cancelled', async () => {
    const { backups } = setUp();
    const unknown = await failure(backups.write('00000000-0000-0000-0000-000000000000', new Uint8Array([1])));
    expect(unknown.code).toBe('not-found');
    expect(unknown.message).toBe(
      'Casebook is not writing this backup: it was finished or cancelled already, or Casebook restarted since it began. Start the backup again.',
    );
    const { writeId } = await backups.begin({ caseName: 'Harbour contracts', reason: 'changes' });
    await backups.finish(writeId, false);
    expect((await failure(backups.write(writeId, new Uint8Array([1])))).code).toBe('not-found');
    expect((await failure(backups.finish(writeId, true))).code).toBe('not-found');
  });

  it('keeps nothing that is not a Casebook archive, and says so', async () => {
    const { backups, finished } = setUp();
    const refused = await failure(writeBackup(backups, new TextEncoder().encode('not a zip at all')));
    expect(refused.code).toBe('invalid-request');
    expect(refused.message).toBe('The backup of “Harbour contracts” was not kept: what was written is not a Casebook archive with its manifest.');
    expect(backupFiles()).toEqual([]);
    expect(finished).toEqual([{ fileName: 'Harbour contracts 2026-03-01 09.30.00.casebook', finishedAt: expect.any(String), error: refused.message }]);
  });

  it('on a full disk, says so, removes what was written, and tells the renderer when it commits', async () => {
    const { backups, finished } = setUp();
    const { writeId } = await backups.begin({ caseName: 'Harbour contracts', reason: 'changes' });
    await backups.write(writeId, new Uint8Array([1, 2, 3]));
    // The prototype of Node's file handles, reached through one.
    const probe = await open(join(root, 'probe'), 'w');
    const prototype = Object.getPrototypeOf(probe) as { writeFile: (...args: unknown[]) => Promise<void> };
    await probe.close();
    vi.spyOn(prototype, 'writeFile').mockRejectedValueOnce(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));

    const full = await failure(backups.write(writeId, new Uint8Array(64)));
    expect(full.code).toBe('write-failed');
    expect(full.message).toBe(
      `The backup of “Harbour contracts” could not be written in ${folder}: the disk is full. Make room on the disk or check that this folder can be written to, then back up again.`,
    );
    expect(partialFiles()).toEqual([]);
    // Every later request for this backup answers the same.
    expect((await failure(backups.write(writeId, new Uint8Array(1)))).message).toBe(full.message);
    expect((await failure(backups.finish(writeId, true))).message).toBe(full.message);
    expect(finished).toEqual([{ fileName: 'Harbour contracts 2026-03-01 09.30.00.casebook', finishedAt: expect.any(String), error: full.message }]);
    expect(backupFiles()).toEqual([]);
  });

  it('removes what interrupted backups left when it starts, and a backup abandoned for half an hour', async () => {
    mkdirSync(join(folder, '.partial'), { recursive: true });
    writeFileSync(join(folder, '.partial', 'crashed.partial'), 'half a backup');
    const { backups, time } = setUp();
    await backups.start();
    expect(partialFiles()).toEqual([]);

    const { writeId } = await backups.begin({ caseName: 'Harbour contracts', reason: 'changes' });
    time.advance(31 * 60 * 1000);
    const { writeId: next } = await backups.begin({ caseName: 'Harbour contracts', reason: 'changes' });
    expect(partialFiles()).toEqual([`${next}.partial`]);
    expect((await failure(backups.write(writeId, new Uint8Array(1)))).code).toBe('not-found');
    await backups.finish(next, false);
  });
});

describe('listing the backups', () => {
  it('describes each backup from its own manifest, newest first, and leaves out files that are not backups', async () => {
    const { backups, log } = setUp();
    mkdirSync(folder, { recursive: true });
    const quay = { caseId: 'case-quay', caseName: 'Quay ledger', exportedAt: '2026-02-10T08:00:00.000Z', counts: { documents: 3, excerpts: 12 } };
    writeFileSync(join(folder, 'Quay ledger 2026-02-10 08.00.00.casebook'), await backupArchive(quay));
    writeFileSync(join(folder, 'Harbour contracts 2026-03-01 09.30.00 before upgrade.casebook'), await backupArchive(harbour));
    writeFileSync(join(folder, 'broken.casebook'), 'PK\u0003\u0004 cut short');
    writeFileSync(join(folder, 'foreign.casebook'), await backupArchive(harbour, (manifest) => ({ ...manifest, format: 'something-else' })));
    writeFileSync(join(folder, 'notes.txt'), 'not a backup');
    mkdirSync(join(folder, 'folder.casebook'));

    const listed = await backups.list();
    expect(listed.map(({ fileName, caseId, caseName, createdAt, counts, reason }) => ({ fileName, caseId, caseName, createdAt, counts, reason }))).toEqual([
      {
        fileName: 'Harbour contracts 2026-03-01 09.30.00 before upgrade.casebook',
        caseId: 'case-harbour',
        caseName: 'Harbour contracts',
        createdAt: '2026-03-01T09:30:00.000Z',
        counts: { documents: 1 },
        reason: 'upgrade',
      },
      {
        fileName: 'Quay ledger 2026-02-10 08.00.00.casebook',
        caseId: 'case-quay',
        caseName: 'Quay ledger',
        createdAt: '2026-02-10T08:00:00.000Z',
        counts: { documents: 3, excerpts: 12 },
        reason: 'changes',
      },
    ]);
    expect(listed[1]!.size).toBe(readFileSync(join(folder, 'Quay ledger 2026-02-10 08.00.00.casebook')).byteLength);
    expect(log.mock.calls.map(([message]) => message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/broken\.casebook is left out of the backups: it is not a zip file, or it is cut short/),
        expect.stringMatching(/foreign\.casebook is left out of the backups: its manifest is not a Casebook archive's: .*\(format\)/),
      ]),
    );

    // Read once: listed again, the same files are not read again nor logged again, and keep their tokens.
    log.mockClear();
    const again = await backups.list();
    expect(again.map((entry) => entry.token)).toEqual(listed.map((entry) => entry.token));
    expect(log).not.toHaveBeenCalled();
  });

  it('reads a file again when it changed, and forgets the token of one deleted', async () => {
    const { backups, tokens } = setUp();
    const file = join(folder, 'Harbour contracts 2026-03-01 09.30.00.casebook');
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, await backupArchive(harbour));
    const [before] = await backups.list();
    writeFileSync(file, await backupArchive({ ...harbour, caseName: 'Harbour contracts (renamed)', counts: { documents: 7 } }));
    const [after] = await backups.list();
    expect(after).toMatchObject({ caseName: 'Harbour contracts (renamed)', counts: { documents: 7 }, token: before!.token });
    rmSync(file);
    expect(await backups.list()).toEqual([]);
    expect(tokens.pathOf(before!.token)).toBeNull();
  });
});

describe('pruning', () => {
  it('keeps the last ten of a case after each backup, and the newest from before an upgrade', async () => {
    const { backups, time } = setUp();
    const upgrade = await writeBackup(backups, await backupArchive({ ...harbour, exportedAt: '2026-03-01T07:00:00.000Z' }), 'Harbour contracts', 'upgrade');
    const quay = await writeBackup(backups, await backupArchive({ caseId: 'case-quay', caseName: 'Quay', exportedAt: '2026-03-01T07:00:00.000Z' }), 'Quay');
    const written = [];
    for (let minute = 0; minute < 12; minute++) {
      time.advance(60_000);
      const exportedAt = new Date(Date.UTC(2026, 2, 1, 8, minute + 1)).toISOString();
      written.push(await writeBackup(backups, await backupArchive({ ...harbour, exportedAt })));
    }
    const kept = (await backups.list()).map((entry) => entry.fileName);
    expect(kept.slice(0, 10)).toEqual(written.slice(2).reverse().map((entry) => entry!.fileName));
    expect(kept.slice(10).sort()).toEqual([upgrade!.fileName, quay!.fileName]);
  });

  it('prunes by new settings as soon as they are saved', async () => {
    const { backups, time } = setUp();
    for (let minute = 0; minute < 4; minute++) {
      time.advance(60_000);
      await writeBackup(backups, await backupArchive({ ...harbour, exportedAt: new Date(Date.UTC(2026, 2, 1, 8, minute)).toISOString() }));
    }
    expect(backupFiles()).toHaveLength(4);
    const settings = { ...DEFAULT_BACKUP_SETTINGS, keepLast: 2 };
    expect(await backups.setSettings(settings)).toEqual(settings);
    expect((await backups.list()).map((entry) => entry.createdAt)).toEqual(['2026-03-01T08:03:00.000Z', '2026-03-01T08:02:00.000Z']);
  });
});

describe('settings and the library marker', () => {
  it('start with the defaults, and keep what was saved', async () => {
    const { backups } = setUp();
    expect(await backups.settings()).toEqual(DEFAULT_BACKUP_SETTINGS);
    const chosen = { enabled: false, minutesBetween: 30, keepLast: 5, keepDailyForDays: 14 };
    await backups.setSettings(chosen);
    expect(await setUp().backups.settings()).toEqual(chosen);
    expect(JSON.parse(readFileSync(join(folder, 'settings.json'), 'utf8'))).toEqual(chosen);
  });

  it('fall back to the defaults from a settings file that is not valid, saying why in the log', async () => {
    mkdirSync(folder, { recursive: true });
    const { backups, log } = setUp();
    writeFileSync(join(folder, 'settings.json'), JSON.stringify({ enabled: true, minutesBetween: 1, keepLast: 10, keepDailyForDays: 7 }));
    expect(await backups.settings()).toEqual(DEFAULT_BACKUP_SETTINGS);
    expect(log).toHaveBeenLastCalledWith(expect.stringMatching(/settings\.json does not hold valid backup settings \(.*\(minutesBetween\)\.\): the defaults are used\./));
    writeFileSync(join(folder, 'settings.json'), '{ half');
    expect(await backups.settings()).toEqual(DEFAULT_BACKUP_SETTINGS);
    expect(log).toHaveBeenLastCalledWith(expect.stringMatching(/settings\.json is not JSON/));
  });

  it('note how many cases the library holds, in a file outside IndexedDB, and tell it with the status', async () => {
    const { backups, time } = setUp();
    expect((await backups.status()).library).toBeNull();
    await backups.noteLibrary(3);
    time.advance(1000);
    const status = await backups.status();
    expect(status).toEqual({
      folder,
      settings: DEFAULT_BACKUP_SETTINGS,
      backups: [],
      library: { caseCount: 3, notedAt: new Date(2026, 2, 1, 9, 30, 0).toISOString() },
    });
    writeFileSync(join(folder, 'library.json'), JSON.stringify({ caseCount: -1 }));
    expect(await backups.library()).toBeNull();
  });

  it('cannot keep backups where the folder cannot be made, and says where', async () => {
    writeFileSync(join(root, 'file'), 'a file where the folder would be');
    const backups = new Backups({ folder: join(root, 'file', 'Backups'), tokens: new FileTokens(), log: () => undefined });
    const refused = await failure(backups.begin({ caseName: 'Harbour contracts', reason: 'changes' }));
    expect(refused.code).toBe('write-failed');
    expect(refused.message).toMatch(new RegExp(`^Casebook cannot keep backups in ${join(root, 'file', 'Backups')}: `));
  });
});
