import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../tests/unit/database';
import type { CasebookDB } from '../db/schema';
import { createCase, createNote, deleteCase } from '../domain';
import { watchSearchedWrites, type SearchedChanges, type SearchedWrites } from './writes';

let db: CasebookDB;
let writes: SearchedWrites;
let heard: SearchedChanges[];

beforeEach(() => {
  db = freshDatabase();
  writes = watchSearchedWrites(db);
  heard = [];
  writes.onCommitted((changes) => heard.push(changes));
});
afterEach(async () => {
  await db.delete();
});

describe('watching the searched writes', () => {
  it('tells each committed transaction’s changed records by case, with its history entries', async () => {
    const caseFile = await createCase(db, { name: 'Harbour charter' });
    heard = [];
    const note = await createNote(db, caseFile.id, { title: 'Kelp' });
    await writes.settled();
    expect(heard).toHaveLength(1);
    expect([...heard[0]!.byCase.get(caseFile.id)!]).toEqual([`note:${note.id}`]);
    expect(heard[0]!.seqs.get(caseFile.id)).toHaveLength(1);

    await deleteCase(db, caseFile.id);
    await writes.settled();
    expect(heard.at(-1)!.deletedCases).toEqual(new Set([caseFile.id]));
  });

  it('tells nothing of a transaction that failed', async () => {
    const caseFile = await createCase(db, { name: 'Harbour charter' });
    heard = [];
    await expect(
      db.transaction('rw', db.tables, async () => {
        await createNote(db, caseFile.id, { title: 'Kelp' });
        throw new Error('Changed my mind');
      }),
    ).rejects.toThrow('Changed my mind');
    await writes.settled();
    expect(heard).toEqual([]);
  });

  it('is the same watch on every call, and refuses a database already open, whose writes it would miss', async () => {
    expect(watchSearchedWrites(db)).toBe(writes);
    const other = freshDatabase();
    await other.open();
    expect(() => watchSearchedWrites(other)).toThrow(/already open/);
    await other.delete();
  });
});
