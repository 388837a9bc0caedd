import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BACKUP_SETTINGS } from '../../../shared/contract';
import { MAX_FILE_RANGE_BYTES } from '../../../shared/limits';
import { backupArchive } from '../../../tests/unit/backupArchive';
import { Backups } from '../services/backups';
import { FileTokens } from '../services/fileTokens';
import { trustedOrigins } from '../services/security';
import { backupHandlers } from './backups';
import { readFileRangeHandler } from './fileRange';
import { runHandler } from './guard';

const allowed = trustedOrigins(undefined);
const context = { window: null };
const page = 'app://casebook/index.html#/';

let folder: string;
let files: FileTokens;
let handlers: ReturnType<typeof backupHandlers>;
let readFileRange: ReturnType<typeof readFileRangeHandler>;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'casebook-backup-handlers-'));
  files = new FileTokens();
  handlers = backupHandlers(new Backups({ folder, tokens: files, log: () => undefined }));
  readFileRange = readFileRangeHandler(files);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('the backup handlers', () => {
  it('write a backup in pieces, list it, and read it back by its token a range at a time', async () => {
    const bytes = await backupArchive({ caseId: 'case-1', caseName: 'Harbour', exportedAt: '2026-03-01T09:30:00.000Z' });
    const begun = await runHandler(handlers.beginBackup, page, { caseId: 'case-1', caseName: 'Harbour', reason: 'changes' }, context, allowed);
    if (!begun.ok) expect.fail(begun.error.message);
    const { writeId } = begun.value;
    for (const piece of [bytes.subarray(0, 200), bytes.subarray(200)])
      expect(await runHandler(handlers.writeBackup, page, { writeId, bytes: piece }, context, allowed)).toEqual({ ok: true, value: undefined });
    const finished = await runHandler(handlers.finishBackup, page, { writeId, commit: true }, context, allowed);
    if (!finished.ok || !finished.value) expect.fail('the backup was not kept');

    const status = await runHandler(handlers.getBackupStatus, page, undefined, context, allowed);
    expect(status).toEqual({ ok: true, value: { folder, settings: DEFAULT_BACKUP_SETTINGS, backups: [finished.value], library: null } });

    const { token, size } = finished.value;
    const head = await runHandler(readFileRange, page, { token, offset: 0, length: 4 }, context, allowed);
    expect(head).toEqual({ ok: true, value: bytes.subarray(0, 4) });
    const tail = await runHandler(readFileRange, page, { token, offset: size - 3, length: 100 }, context, allowed);
    expect(tail).toEqual({ ok: true, value: bytes.subarray(size - 3) });
    expect(await runHandler(readFileRange, page, { token, offset: size + 10, length: 100 }, context, allowed)).toEqual({ ok: true, value: new Uint8Array(0) });
  });

  it('refuse requests the schemas refuse, before touching the folder', async () => {
    const refusals: [Parameters<typeof runHandler>[0], unknown, string][] = [
      [handlers.writeBackup, { writeId: '../../etc/passwd', bytes: new Uint8Array(1) }, 'Casebook could not write the backup: is not a backup Casebook began (writeId).'],
      [handlers.beginBackup, { caseId: 'case-1', caseName: '', reason: 'changes' }, 'Casebook could not start the backup: Too small: expected string to have >=1 characters (caseName).'],
      [handlers.beginBackup, { caseId: 'case-1', caseName: 'Harbour', reason: 'whim' }, 'Casebook could not start the backup: Invalid option: expected one of "changes"|"upgrade" (reason).'],
      [handlers.setBackupSettings, { ...DEFAULT_BACKUP_SETTINGS, keepLast: 0 }, 'Casebook could not save the backup settings: Too small: expected number to be >=1 (keepLast).'],
      [handlers.noteLibrary, { caseCount: -1 }, 'Casebook could not note the library: Too small: expected number to be >=0 (caseCount).'],
      [readFileRange, { token: '00000000-0000-0000-0000-000000000000', offset: 0, length: MAX_FILE_RANGE_BYTES + 1 }, `Casebook could not read the file: Too big: expected number to be <=${MAX_FILE_RANGE_BYTES} (length).`],
      [readFileRange, { token: '00000000-0000-0000-0000-000000000000', offset: -1, length: 1 }, 'Casebook could not read the file: Too small: expected number to be >=0 (offset).'],
    ];
    for (const [handler, argument, message] of refusals)
      expect(await runHandler(handler, page, argument, context, allowed)).toEqual({ ok: false, error: { code: 'invalid-request', message } });
  });

  it('answer an unknown backup or file token as not-found', async () => {
    const writeId = '00000000-0000-0000-0000-000000000000';
    expect(await runHandler(handlers.finishBackup, page, { writeId, commit: true }, context, allowed)).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringMatching(/^Casebook is not writing this backup/) },
    });
    expect(await runHandler(readFileRange, page, { token: writeId, offset: 0, length: 1 }, context, allowed)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('save settings and note the library, as the status then tells', async () => {
    const settings = { enabled: true, minutesBetween: 120, keepLast: 3, keepDailyForDays: 0 };
    expect(await runHandler(handlers.setBackupSettings, page, settings, context, allowed)).toEqual({ ok: true, value: settings });
    expect(await runHandler(handlers.noteLibrary, page, { caseCount: 4 }, context, allowed)).toEqual({ ok: true, value: undefined });
    const status = await runHandler(handlers.getBackupStatus, page, undefined, context, allowed);
    expect(status).toMatchObject({ ok: true, value: { settings, library: { caseCount: 4 } } });
  });
});
