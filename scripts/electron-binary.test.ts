import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MISSING_ELECTRON_MESSAGE, electronBinaryPath } from './electron-binary.mjs';

let packageDir: string;
beforeEach(() => {
  packageDir = mkdtempSync(join(tmpdir(), 'casebook-electron-'));
  vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', '');
});
afterEach(() => {
  rmSync(packageDir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('electronBinaryPath', () => {
  it('is null before the binary has been downloaded', () => {
    expect(electronBinaryPath(packageDir)).toBeNull();
    writeFileSync(join(packageDir, 'path.txt'), 'electron');
    expect(electronBinaryPath(packageDir)).toBeNull();
  });

  it('finds the executable that path.txt names', () => {
    writeFileSync(join(packageDir, 'path.txt'), 'Electron.app/Contents/MacOS/Electron');
    mkdirSync(join(packageDir, 'dist', 'Electron.app', 'Contents', 'MacOS'), { recursive: true });
    writeFileSync(join(packageDir, 'dist', 'Electron.app', 'Contents', 'MacOS', 'Electron'), '');
    expect(electronBinaryPath(packageDir)).toBe(join(packageDir, 'dist', 'Electron.app', 'Contents', 'MacOS', 'Electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as the electron package does', () => {
    writeFileSync(join(packageDir, 'path.txt'), 'electron');
    mkdirSync(join(packageDir, 'elsewhere'));
    writeFileSync(join(packageDir, 'elsewhere', 'electron'), '');
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', join(packageDir, 'elsewhere'));
    expect(electronBinaryPath(packageDir)).toBe(join(packageDir, 'elsewhere', 'electron'));
  });
});

describe('MISSING_ELECTRON_MESSAGE', () => {
  it('is one line that says what to do', () => {
    expect(MISSING_ELECTRON_MESSAGE).not.toContain('\n');
    expect(MISSING_ELECTRON_MESSAGE).toContain('npm start');
    expect(MISSING_ELECTRON_MESSAGE).toContain('npm run web');
  });
});
