#!/usr/bin/env node
/**
 * `npm start`: runs Casebook in Electron with the dev server (`electron-vite dev`), or the production build served
 * from app:// with `npm start -- --preview`. On the first start the Electron binary is fetched; when that fails the
 * user gets one line saying what to do instead of a stack trace.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { MISSING_ELECTRON_MESSAGE, electronBinaryPath, electronPackageDir } from './electron-binary.mjs';

const projectRoot = path.resolve(import.meta.dirname, '..');
const DOWNLOAD_TIMEOUT_MS = 5 * 60 * 1000;

/** Runs Electron's own installer quietly; resolves to whether it succeeded within the time allowed. */
function fetchElectron() {
  const showProgress = process.stderr.isTTY;
  if (showProgress) process.stderr.write('Casebook: downloading the Electron binary (first start only)...');
  return new Promise((resolve) => {
    const installer = spawn(process.execPath, [path.join(electronPackageDir(), 'install.js')], {
      cwd: projectRoot,
      // Its output is a stack trace when offline: kept back unless asked for with CASEBOOK_DEBUG=1.
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: DOWNLOAD_TIMEOUT_MS,
    });
    let output = '';
    installer.stdout.on('data', (chunk) => (output += chunk));
    installer.stderr.on('data', (chunk) => (output += chunk));
    const finish = (succeeded) => {
      if (showProgress) process.stderr.write('\r\x1b[K');
      if (!succeeded && process.env.CASEBOOK_DEBUG) process.stderr.write(output);
      resolve(succeeded);
    };
    installer.on('error', () => finish(false));
    installer.on('close', (code) => finish(code === 0));
  });
}

async function main() {
  const mode = process.argv.includes('--preview') ? 'preview' : 'dev';
  const passThrough = process.argv.slice(2).filter((arg) => arg !== '--preview');

  let binary = electronBinaryPath();
  if (!binary && (await fetchElectron())) binary = electronBinaryPath();
  if (!binary) {
    console.error(MISSING_ELECTRON_MESSAGE);
    process.exit(1);
  }

  const electronVite = path.join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const child = spawn(process.execPath, [electronVite, mode, ...passThrough], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_EXEC_PATH: binary },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`Casebook: could not run electron-vite (${error.message}). Run \`npm install\` and try again.`);
    process.exit(1);
  });
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

await main();
