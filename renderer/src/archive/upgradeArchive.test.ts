import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openAtVersion, seedRepresentativeCase, snapshot, withDatabase } from '../../../tests/unit/database';
import { honestly, rewritten } from '../../../tests/unit/archive';
import { LATEST_VERSION, SCHEMA_VERSIONS, type CasebookDB } from '../db/schema';
import type { Note } from '../../../shared/domain';
import { ArchiveError, readArchive } from './readArchive';
import { importArchive, readCheckedArchive } from './importArchive';
import { writeArchive } from './writeArchive';

let db: CasebookDB;
withDatabase((fresh) => (db = fresh));

const old: CasebookDB[] = [];
afterEach(async () => {
  for (const opened of old.splice(0)) {
    opened.close();
    await Dexie.delete(opened.name);
  }
});

/** A library left at schema `version`, holding the representative case as that version stored it. */
async function libraryAt(version: number) {
  const library = openAtVersion(`old-library-${crypto.randomUUID()}`, version);
  old.push(library);
  const seeded = await seedRepresentativeCase(library);
  return { library, seeded };
}

async function archiveOf(library: CasebookDB, caseId: string): Promise<Blob> {
  const chunks: Uint8Array[] = [];
  await writeArchive(library, caseId, new WritableStream({ write: (chunk) => void chunks.push(chunk) }), { appVersion: '0.1.0' });
  return new Blob(chunks as BlobPart[]);
}

/** The temporary databases the upgrade makes, and the test's own: what IndexedDB holds now. */
const databaseNames = async () => (await Dexie.getDatabaseNames()).filter((name) => name.startsWith('casebook-archive-upgrade-'));

describe('an archive of an older database schema', () => {
  it('is written from a library still at that version: its schema in the manifest, the tables it did not have empty', async () => {
    const { library, seeded } = await libraryAt(10);
    const archive = await archiveOf(library, seeded.caseFile.id);
    const read = await readArchive(archive, 'Harbour charter.casebook');
    expect(read.manifest.schemaVersion).toBe(10);
    expect(read.manifest.counts).toMatchObject({ notes: 1, noteFolders: 0, attachments: 0, reportOptions: 0 });
    expect(read.records.noteFolders.size).toBe(0);
    // The note as version 10 stored it: no place in a tree yet.
    expect(await read.records.notes.text()).not.toContain('"position"');
  });

  it('is upgraded by the database’s own upgrades as it is imported: version 10’s notes arrive in the tree, and every reference holds', async () => {
    const { library, seeded } = await libraryAt(10);
    const checked = await readCheckedArchive(await archiveOf(library, seeded.caseFile.id), 'Harbour charter.casebook');
    const copy = await importArchive(db, checked, { as: 'new' });

    const tables = await snapshot(db);
    const notes = tables.notes as Note[];
    expect(notes).toHaveLength(1);
    // What version 11's upgrade gives a note of a flat list: the top of the tree, a place in it, not pinned.
    expect(notes[0]).toMatchObject({ caseId: copy.id, title: seeded.note.title, parentId: null, pinned: false, position: expect.any(String) });
    // Every original, byte for byte.
    const originals = (rows: unknown[] = []) => rows.map((row) => [...(row as { bytes: { bytes: Uint8Array } }).bytes.bytes].join()).sort();
    expect(originals(tables.documentFiles)).toEqual(originals((await snapshot(library)).documentFiles));
    // The copy is a case of this version whole: written out again and read back, it passes every check.
    const again = await readCheckedArchive(await archiveOf(db, copy.id), 'copy.casebook');
    expect(again.manifest.schemaVersion).toBe(LATEST_VERSION);
    expect(again.counts).toMatchObject({ documents: checked.counts.documents, excerpts: checked.counts.excerpts, notes: 1 });
    // The temporary database is gone.
    expect(await databaseNames()).toEqual([]);
  });

  it('is upgraded from version 6 too: the excerpt’s tag names become the codebook’s tags (version 7), its entities’ aliases gain their origin (8), its event a status (9)', async () => {
    const { library, seeded } = await libraryAt(6);
    const checked = await readCheckedArchive(await archiveOf(library, seeded.caseFile.id), 'Harbour charter.casebook');
    expect(checked.counts.tags).toBe(1);
    const copy = await importArchive(db, checked, { as: 'new' });
    const [tag] = await db.tags.where('caseId').equals(copy.id).toArray();
    const [excerpt] = await db.excerpts.where('caseId').equals(copy.id).toArray();
    expect(tag).toMatchObject({ name: 'charter' });
    expect(excerpt!.tags).toEqual([tag!.id]);
    const person = (await db.entities.where('caseId').equals(copy.id).toArray()).find((entity) => entity.name === seeded.person.name)!;
    expect(person.aliases).toEqual([{ name: 'Z. Müller', origin: 'typed' }]);
    expect((await db.events.where('caseId').equals(copy.id).first())).toMatchObject({ status: 'unverified', participants: [] });
  });

  it('is refused, saying why and changing nothing, when it holds rows of a table its version did not have', async () => {
    const { library, seeded } = await libraryAt(10);
    const archive = await archiveOf(library, seeded.caseFile.id);
    const bad = await rewritten(archive, async (entries, manifest) => {
      const row = { id: 'f', caseId: seeded.caseFile.id, parentId: null, name: 'Leads', position: 'a0' };
      await honestly(manifest, entries, 'records/noteFolders.ndjson', new TextEncoder().encode(`${JSON.stringify(row)}\n`));
      manifest.counts.noteFolders = 1;
    });
    const before = await snapshot(db);
    await expect(readCheckedArchive(bad, 'Harbour charter.casebook')).rejects.toThrow(
      new ArchiveError('Harbour charter.casebook holds rows of noteFolders, which database schema 10 did not have.'),
    );
    expect(await snapshot(db)).toEqual(before);
    expect(await databaseNames()).toEqual([]);
  });

  it.each(SCHEMA_VERSIONS.map(({ version }) => version))('is written at version %i and imported, upgraded, whole', async (version) => {
    const { library, seeded } = await libraryAt(version);
    const checked = await readCheckedArchive(await archiveOf(library, seeded.caseFile.id), `v${version}.casebook`);
    expect(checked.manifest.schemaVersion).toBe(version);
    const copy = await importArchive(db, checked, { as: 'new' });
    expect(await db.documents.where('caseId').equals(copy.id).count()).toBe(checked.counts.documents);
    expect(await db.excerpts.where('caseId').equals(copy.id).count()).toBe(1);
  }, 20_000);
});
