import { describe, expect, it, vi } from 'vitest';
import type { CasebookDB } from '../db/schema';
import { bindDatabaseOnDemand } from './bindDatabase';

const db = { name: 'the database' } as unknown as CasebookDB;

function operationsModule() {
  return {
    rename: vi.fn(async (given: CasebookDB, id: string, name: string) => ({ given, id, name })),
    refuse: vi.fn(async () => {
      throw new RangeError('A name has at most 200 characters.');
    }),
  };
}

describe('bindDatabaseOnDemand', () => {
  it('loads the module at the first call, once, and runs the operation with the database and the arguments', async () => {
    const module = operationsModule();
    const load = vi.fn(async () => module);
    const operations = bindDatabaseOnDemand(load, db);
    expect(load).not.toHaveBeenCalled();

    const [first, second] = await Promise.all([operations.rename('c1', 'Harbour'), operations.rename('c2', 'Port')]);
    await operations.refuse().catch(() => undefined);

    expect(first).toEqual({ given: db, id: 'c1', name: 'Harbour' });
    expect(second).toEqual({ given: db, id: 'c2', name: 'Port' });
    expect(load).toHaveBeenCalledTimes(1);
    expect(operations.rename).toBe(operations.rename);
  });

  it('passes the operation’s own error on, so forms can still tell validation from storage failures', async () => {
    const operations = bindDatabaseOnDemand(async () => operationsModule(), db);
    await expect(operations.refuse()).rejects.toThrow(new RangeError('A name has at most 200 characters.'));
  });

  it('is not a promise itself: awaiting the object neither loads nor calls anything', async () => {
    const load = vi.fn(async () => operationsModule());
    const operations = bindDatabaseOnDemand(load, db);
    expect(await Promise.resolve(operations)).toBe(operations);
    expect(load).not.toHaveBeenCalled();
  });

  it('says which operation does not exist', async () => {
    const operations = bindDatabaseOnDemand(async () => operationsModule(), db) as unknown as Record<string, () => Promise<unknown>>;
    await expect(operations.renameAll!()).rejects.toThrow('There is no operation named renameAll.');
  });
});
