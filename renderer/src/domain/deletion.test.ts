import { beforeEach, describe, expect, it } from 'vitest';
import type { RecordRef } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { danglingLinks, seedRepresentativeCase, snapshot, withDatabase, type SeededCase } from '../../../tests/unit/database';
import {
  NotFoundError,
  createExcerpt,
  createNote,
  deleteRecord,
  describeCascade,
  linkRecords,
  planDeletion,
} from '.';

let db: CasebookDB;
let seeded: SeededCase;
withDatabase((fresh) => (db = fresh));
beforeEach(async () => {
  seeded = await seedRepresentativeCase(db);
});

const sortedIds = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

describe('deleteRecord on an entity', () => {
  it('removes the entity and every link touching it, leaving no link pointing at nothing', async () => {
    const { person, links } = seeded;
    const [mentions, worksFor, evidence] = links;
    await deleteRecord(db, { type: 'entity', id: person.id });
    expect(await db.entities.get(person.id)).toBeUndefined();
    expect(sortedIds(await db.links.toArray())).toEqual([evidence!.id]);
    expect(await db.links.bulkGet([mentions!.id, worksFor!.id])).toEqual([undefined, undefined]);
    expect(await danglingLinks(db)).toEqual([]);
  });

  it('leaves the other records as they were', async () => {
    const before = await snapshot(db);
    await deleteRecord(db, { type: 'entity', id: seeded.person.id });
    const after = await snapshot(db);
    for (const table of ['documents', 'documentFiles', 'excerpts', 'events', 'notes'])
      expect(after[table], table).toEqual(before[table]);
    expect(sortedIds(await db.entities.toArray())).toEqual([seeded.organisation.id]);
  });
});

describe('deleteRecord on a document, keeping its excerpts', () => {
  it('keeps them as detached quotes with the document’s citation, drops only the links to the document, and says so', async () => {
    const { caseFile, document, excerpt, links } = seeded;
    const plan = await planDeletion(db, { type: 'document', id: document.id }, { excerpts: 'detach' });
    expect(plan).toMatchObject({ excerptIds: [], detachedExcerptIds: [excerpt.id] });

    await deleteRecord(db, { type: 'document', id: document.id }, { excerpts: 'detach' });

    expect(await db.documents.get(document.id)).toBeUndefined();
    const kept = await db.excerpts.get(excerpt.id);
    expect(kept).toMatchObject({
      quote: excerpt.quote,
      documentId: null,
      anchor: null,
      orphaned: false,
      detachedFrom: {
        title: document.title,
        sha256: document.sha256,
        fileName: document.fileName,
        authors: document.authors,
        siteName: document.siteName,
        publishedAt: document.publishedAt,
        sourceUrl: document.sourceUrl,
        importedAt: document.importedAt,
        page: excerpt.anchor?.page ?? null,
      },
    });
    // The excerpt's own links stay; none is left pointing at the document.
    expect(await db.links.where('ends').equals(excerpt.id).count()).toBeGreaterThan(0);
    expect(await danglingLinks(db)).toEqual([]);
    expect(await db.history.orderBy('seq').last()).toMatchObject({
      summary: expect.stringMatching(/^Deleted document “Harbour master’s log”.*, keeping its excerpt as detached quotes$/),
      records: [
        { type: 'document', id: document.id },
        { type: 'excerpt', id: excerpt.id },
      ],
    });
    void caseFile;
    void links;
  });
});

