import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

/**
 * The packaged app's Electron fuses, as electron-builder flips them from electron-builder.yml. The Electron tests run
 * the unpackaged build with the plain electron binary, which has no fuses flipped: this file is what holds them.
 */
const config = load(readFileSync(join(import.meta.dirname, '..', '..', 'electron-builder.yml'), 'utf8')) as {
  electronFuses?: Record<string, unknown>;
  asar?: unknown;
};

describe('the packaged app’s fuses', () => {
  it('close the ways to run other code in the app and keep its files as packaged', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('package the app in an asar archive, which onlyLoadAppFromAsar and the integrity check need', () => {
    // electron-builder packs app.asar unless told not to.
    expect(config.asar ?? true).toBe(true);
  });
});
