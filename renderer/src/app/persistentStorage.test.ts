import { describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage } from './persistentStorage';

const storage = (persisted: boolean, grants: boolean) => ({
  persisted: vi.fn(async () => persisted),
  persist: vi.fn(async () => grants),
});

describe('requestPersistentStorage', () => {
  it('asks once, and says when the browser grants it', async () => {
    const manager = storage(false, true);
    expect(await requestPersistentStorage(manager)).toBe('persisted');
    expect(manager.persist).toHaveBeenCalledOnce();
  });

  it('does not ask again when storage is already persistent', async () => {
    const manager = storage(true, true);
    expect(await requestPersistentStorage(manager)).toBe('persisted');
    expect(manager.persist).not.toHaveBeenCalled();
  });

  it('reports a refusal', async () => {
    expect(await requestPersistentStorage(storage(false, false))).toBe('refused');
  });

  it('reports a browser without the Storage API, or one that fails to answer, as unavailable without throwing', async () => {
    expect(await requestPersistentStorage(undefined)).toBe('unavailable');
    const failing = { persisted: vi.fn(async () => false), persist: vi.fn(async () => Promise.reject(new Error('denied'))) };
    expect(await requestPersistentStorage(failing)).toBe('unavailable');
  });
});
