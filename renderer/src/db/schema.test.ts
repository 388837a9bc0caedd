import { afterEach, describe, expect, it } from 'vitest';
import { createCase } from '../domain';
import { freshDatabase } from '../../../tests/unit/database';
import { CasebookDB } from './schema';

const opened: CasebookDB[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

describe('CasebookDB durability', () => {
  it('commits every transaction, the domain’s included, with strict durability', async () => {
    const db = freshDatabase();
    opened.push(db);
    const durabilities: string[] = [];
    db.use({
      stack: 'dbcore',
      name: 'record-durability',
      create: (core) => ({
        ...core,
        transaction: (stores, mode, options) => {
          const transaction = core.transaction(stores, mode, options);
          durabilities.push((transaction as unknown as IDBTransaction).durability);
          return transaction;
        },
      }),
    });
    await createCase(db, { name: 'Harbour contracts' });
    expect(durabilities.length).toBeGreaterThan(0);
    expect(new Set(durabilities)).toEqual(new Set(['strict']));
  });

  it('can be relaxed for a benchmark that measures the difference', async () => {
    const db = new CasebookDB(`test-${crypto.randomUUID()}`, undefined, 'relaxed');
    opened.push(db);
    const durability = await db.transaction('rw', db.notes, (transaction) => transaction.idbtrans.durability);
    expect(durability).toBe('relaxed');
  });
});
