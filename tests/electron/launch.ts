import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinaryPath } from '../../scripts/electron-binary.mjs';

/** The Electron binary, or null where it is not installed (these tests then report themselves skipped). */
export const binary = electronBinaryPath();
export const NO_BINARY =
  'Electron binary is not installed on this machine (it cannot be downloaded here); run npx install-electron to enable these tests';

export const root = path.resolve(import.meta.dirname, '../..');
const builtFiles = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

export interface Launched {
  app: ElectronApplication;
  page: Page;
  /** The user data folder of this run, made for it. */
  userData: string;
}

/**
 * Starts the desktop app from its production build (`out/`, built first if it is not) with the `electron` package's own
 * binary: a build of its own for these tests, never the package `npm run dist` makes. That package carries the fuses
 * (`electron-builder.yml`), which turn off the inspect arguments Playwright drives Electron through and load code
 * only from its `app.asar`. Each launch has a user data folder of its own, and `args` come after the app's own (a file
 * to open, as the system's file association passes it).
 */
export async function launchCasebook(args: readonly string[] = []): Promise<Launched> {
  if (!builtFiles.every((file) => existsSync(path.join(root, file)))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  const userData = mkdtempSync(path.join(tmpdir(), 'casebook-electron-'));
  // The production build, never the dev server, whatever the shell says.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[0] !== 'ELECTRON_RENDERER_URL' && entry[1] !== undefined,
    ),
  );
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args: [
      path.join(root, 'out/main/index.js'),
      `--user-data-dir=${userData}`,
      // Chromium refuses to run as root with its sandbox; CI containers often are root.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ...args,
    ],
    env,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page, userData };
}
