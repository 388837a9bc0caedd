// @vitest-environment jsdom
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { draftKey, hasDraft, keepDraftsOnDisk, readDraft, removeDraft, writeDraft } from '../components/drafts';
import { DRAFTS_DB_NAME, draftDisk, draftsWritten } from './draftStore';

const KEY = draftKey('entity', 'entity-1');
const SHAPE = { name: '', description: '' };

/** What the drafts' database holds, read as another window (or the next start) would. */
async function onDisk(): Promise<Record<string, string>> {
  await draftsWritten();
  const db = new Dexie(DRAFTS_DB_NAME);
  db.version(1).stores({ drafts: 'key' });
  const rows = await db.table<{ key: string; text: string }>('drafts').toArray();
  db.close();
  return Object.fromEntries(rows.map((row) => [row.key, row.text]));
}

beforeEach(async () => {
  localStorage.clear();
  await keepDraftsOnDisk(draftDisk);
  for (const key of Object.keys(await onDisk())) removeDraft(key);
  await draftsWritten();
});

describe('drafts kept on the disk', () => {
  it('writes each draft to the disk as well as local storage, and removes it from both', async () => {
    writeDraft(KEY, { savedAt: '2026-03-01T10:00:00.000Z', values: { name: 'Ilse Marr', description: 'Boarded at 03:10' } });
    expect(Object.keys(await onDisk())).toEqual([KEY]);
    expect(JSON.parse((await onDisk())[KEY]!)).toMatchObject({ values: { description: 'Boarded at 03:10' } });

    removeDraft(KEY);
    expect(await onDisk()).toEqual({});
    expect(hasDraft(KEY)).toBe(false);
  });

  it('puts back a draft local storage lost in a crash, and keeps the newer of two', async () => {
    writeDraft(KEY, { savedAt: '2026-03-01T10:00:00.000Z', values: { name: 'Ilse Marr', description: 'Boarded at 03:10' } });
    await draftsWritten();
    // The crash: local storage never reached the disk.
    localStorage.clear();
    expect(await keepDraftsOnDisk(draftDisk)).toBe(1);
    expect(readDraft(KEY, SHAPE)?.values.description).toBe('Boarded at 03:10');

    // Local storage holds a newer one (the disk's write was refused): it stays, and is written to the disk.
    const newer = JSON.stringify({ format: 1, savedAt: '2026-03-01T11:00:00.000Z', values: { name: 'Ilse Marr', description: 'Left at 04:00' } });
    localStorage.setItem(KEY, newer);
    expect(await keepDraftsOnDisk(draftDisk)).toBe(0);
    expect(readDraft(KEY, SHAPE)?.values.description).toBe('Left at 04:00');
  });

  it('writes to the disk the drafts only local storage held, as an older Casebook left them', async () => {
    const older = draftKey('note', null, 'case-1');
    localStorage.setItem(older, JSON.stringify({ format: 1, savedAt: '2026-02-01T09:00:00.000Z', values: { title: 'Pilot fees' } }));
    localStorage.setItem('casebook.persistence-note-dismissed', '2026-02-01');
    expect(await keepDraftsOnDisk(draftDisk)).toBe(0);
    expect(Object.keys(await onDisk())).toEqual([older]);
  });
});
