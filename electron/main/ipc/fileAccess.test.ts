import fs, { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostError } from '../../../shared/contract';
import { describeFileError, readPickedFile, writeChosenFile } from './fileAccess';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'casebook-files-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('readPickedFile', () => {
  it('reads a file whole, in bytes that own their buffer', async () => {
    const file = join(dir, 'interview.txt');
    writeFileSync(file, 'hello');
    const picked = await readPickedFile(file);
    expect(picked).toMatchObject({ name: 'interview.txt', size: 5, error: null });
    expect(Array.from(picked.bytes ?? [])).toEqual([104, 101, 108, 108, 111]);
    expect(picked.bytes?.buffer.byteLength).toBe(5);
  });

  it('refuses a file over the limit, naming it and saying what to do', async () => {
    const file = join(dir, 'archive.pdf');
    writeFileSync(file, Buffer.alloc(3 * 1024 * 1024));
    const picked = await readPickedFile(file, 2 * 1024 * 1024);
    expect(picked).toMatchObject({ name: 'archive.pdf', size: 3 * 1024 * 1024, bytes: null });
    expect(picked.error).toBe('archive.pdf is 3 MB; Casebook opens files up to 200 MB. Split it into smaller files and add those.');
  });

  it('explains a missing file or a folder', async () => {
    expect(await readPickedFile(join(dir, 'gone.docx'))).toEqual({
      name: 'gone.docx',
      size: 0,
      bytes: null,
      error: 'gone.docx could not be read: it no longer exists. Check that it is still there and that you may open it, then try again.',
    });
    mkdirSync(join(dir, 'notes'));
    expect((await readPickedFile(join(dir, 'notes'))).error).toMatch(/^notes could not be read: it is a folder\./);
  });

});

describe('writeChosenFile', () => {
  it('writes the bytes', async () => {
    const file = join(dir, 'case.casebook');
    await writeChosenFile(file, new Uint8Array([1, 2, 3]));
    expect(Array.from(readFileSync(file))).toEqual([1, 2, 3]);
  });

  it('replaces a file already there whole, through a temporary file beside it that does not stay', async () => {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, 'the earlier report');
    await writeChosenFile(file, new Uint8Array([37, 80, 68, 70]));
    expect(readFileSync(file, 'latin1')).toBe('%PDF');
    expect(readdirSync(dir)).toEqual(['report.pdf']);
  });

  it('leaves nothing half-written when the save fails at the last step: the earlier file stays whole, no temporary file', async () => {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, 'the earlier report');
    // The disk fills up as the new file takes the old one's place.
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    const rename = vi.spyOn(fs, 'rename').mockImplementation((_from, _to, done) => done(full));
    try {
      await expect(writeChosenFile(file, new Uint8Array(64 * 1024))).rejects.toHaveProperty('code', 'write-failed');
    } finally {
      rename.mockRestore();
    }
    expect(readFileSync(file, 'utf8')).toBe('the earlier report');
    expect(readdirSync(dir)).toEqual(['report.pdf']);
  });

  it('raises a write-failed HostError naming the file and folder', async () => {
    const file = join(dir, 'missing-folder', 'case.casebook');
    const failure = writeChosenFile(file, new Uint8Array([1]));
    await expect(failure).rejects.toBeInstanceOf(HostError);
    await expect(failure).rejects.toHaveProperty('code', 'write-failed');
    await expect(failure).rejects.toThrow(
      `case.casebook could not be saved in ${join(dir, 'missing-folder')}: it no longer exists. Choose another folder or name and try again.`,
    );
  });
});

describe('describeFileError', () => {
  // Root reads any file, so a refused read is described from the error Node would give, not provoked with chmod.
  it('names the usual causes in plain words', () => {
    const failure = (code: string) => Object.assign(new Error(code), { code });
    expect(describeFileError(failure('EACCES'))).toBe('permission was denied');
    expect(describeFileError(failure('EPERM'))).toBe('permission was denied');
    expect(describeFileError(failure('EBUSY'))).toBe('another program is using it');
    expect(describeFileError(failure('ENOSPC'))).toBe('the disk is full');
  });

  it('falls back to the error’s own message', () => {
    expect(describeFileError(Object.assign(new Error('odd failure'), { code: 'EWHATEVER' }))).toBe('odd failure');
    expect(describeFileError('plain')).toBe('plain');
  });
});