describe('deleteRecord on a document', () => {
  it('removes its excerpts, their links, its own links and its file, and nothing else', async () => {
    const { caseFile, document, excerpt, person, organisation, event, note, links } = seeded;
    // A second excerpt of the document, and a link to the document itself.
    const second = await createExcerpt(db, caseFile.id, { documentId: document.id, quote: 'the vessel “Nordlys”' });
    const aboutDocument = await linkRecords(db, caseFile.id, {
      from: { type: 'note', id: note.id },
      to: { type: 'document', id: document.id },
      kind: 'related-to',
    });
    // An excerpt recorded without a source, which the cascade must not touch.
    const unsourced = await createExcerpt(db, caseFile.id, { quote: 'Heard at the quay' });

    await deleteRecord(db, { type: 'document', id: document.id });

    expect(await db.documents.get(document.id)).toBeUndefined();
    expect(await db.documentFiles.get(document.id)).toBeUndefined();
    expect(sortedIds(await db.excerpts.toArray())).toEqual([unsourced.id]);
    expect(await db.excerpts.bulkGet([excerpt.id, second.id])).toEqual([undefined, undefined]);
    // Only "person works for organisation" touched neither the document nor its excerpts.
    expect(sortedIds(await db.links.toArray())).toEqual([links[1]!.id]);
    expect(await db.links.get(aboutDocument.id)).toBeUndefined();
    expect(await danglingLinks(db)).toEqual([]);
    expect(await db.entities.bulkGet([person.id, organisation.id])).toHaveLength(2);
    expect(await db.events.get(event.id)).toBeDefined();
    expect(await db.notes.get(note.id)).toBeDefined();
  });

  it('records one history line naming what went with it', async () => {
    const history = await db.history.count();
    await deleteRecord(db, { type: 'document', id: seeded.document.id });
    expect(await db.history.count()).toBe(history + 1);
    expect(await db.history.orderBy('seq').last()).toMatchObject({
      action: 'delete',
      summary: 'Deleted document “Harbour master’s log” with 1 excerpt and 2 links',
      records: [{ type: 'document', id: seeded.document.id }],
    });
  });
});

describe('planDeletion', () => {
  it('lists exactly the excerpts and links a document takes with it, without deleting anything', async () => {
    const { caseFile, document, excerpt, note, links } = seeded;
    const second = await createExcerpt(db, caseFile.id, { documentId: document.id, quote: 'on 9 March 2021' });
    const aboutDocument = await linkRecords(db, caseFile.id, {
      from: { type: 'note', id: note.id },
      to: { type: 'document', id: document.id },
      kind: 'related-to',
    });
    const before = await snapshot(db);
    const target: RecordRef = { type: 'document', id: document.id };

    const plan = await planDeletion(db, target);

    expect(plan).toMatchObject({ target, caseId: caseFile.id, title: 'Harbour master’s log' });
    expect([...plan.excerptIds].sort()).toEqual([excerpt.id, second.id].sort());
    // The excerpt's two links (mentions, evidence) and the note's link to the document.
    expect([...plan.linkIds].sort()).toEqual([links[0]!.id, links[2]!.id, aboutDocument.id].sort());
    expect(describeCascade(plan)).toBe('2 excerpts and 3 links');
    expect(await snapshot(db)).toEqual(before);

    // deleteRecord returns the plan it carried out: the same one.
    const done = await deleteRecord(db, target);
    expect([...done.linkIds].sort()).toEqual([...plan.linkIds].sort());
    expect([...done.excerptIds].sort()).toEqual([...plan.excerptIds].sort());
  });

  it('counts a link between two doomed records once', async () => {
    const { caseFile, document, excerpt } = seeded;
    const between = await linkRecords(db, caseFile.id, {
      from: { type: 'excerpt', id: excerpt.id },
      to: { type: 'document', id: document.id },
      kind: 'quoted-from',
    });
    const plan = await planDeletion(db, { type: 'document', id: document.id });
    expect(plan.linkIds.filter((id) => id === between.id)).toHaveLength(1);
    expect(plan.linkIds).toHaveLength(3);
  });

  it('plans nothing else for a record without links', async () => {
    const lonely = await createNote(db, seeded.caseFile.id, { title: 'Lonely' });
    const plan = await planDeletion(db, { type: 'note', id: lonely.id });
    expect(plan).toMatchObject({ excerptIds: [], linkIds: [], title: 'Lonely' });
    expect(describeCascade(plan)).toBe('');
  });

  it('fails with NotFoundError for a record already deleted', async () => {
    const target: RecordRef = { type: 'event', id: seeded.event.id };
    await deleteRecord(db, target);
    await expect(planDeletion(db, target)).rejects.toThrow('This event was already deleted.');
    await expect(deleteRecord(db, target)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('describeCascade', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `id-${i}`);

  it.each([
    [0, 0, ''],
    [1, 0, '1 excerpt'],
    [0, 1, '1 link'],
    [2, 3, '2 excerpts and 3 links'],
    [1, 1, '1 excerpt and 1 link'],
    [0, 1200, '1,200 links'],
  ])('words %i excerpts and %i links as "%s"', (excerpts, links, words) => {
    expect(describeCascade({ excerptIds: ids(excerpts), linkIds: ids(links) })).toBe(words);
  });
});
