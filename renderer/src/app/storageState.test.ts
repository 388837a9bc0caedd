import { describe, expect, it, vi } from 'vitest';
import { readStorageState } from './storageState';

describe('readStorageState', () => {
  it('gives the browser’s answers, with the databases and how the library commits', async () => {
    const storage = { persisted: vi.fn(async () => true), estimate: vi.fn(async () => ({ usage: 12_582_912, quota: 2_147_483_648 })) };
    expect(await readStorageState(storage)).toEqual({
      persisted: true,
      usage: 12_582_912,
      quota: 2_147_483_648,
      databases: { library: 'casebook', drafts: 'casebook-drafts' },
      durability: 'strict',
    });
  });

  it('says it does not know what the browser cannot tell, without throwing', async () => {
    const failing = { persisted: vi.fn(async () => Promise.reject(new Error('denied'))), estimate: vi.fn(async () => Promise.reject(new Error('denied'))) };
    expect(await readStorageState(failing)).toMatchObject({ persisted: null, usage: null, quota: null });
    expect(await readStorageState(undefined)).toMatchObject({ persisted: null, usage: null, quota: null, durability: 'strict' });
  });
});
