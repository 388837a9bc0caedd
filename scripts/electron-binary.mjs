import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether the Electron binary is on this machine, found the way the `electron` package finds it but without its
 * side effect: requiring `electron` from Node starts a download when the binary is missing.
 */

const projectRoot = path.resolve(import.meta.dirname, '..');

/** The one line shown when Casebook cannot start because Electron is missing. */
export const MISSING_ELECTRON_MESSAGE =
  'Casebook: the Electron binary is not installed and could not be downloaded. Connect to the internet and run `npm start` again (or `npx install-electron`), or run Casebook in your browser with `npm run web`.';

/** The package folder of `electron` in this checkout. */
export function electronPackageDir(root = projectRoot) {
  return path.join(root, 'node_modules', 'electron');
}

/** Absolute path of the Electron executable, or null when it has not been downloaded. */
export function electronBinaryPath(packageDir = electronPackageDir()) {
  let relativePath;
  try {
    relativePath = readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  if (!relativePath) return null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  const binary = path.join(distDir, relativePath);
  return existsSync(binary) ? binary : null;
}
