import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupBaseName, backupFileName, fileSafeName, fileTimestamp, isBackupFileName, reasonOfFileName } from './backupNames';

const utf8Bytes = (text: string) => new TextEncoder().encode(text).byteLength;

describe('fileSafeName', () => {
  it('keeps an ordinary case name as it is, accents and all', () => {
    expect(fileSafeName('Harbour contracts 2024')).toBe('Harbour contracts 2024');
    expect(fileSafeName('Opération Quai-des-Lanternes')).toBe('Opération Quai-des-Lanternes');
  });

  it('leaves no way out of the folder: separators become dashes, leading dots go', () => {
    expect(fileSafeName('../../etc/passwd')).toBe('-..-etc-passwd');
    expect(fileSafeName('..\\..\\Windows\\System32')).toBe('-..-Windows-System32');
    expect(fileSafeName('/absolute/path')).toBe('-absolute-path');
    expect(fileSafeName('C:\\Users\\x')).toBe('C--Users-x');
    for (const hostile of ['..', '.', '../', '/', '\\', 'a/../../b']) {
      const name = backupFileName(backupBaseName(hostile, new Date(2026, 2, 1, 9, 30, 0), 'changes'));
      expect(path.basename(name)).toBe(name);
      expect(path.posix.basename(name)).toBe(name);
      expect(path.win32.basename(name)).toBe(name);
      expect(name.startsWith('.')).toBe(false);
    }
  });

  it('refuses what Windows refuses: device names, reserved characters, trailing dots and spaces', () => {
    expect(fileSafeName('CON')).toBe('_CON');
    expect(fileSafeName('con.txt')).toBe('_con.txt');
    expect(fileSafeName('lpt1')).toBe('_lpt1');
    expect(fileSafeName('Console')).toBe('Console');
    expect(fileSafeName('What? <draft> "v2" | a*b:c')).toBe('What- -draft- -v2- - a-b-c');
    expect(fileSafeName('Quay. . ')).toBe('Quay');
  });

  it('removes control characters and invisible direction marks, and folds runs of white space', () => {
    expect(fileSafeName('Quay\u0000\u0007\nLedger')).toBe('Quay-- Ledger');
    expect(fileSafeName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(fileSafeName('  Harbour \t  minutes  ')).toBe('Harbour minutes');
  });

  it('names a case whose name leaves nothing “Case”', () => {
    expect(fileSafeName('')).toBe('Case');
    expect(fileSafeName('...')).toBe('Case');
    expect(fileSafeName('\u200B')).toBe('Case');
  });

  it('shortens a very long name to 100 bytes of UTF-8, never cutting a character in two', () => {
    expect(fileSafeName('a'.repeat(300))).toBe('a'.repeat(100));
    const emoji = fileSafeName('🚢'.repeat(100));
    expect(emoji).toBe('🚢'.repeat(25));
    const cyrillic = fileSafeName('Д'.repeat(99));
    expect(utf8Bytes(cyrillic)).toBe(100);
    const name = backupFileName(backupBaseName('Д'.repeat(500), new Date(2026, 2, 1), 'upgrade'), 12);
    expect(utf8Bytes(name)).toBeLessThan(255);
  });
});

describe('backup file names', () => {
  const at = new Date(2026, 2, 1, 9, 5, 7);

  it('read the case, the local time without colons, and why, in an order that sorts by time', () => {
    expect(fileTimestamp(at)).toBe('2026-03-01 09.05.07');
    expect(backupFileName(backupBaseName('Harbour', at, 'changes'))).toBe('Harbour 2026-03-01 09.05.07.casebook');
    expect(backupFileName(backupBaseName('Harbour', at, 'upgrade'))).toBe('Harbour 2026-03-01 09.05.07 before upgrade.casebook');
    expect(backupFileName(backupBaseName('Harbour', at, 'changes'), 2)).toBe('Harbour 2026-03-01 09.05.07 (2).casebook');
  });

  it('say why a backup was written, whatever the case is called', () => {
    expect(reasonOfFileName('Harbour 2026-03-01 09.05.07 before upgrade.casebook')).toBe('upgrade');
    expect(reasonOfFileName('Harbour 2026-03-01 09.05.07 before upgrade (3).casebook')).toBe('upgrade');
    expect(reasonOfFileName(backupFileName(backupBaseName('Notes before upgrade', at, 'changes')))).toBe('changes');
    expect(reasonOfFileName('Harbour 2026-03-01 09.05.07.casebook')).toBe('changes');
  });

  it('are the .casebook files, whatever the case of the extension', () => {
    expect(isBackupFileName('Harbour 2026-03-01 09.05.07.casebook')).toBe(true);
    expect(isBackupFileName('HARBOUR.CASEBOOK')).toBe(true);
    expect(isBackupFileName('settings.json')).toBe(false);
    expect(isBackupFileName('Harbour.casebook.partial')).toBe(false);
  });
});
