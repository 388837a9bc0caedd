import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseFileTokens, caseFilePathsFromArgv } from './caseFiles';

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
  it('announces a file by name with a token that stands for its path', async () => {
    const file = join(dir, 'Harbour.casebook');
    writeFileSync(file, 'archive');
    const tokens = new CaseFileTokens();
    const event = await tokens.announce(file);
    expect(event).toEqual({ name: 'Harbour.casebook', token: expect.stringMatching(/^[0-9a-f-]{36}$/), error: null });
    expect(tokens.pathOf(event.token!)).toBe(file);
    expect(tokens.pathOf('00000000-0000-0000-0000-000000000000')).toBeNull();
  });

  it('says why a file cannot be opened, and gives no token for it', async () => {
    const tokens = new CaseFileTokens();
    expect(await tokens.announce(join(dir, 'Moved.casebook'))).toEqual({
      name: 'Moved.casebook',
      token: null,
      error: 'Moved.casebook could not be opened: it no longer exists. Check that the file is still there, then open it again.',
    });
    mkdirSync(join(dir, 'Folder.casebook'));
    expect((await tokens.announce(join(dir, 'Folder.casebook'))).error).toMatch(/^Folder.casebook could not be opened: it is a folder\./);
  });

  it('forgets the oldest tokens beyond twenty', async () => {
    const file = join(dir, 'Harbour.casebook');
    writeFileSync(file, 'archive');
    const tokens = new CaseFileTokens();
    const first = await tokens.announce(file);
    for (let index = 0; index < 20; index++) await tokens.announce(file);
    expect(tokens.pathOf(first.token!)).toBeNull();
  });
});
