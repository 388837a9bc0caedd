import { describe, expect, it } from 'vitest';
import { seedRepresentativeCase, withDatabase, type SeededCase } from '../../../tests/unit/database';
import { createEntity, deleteRecord, linkRecords, mergeEntities } from '../domain';
import { checkConsistency, readDatabaseRows } from './consistency';
import type { CasebookDB } from './schema';

let db: CasebookDB;
withDatabase((fresh) => (db = fresh));

/** The database read as the crash tests read it, then checked. */
const problems = async () => checkConsistency(await readDatabaseRows(db.name));

describe('the consistency check of the case library', () => {
  let seeded: SeededCase;

  it('finds nothing wrong with a case written through the domain, merges and deletions included', async () => {
    seeded = await seedRepresentativeCase(db);
    const venn = await createEntity(db, seeded.caseFile.id, { name: 'D. Venn', type: 'person' });
    await linkRecords(db, seeded.caseFile.id, { kind: 'mentions', from: { type: 'excerpt', id: seeded.excerpt.id }, to: { type: 'entity', id: venn.id } });
    await mergeEntities(db, seeded.person.id, [venn.id]);
    // A deleted excerpt leaves mentions in texts and history behind, on purpose: no problem.
    await deleteRecord(db, { type: 'excerpt', id: seeded.excerpt.id });
    expect(await problems()).toEqual([]);
  });

  it('reads original files as the archive refers to them: by SHA-256 and size', async () => {
    seeded = await seedRepresentativeCase(db);
    const rows = await readDatabaseRows(db.name);
    const original = rows.documentFiles!.find((row) => row.id === seeded.document.id);
    expect(original?.bytes).toEqual({ file: seeded.document.sha256, size: seeded.document.size, type: seeded.document.mimeType });
  });

  it('names an excerpt whose document is gone, an event citing a missing excerpt, and a link to nothing', async () => {
    seeded = await seedRepresentativeCase(db);
    // Planted behind the domain's back, as a write cut in half would leave them.
    await db.documents.delete(seeded.document.id);
    await db.documentFiles.delete(seeded.document.id);
    await db.events.update(seeded.event.id, { evidenceIds: ['9a1c03e2-missing'] });
    await db.links.update(seeded.links[0]!.id, { to: { type: 'entity', id: 'gone-entity' }, ends: [seeded.links[0]!.from.id, 'gone-entity'] });
    const found = await problems();
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^In case “Harbour charter”: Excerpt .* quotes document .*, which is not in the archive \(documentId\)\.$/),
        expect.stringMatching(/^In case “Harbour charter”: Event .*“Charter signed”.* cites excerpt 9a1c03e2…, which is not in the archive \(evidenceIds\[0\]\)\.$/),
        expect.stringMatching(/links to entity gone-ent…, which is not in the archive \(to\)\.$/),
      ]),
    );
  });

  it('names a document without its original file, a file that is not the one named, and rows of a case that is gone', async () => {
    seeded = await seedRepresentativeCase(db);
    await db.documentFiles.update(seeded.document.id, { bytes: new Blob(['something else'], { type: 'text/plain' }) });
    const other = await seedRepresentativeCase(db, 'Quay ledger');
    await db.documentFiles.delete(other.document.id);
    await db.cases.delete(other.caseFile.id);
    const found = await problems();
    expect(found).toContainEqual(expect.stringMatching(/^In case “Harbour charter”: Document .* names an original of .* but the archive keeps 14 bytes/));
    expect(found).toContainEqual(expect.stringMatching(/^Entity .*“Zoë Müller”.* belongs to case .*, which is not in the library\.$/));
    expect(found.some((problem) => problem.includes('Quay ledger'))).toBe(false);
    // The other case's document, its file deleted: once the case is back, the missing file is said.
    await db.cases.add(other.caseFile);
    expect(await problems()).toContainEqual(expect.stringMatching(/^In case “Quay ledger”: Document .*“Harbour master’s log”.* has no original file\.$/));
  });

  it('names a row the schema refuses', async () => {
    seeded = await seedRepresentativeCase(db);
    await db.entities.update(seeded.person.id, { name: '' });
    expect(await problems()).toContainEqual(expect.stringMatching(/^In case “Harbour charter”: Entity .*: name cannot be empty/));
  });
});
