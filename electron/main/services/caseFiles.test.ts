import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseFileOpenedEventSchema } from '../../../shared/contractSchemas';
import { CaseFileTokens, caseFilePathsFromArgv } from './caseFiles';
import { FileTokens } from './fileTokens';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'casebook-case-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('caseFilePathsFromArgv', () => {
  it('finds the case archives on a command line, resolved against its folder', () => {
    expect(caseFilePathsFromArgv(['/opt/Casebook/casebook', 'Harbour.casebook'], '/home/r')).toEqual(['/home/r/Harbour.casebook']);
    expect(caseFilePathsFromArgv(['C:\\Casebook.exe', '/data/Quay.CASEBOOK'], '/home/r')).toEqual(['/data/Quay.CASEBOOK']);
  });

  it('skips the program, flags a second instance carries and other files', () => {
    const argv = ['/usr/bin/electron', 'out/main/index.js', '--allow-file-access-from-files', '--x=a.casebook', 'notes.txt'];
    expect(caseFilePathsFromArgv(argv, '/home/r')).toEqual([]);
    expect(caseFilePathsFromArgv(['only.casebook'], '/home/r')).toEqual([]);
  });
});

describe('CaseFileTokens', () => {
  it('announces a file by name and size with a token that reads it', async () => {
    const file = join(dir, 'Harbour.casebook');
    writeFileSync(file, 'archive');
    const tokens = new FileTokens();
    const event = await new CaseFileTokens(tokens).announce(file);
    expect(event).toEqual({ name: 'Harbour.casebook', size: 7, token: expect.stringMatching(/^[0-9a-f-]{36}$/), error: null });
    expect(caseFileOpenedEventSchema.safeParse(event).success).toBe(true);
    expect(new TextDecoder().decode(await tokens.readRange(event.token!, 0, 100))).toBe('archive');
  });

  it('says why a file cannot be opened, and gives no token for it', async () => {
    const caseFiles = new CaseFileTokens(new FileTokens());
    const moved = await caseFiles.announce(join(dir, 'Moved.casebook'));
    expect(moved).toEqual({
      name: 'Moved.casebook',
      size: null,
      token: null,
      error: 'Moved.casebook could not be opened: it no longer exists. Check that the file is still there, then open it again.',
    });
    expect(caseFileOpenedEventSchema.safeParse(moved).success).toBe(true);
    mkdirSync(join(dir, 'Folder.casebook'));
    expect((await caseFiles.announce(join(dir, 'Folder.casebook'))).error).toMatch(/^Folder.casebook could not be opened: it is a folder\./);
  });
});
