import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostError } from '../../../shared/contract';
import { FileTokens } from './fileTokens';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'casebook-file-tokens-'));
  file = join(dir, 'Harbour.casebook');
  writeFileSync(file, '0123456789');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function failure(promise: Promise<unknown>): Promise<HostError> {
  const error = await promise.then(() => expect.fail('the read succeeded'), (reason: unknown) => reason);
  expect(error).toBeInstanceOf(HostError);
  return error as HostError;
}

describe('FileTokens.readRange', () => {
  it('reads the range asked for, fewer bytes at the end of the file, none past it', async () => {
    const tokens = new FileTokens();
    const token = tokens.issue(file);
    expect(text(await tokens.readRange(token, 0, 4))).toBe('0123');
    expect(text(await tokens.readRange(token, 6, 100))).toBe('6789');
    expect((await tokens.readRange(token, 10, 5)).byteLength).toBe(0);
    expect((await tokens.readRange(token, 5000, 5)).byteLength).toBe(0);
  });

  it('answers bytes that own their buffer, so IPC copies nothing else', async () => {
    const tokens = new FileTokens();
    const bytes = await tokens.readRange(tokens.issue(file), 2, 3);
    expect(bytes.buffer.byteLength).toBe(3);
  });

  it('refuses a token it never gave, or one since forgotten, as not-found', async () => {
    const tokens = new FileTokens(2);
    const unknown = await failure(tokens.readRange('00000000-0000-0000-0000-000000000000', 0, 4));
    expect(unknown.code).toBe('not-found');
    expect(unknown.message).toBe('Casebook no longer has this file at hand (it was opened too long ago, or Casebook restarted). Open it again.');

    const first = tokens.issue(file);
    tokens.issue(file);
    tokens.issue(file);
    expect(tokens.pathOf(first)).toBeNull();
    expect((await failure(tokens.readRange(first, 0, 4))).code).toBe('not-found');
  });

  it('says which file is gone when it was moved after its token was given', async () => {
    const tokens = new FileTokens();
    const token = tokens.issue(file);
    rmSync(file);
    const gone = await failure(tokens.readRange(token, 0, 4));
    expect(gone.code).toBe('not-found');
    expect(gone.message).toBe('Harbour.casebook could not be read: it no longer exists. Check that the file is still there, then open it again.');
  });

  it('answers what there is when the file shrank', async () => {
    const tokens = new FileTokens();
    const token = tokens.issue(file);
    truncateSync(file, 3);
    expect(text(await tokens.readRange(token, 0, 10))).toBe('012');
  });
});

describe('pinned tokens', () => {
  it('keep one token per file, never forgotten among issued ones, until unpinned', async () => {
    const tokens = new FileTokens(1);
    const pinned = tokens.pin(file);
    expect(tokens.pin(file)).toBe(pinned);
    tokens.issue(file);
    tokens.issue(file);
    expect(text(await tokens.readRange(pinned, 0, 2))).toBe('01');
    tokens.unpin(file);
    expect(tokens.pathOf(pinned)).toBeNull();
    expect(tokens.pin(file)).not.toBe(pinned);
  });
});
