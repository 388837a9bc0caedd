/**
 * The schema history's safety net. Every new version in SCHEMA_VERSIONS arrives with its part here: the loop below
 * already checks that every row written at the version before survives it; add a test that seeds what your upgrade
 * rewrites at the old version (in `testing.ts`, a legacy seeder if the domain layer no longer writes that shape) and
 * asserts the upgraded rows. The test with a made-up next version shows the pattern.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Entity, Link, Note, RecordRef, Tag } from '../../../shared/domain';
import {
  addNoteAttachment,
  byPosition,
  createEntity,
  createEvent,
  createNote,
  createNoteFolder,
  createRelationship,
  deleteCase,
  moveInNoteTree,
  saveChartLayout,
  saveReportOptions,
} from '../domain';
import { DEFAULT_REPORT_OPTIONS } from '../report/options';
import { reportOptionsOf } from './queries/report';
import { entitiesNamed } from './queries/entities';
import { timeline } from './queries/events';
import { TAG_COLOURS } from '../../../shared/codebook';
import { CaseSearchIndex } from '../search/SearchIndex';
import { describeStorageError } from './errors';
import { CASE_TABLES, CasebookDB, LATEST_VERSION, SCHEMA_VERSIONS, type SchemaVersion } from './schema';
import { openAtVersion, seedRepresentativeCase, snapshot, type TableSnapshot } from '../../../tests/unit/database';

const opened: CasebookDB[] = [];
/** Opens a database under the given name and remembers it, so it is deleted when the test ends. */
function track(db: CasebookDB): CasebookDB {
  opened.push(db);
  return db;
}
const newName = () => `migration-${crypto.randomUUID()}`;

afterEach(async () => {
  vi.restoreAllMocks();
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});

/** Primary keys of every table, to say which rows a database holds independently of what upgrades rewrote. */
function keysOf(tables: TableSnapshot, db: CasebookDB): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(tables).map(([name, rows]) => {
      const keyPath = db.table(name).schema.primKey.keyPath as string;
      return [name, rows.map((row) => (row as Record<string, unknown>)[keyPath])];
    }),
  );
}

describe('the schema history', () => {
  it('starts at version 1 and counts up by one, oldest first', () => {
    expect(SCHEMA_VERSIONS.map((schema) => schema.version)).toEqual(
      Array.from({ length: SCHEMA_VERSIONS.length }, (_, index) => index + 1),
    );
    expect(LATEST_VERSION).toBe(SCHEMA_VERSIONS.at(-1)!.version);
  });

  it('builds a database at its latest version by default', async () => {
    const db = track(new CasebookDB(newName()));
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    const declared = new Set<string>();
    for (const { stores } of SCHEMA_VERSIONS)
      for (const [table, spec] of Object.entries(stores)) {
        if (spec === null) declared.delete(table);
        else declared.add(table);
      }
    expect(db.tables.map((table) => table.name).sort()).toEqual([...declared].sort());
    expect([...declared]).toEqual(expect.arrayContaining(['cases', ...CASE_TABLES]));
  });
});

describe('upgrading between released versions keeps every row', () => {
  const pairs = SCHEMA_VERSIONS.slice(1).map((next, index) => [SCHEMA_VERSIONS[index]!.version, next.version] as const);

  it('has a step for each version after the first', () => {
    expect(pairs).toHaveLength(SCHEMA_VERSIONS.length - 1);
  });

  for (const [from, to] of pairs) {
    it(`from version ${from} to version ${to}`, async () => {
      const name = newName();
      const old = track(openAtVersion(name, from));
      await seedRepresentativeCase(old);
      const before = await snapshot(old);
      const oldKeys = keysOf(before, old);
      old.close();

      const upgraded = track(openAtVersion(name, to));
      const after = await snapshot(upgraded);
      const newKeys = keysOf(after, upgraded);
      // An upgrade may add rows (version 7 makes the codebook's tags from excerpts' tag names), never lose one.
      for (const [table, keys] of Object.entries(oldKeys))
        expect(newKeys[table], `rows of ${table} after the upgrade to ${to}`).toEqual(expect.arrayContaining(keys));
    });
  }
});

describe('version 2', () => {
  it('gives documents written by version 1 the new provenance fields, with honest defaults', async () => {
    const name = newName();
    const old = track(openAtVersion(name, 1));
    const seeded = await seedRepresentativeCase(old);
    expect(seeded.document).not.toHaveProperty('textLayer');
    old.close();

    const upgraded = track(openAtVersion(name, 2));
    const document = await upgraded.documents.get(seeded.document.id);
    expect(document).toEqual({
      ...seeded.document,
      siteName: null,
      charset: 'utf-8',
      pages: null,
      pageCount: null,
      textLayer: true,
      warnings: [],
    });
  });
});

describe('version 3', () => {
  it('adds an empty table for saved search indexes, filled by opening a case index and emptied with its case', async () => {
    const name = newName();
    const old = track(openAtVersion(name, 2));
    const seeded = await seedRepresentativeCase(old);
    old.close();

    const upgraded = track(openAtVersion(name, 3));
    expect(await upgraded.searchIndexes.count()).toBe(0);
    const index = new CaseSearchIndex(upgraded, seeded.caseFile.id);
    await index.flush();
    expect(index.origin).toEqual({ from: 'built', reason: 'no saved index' });
    expect(await index.search('Nordlys')).toHaveLength(2);
    expect(await upgraded.searchIndexes.get(seeded.caseFile.id)).toMatchObject({ schemaVersion: 3 });
    upgraded.close();

    // Deleting a case empties every table the latest schema declares, so it runs at the latest version.
    const latest = track(openAtVersion(name, LATEST_VERSION));
    await deleteCase(latest, seeded.caseFile.id);
    expect(await latest.searchIndexes.count()).toBe(0);
  });

  it('has an index saved before a later upgrade rebuilt, not trusted', async () => {
    const name = newName();
    const current = track(openAtVersion(name, 3));
    const seeded = await seedRepresentativeCase(current);
    current.close();

    const later = track(new CasebookDB(name, [...SCHEMA_VERSIONS, { version: LATEST_VERSION + 1, stores: {} }]));
    const index = new CaseSearchIndex(later, seeded.caseFile.id);
    await index.flush();
    expect(index.origin).toEqual({ from: 'built', reason: 'saved under another schema version' });
  });
});

describe('version 4', () => {
  it('marks documents written before as not recognised, finds them by language, and adds the recognised pages', async () => {
    const name = newName();
    const old = track(openAtVersion(name, 3));
    const seeded = await seedRepresentativeCase(old);
    expect(seeded.document).not.toHaveProperty('ocr');
    await old.documents.update(seeded.document.id, { language: 'de' });
    old.close();

    const upgraded = track(openAtVersion(name, 4));
    expect(await upgraded.documents.get(seeded.document.id)).toEqual({ ...seeded.document, language: 'de', ocr: null });
    const byLanguage = await upgraded.documents.where('[caseId+language]').equals([seeded.caseFile.id, 'de']).primaryKeys();
    expect(byLanguage).toEqual([seeded.document.id]);
    expect(await upgraded.recognisedPages.count()).toBe(0);
    await upgraded.recognisedPages.add({
      id: `${seeded.document.id}:1`,
      documentId: seeded.document.id,
      caseId: seeded.caseFile.id,
      page: 1,
      width: 10,
      height: 10,
      confidence: 90,
      words: [],
    });
    upgraded.close();
    // Deleting is done by the Casebook of the day, at the latest version.
    const latest = track(openAtVersion(name, LATEST_VERSION));
    await deleteCase(latest, seeded.caseFile.id);
    expect(await latest.recognisedPages.count()).toBe(0);
  });
});

describe('version 5', () => {
  it('gives documents written by version 4 no clean-up and text version 1, and an empty table of earlier texts', async () => {
    const name = newName();
    const old = track(openAtVersion(name, 4));
    const seeded = await seedRepresentativeCase(old);
    expect(seeded.document).not.toHaveProperty('textVersion');
    old.close();

    const upgraded = track(openAtVersion(name, 5));
    expect(await upgraded.documents.get(seeded.document.id)).toEqual({ ...seeded.document, cleanup: null, textVersion: 1 });
    expect(await upgraded.documentVersions.count()).toBe(0);
  });

  it('keeps a page cleaned up at import with its text as extracted, and empties the earlier texts with their case', async () => {
    const name = newName();
    const db = track(openAtVersion(name, 5));
    const seeded = await seedRepresentativeCase(db);
    expect(seeded.cleanedPage).toMatchObject({ textVersion: 2, text: 'The charter was signed at dawn on the quay.' });
    const [version] = await db.documentVersions.where('caseId').equals(seeded.caseFile.id).toArray();
    expect(version).toMatchObject({ documentId: seeded.cleanedPage!.id, number: 1, text: expect.stringContaining('ADVERTISEMENT') });
    db.close();
    // Deleting is done by the Casebook of the day, at the latest version.
    const latest = track(openAtVersion(name, LATEST_VERSION));
    await deleteCase(latest, seeded.caseFile.id);
    expect(await latest.documentVersions.count()).toBe(0);
  });
});

describe('version 6', () => {
  it('gives excerpts written by version 5 neither an orphaned quote nor a detached source, and an empty codebook', async () => {
    const name = newName();
    const old = track(openAtVersion(name, 5));
    const seeded = await seedRepresentativeCase(old);
    expect(seeded.excerpt).not.toHaveProperty('orphaned');
    old.close();

    const upgraded = track(openAtVersion(name, 6));
    expect(await upgraded.excerpts.get(seeded.excerpt.id)).toEqual({ ...seeded.excerpt, orphaned: false, detachedFrom: null });
    expect(await upgraded.tags.count()).toBe(0);
  });

  it('empties the codebook with its case', async () => {
    const name = newName();
    const db = track(openAtVersion(name, 6));
    const seeded = await seedRepresentativeCase(db);
    const at = new Date().toISOString();
    await db.tags.add({
      id: 'tag-1', caseId: seeded.caseFile.id, parentId: null, name: 'Arrests', nameKey: 'arrests', colour: '#c2410c',
      description: '', createdAt: at, updatedAt: at,
    });
    db.close();
    // Deleting is done by the Casebook of the day, at the latest version.
    const latest = track(openAtVersion(name, LATEST_VERSION));
    await deleteCase(latest, seeded.caseFile.id);
    expect(await latest.tags.count()).toBe(0);
  });
});

describe('a next version, made up here to show the pattern', () => {
  /** Folds accents out of a name key, so "Zoë Müller" and "Zoe Muller" would clash as one person. */
  const foldAccents = (key: string) => key.normalize('NFD').replace(/\p{M}/gu, '');

  const NEXT: SchemaVersion = {
    version: LATEST_VERSION + 1,
    stores: {
      // Only changed tables are declared; the others carry over from the version before.
      entities: 'id, caseId, [caseId+nameKey], [caseId+type], *aliasKeys, *tags, [caseId+type+nameKey]',
    },
    upgrade: async (transaction) => {
      await transaction
        .table<Entity, string>('entities')
        .toCollection()
        .modify((entity) => {
          entity.nameKey = foldAccents(entity.nameKey);
        });
    },
  };

  it('opens a database written by the latest version with every row kept and the upgrade applied', async () => {
    const name = newName();
    const latest = track(openAtVersion(name, LATEST_VERSION));
    const seeded = await seedRepresentativeCase(latest);
    const before = await snapshot(latest);
    latest.close();

    const next = track(new CasebookDB(name, [...SCHEMA_VERSIONS, NEXT]));
    const after = await snapshot(next);

    expect(next.verno).toBe(NEXT.version);
    expect(keysOf(after, next)).toEqual(keysOf(before, latest));
    // Every table but entities is as it was, byte for byte.
    for (const table of Object.keys(before).filter((table) => table !== 'entities'))
      expect(after[table], table).toEqual(before[table]);
    // Entities changed in their key only.
    const person = await next.entities.get(seeded.person.id);
    expect(person).toEqual({ ...seeded.person, nameKey: 'zoe muller' });
    // The new index answers.
    const found = await next.entities
      .where('[caseId+type+nameKey]')
      .equals([seeded.caseFile.id, 'person', 'zoe muller'])
      .primaryKeys();
    expect(found).toEqual([seeded.person.id]);
  });

  it('leaves a database the domain layer can go on writing to', async () => {
    const name = newName();
    const latest = track(openAtVersion(name, LATEST_VERSION));
    const seeded = await seedRepresentativeCase(latest);
    latest.close();

    const next = track(new CasebookDB(name, [...SCHEMA_VERSIONS, NEXT]));
    await expect(createNote(next, seeded.caseFile.id, { title: 'After the upgrade' })).resolves.toBeTruthy();
    const entity = await createEntity(next, seeded.caseFile.id, { name: 'Ola Nordmann', type: 'person' });
    expect(await next.entities.get(entity.id)).toEqual(entity);
    expect(await next.history.where('caseId').equals(seeded.caseFile.id).count()).toBe(22);
  });

  it('refuses, in the app as it is, a database written by that newer version, and says why', async () => {
    const name = newName();
    const newer = track(new CasebookDB(name, [...SCHEMA_VERSIONS, NEXT]));
    const seeded = await seedRepresentativeCase(newer);
    const written = await snapshot(newer);
    newer.close();

    const current = track(openAtVersion(name, LATEST_VERSION));
    const error = await current.open().then(
      () => expect.fail('a database of a newer version should not open'),
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(Dexie.VersionError);
    expect(describeStorageError(error)).toMatch(/^This case library was written by a newer version of Casebook/);
    expect(current.isOpen()).toBe(false);
    // A query after the failed open fails the same way, rather than reading or writing the newer rows.
    const later = await current.cases.get(seeded.caseFile.id).catch((failure: unknown) => failure);
    expect(describeStorageError(later)).toMatch(/newer version of Casebook/);

    // Nothing was changed, and the newer Casebook is not blocked by the refused connection.
    const reopened = track(new CasebookDB(name, [...SCHEMA_VERSIONS, NEXT]));
    expect(await snapshot(reopened)).toEqual(written);
  });

  it('still opens a database Dexie patched in place at the same version', async () => {
    // Dexie adds a table declared without a version bump by raising the native version by one (10 to 11).
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const name = newName();
    const plain = track(openAtVersion(name, LATEST_VERSION));
    await seedRepresentativeCase(plain);
    plain.close();
    const latest = SCHEMA_VERSIONS.at(-1)!;
    const patchedSchema = [
      ...SCHEMA_VERSIONS.slice(0, -1),
      { ...latest, stores: { ...latest.stores, patchProbe: 'id' } },
    ];
    const patched = track(new CasebookDB(name, patchedSchema));
    await patched.open();
    expect(patched.backendDB().version).toBe(LATEST_VERSION * 10 + 1);
    patched.close();
    expect(warn).toHaveBeenCalled();

    const again = track(openAtVersion(name, LATEST_VERSION));
    await expect(again.open()).resolves.toBe(again);
  });
});

describe('version 7', () => {
  it('turns the tag names excerpts held into the case’s codebook, one tag per name whatever its case or accents', async () => {
    const name = newName();
    const old = track(openAtVersion(name, 6));
    const seeded = await seedRepresentativeCase(old);
    const other = await seedRepresentativeCase(old, 'Quay fire');
    expect(seeded.excerpt.tags).toEqual(['charter']);
    // Version 6 kept whatever was typed: the same name spelt three ways, and a second name.
    await old.excerpts.put({ ...seeded.excerpt, id: 'spelt-again', tags: ['Chàrter ', 'CHARTER', 'Quay', ' '] });
    old.close();

    const upgraded = track(openAtVersion(name, 7));
    const tags = await upgraded.tags.where('caseId').equals(seeded.caseFile.id).sortBy('nameKey');
    expect(tags).toEqual([
      expect.objectContaining({ name: 'charter', nameKey: 'charter', parentId: null, colour: TAG_COLOURS[0], description: '' }),
      expect.objectContaining({ name: 'Quay', nameKey: 'quay', parentId: null, colour: TAG_COLOURS[1] }),
    ]);
    const [charter, quay] = tags as [Tag, Tag];
    expect(await upgraded.excerpts.get(seeded.excerpt.id)).toEqual({ ...seeded.excerpt, tags: [charter.id] });
    expect((await upgraded.excerpts.get('spelt-again'))!.tags).toEqual([charter.id, quay.id]);
    // Each case gets its own codebook.
    const theirs = await upgraded.tags.where('caseId').equals(other.caseFile.id).toArray();
    expect(theirs).toEqual([expect.objectContaining({ nameKey: 'charter' })]);
    expect((await upgraded.excerpts.get(other.excerpt.id))!.tags).toEqual([theirs[0]!.id]);
    // The upgraded excerpts are found by their tag in the multi-entry index.
    expect(await upgraded.excerpts.where('tags').equals(charter.id).primaryKeys()).toEqual(
      expect.arrayContaining([seeded.excerpt.id, 'spelt-again']),
    );
  });
});

describe('version 8', () => {
  it('gives aliases their origin (typed) and folded keys to be found by, and entities no attributes and no tags', async () => {
    const name = newName();
    const old = track(openAtVersion(name, 7));
    const seeded = await seedRepresentativeCase(old);
    expect(seeded.person.aliases).toEqual(['Z. Müller']);
    expect(seeded.person).not.toHaveProperty('attributes');
    // Version 7 kept an alias in another case than one already there, one that was the name itself, and blank ones.
    const organisation = { ...seeded.organisation, aliases: ['Nordlys  AS', 'NORDLYS  as', 'nordlys shipping', ' '] } as unknown as Entity;
    await old.entities.put(organisation);
    old.close();

    const upgraded = track(openAtVersion(name, 8));
    expect(await upgraded.entities.get(seeded.person.id)).toEqual({
      ...seeded.person,
      aliases: [{ name: 'Z. Müller', origin: 'typed' }],
      aliasKeys: ['z. müller'],
      attributes: [],
      tags: [],
    });
    expect(await upgraded.entities.get(seeded.organisation.id)).toMatchObject({
      aliases: [{ name: 'Nordlys  AS', origin: 'typed' }],
      aliasKeys: ['nordlys as'],
    });
    // Found by alias through the new index, whatever the case and spacing it is asked in.
    expect(await upgraded.entities.where('aliasKeys').equals('z. müller').primaryKeys()).toEqual([seeded.person.id]);
    expect(await entitiesNamed(upgraded, seeded.caseFile.id, ' Z.  MÜLLER')).toEqual([expect.objectContaining({ id: seeded.person.id })]);
    for (const table of ['entityTypes', 'relationshipTypes', 'relationships', 'dismissedSuggestions', 'chartLayouts'])
      expect(await upgraded.table(table).count(), table).toBe(0);

    // The upgraded entities take relationships, and the new tables empty with their case.
    const relationship = await createRelationship(upgraded, seeded.caseFile.id, {
      from: seeded.person.id,
      to: seeded.organisation.id,
      type: 'works-for',
    });
    expect(await upgraded.relationships.where('ends').equals(seeded.organisation.id).toArray()).toEqual([relationship]);
    await saveChartLayout(upgraded, seeded.caseFile.id, { [seeded.person.id]: { x: 1, y: 2 } });
    await deleteCase(upgraded, seeded.caseFile.id);
    for (const table of ['relationships', 'chartLayouts', 'entities']) expect(await upgraded.table(table).count(), table).toBe(0);
  });

  it('seeds its representative case with a relationship, a type of the case’s own and an arranged chart', async () => {
    const name = newName();
    const latest = track(openAtVersion(name, 8));
    const seeded = await seedRepresentativeCase(latest);
    expect(seeded.relationship).toMatchObject({ type: 'works-for', confidence: 'probable', excerptIds: [seeded.excerpt.id] });
    expect(await latest.entityTypes.count()).toBe(1);
    expect(await latest.chartLayouts.get(seeded.caseFile.id)).toMatchObject({ positions: { [seeded.person.id]: { x: 10, y: 20 } } });
  });
});

describe('version 9', () => {
  it('gives cases written by version 9 no locale of their own: their dates are read as the computer reads them', async () => {
    const name = newName();
    const old = track(openAtVersion(name, 9));
    const seeded = await seedRepresentativeCase(old);
    // A case as version 9 wrote it, without the field.
    await old.cases.update(seeded.caseFile.id, { locale: undefined });
    const written = await old.cases.get(seeded.caseFile.id);
    expect(written).not.toHaveProperty('locale');
    old.close();

    const upgraded = track(openAtVersion(name, 10));
    expect(await upgraded.cases.get(seeded.caseFile.id)).toEqual({ ...written, locale: null });
  });

  it('gives events written by version 8 unqualified dates, their links as participants, evidence and place, and the new sort key', async () => {
    const name = newName();
    const old = track(openAtVersion(name, 8));
    const seeded = await seedRepresentativeCase(old);
    expect(seeded.event).not.toHaveProperty('participants');
    expect(seeded.event.sortKey).toBe('2021-03-09T06:00');
    const quay = await createEntity(old, seeded.caseFile.id, { name: 'Marlow Quay', type: 'place' });
    const at = new Date().toISOString();
    const link = (to: RecordRef, kind: Link['kind']): Link => ({
      id: crypto.randomUUID(), caseId: seeded.caseFile.id, from: { type: 'event', id: seeded.event.id }, to, kind,
      ends: [seeded.event.id, to.id], createdAt: at, updatedAt: at,
    });
    // Links as version 8 wrote them, without the fields the domain keeps in step with them now.
    await old.links.bulkAdd([
      link({ type: 'entity', id: seeded.person.id }, 'involves'),
      link({ type: 'entity', id: seeded.organisation.id }, 'located-in'),
      link({ type: 'entity', id: quay.id }, 'located-in'),
    ]);
    old.close();

    const upgraded = track(openAtVersion(name, 9));
    const event = (await upgraded.events.get(seeded.event.id))!;
    expect(event).toEqual({
      ...seeded.event,
      start: { value: '2021-03-09T06:00', precision: 'minute', qualifier: null },
      end: { value: '2021-03', precision: 'month', qualifier: null },
      sortKey: `2021-03-09T06:00 ${seeded.event.createdAt}`,
      participants: [{ entityId: seeded.person.id, role: null }],
      participantIds: [seeded.person.id],
      evidenceIds: [seeded.excerpt.id],
      // The organisation is no place: only the place entity becomes the event's place.
      placeId: quay.id,
      tags: [],
      confidence: 'unverified',
      status: 'unverified',
      sameAs: null,
    });
    // Found through the new indexes, and undated events (none here) would sort after it.
    expect(await upgraded.events.where('participantIds').equals(seeded.person.id).primaryKeys()).toEqual([event.id]);
    expect(await upgraded.events.where('evidenceIds').equals(seeded.excerpt.id).primaryKeys()).toEqual([event.id]);
    expect(await upgraded.events.where('placeId').equals(quay.id).primaryKeys()).toEqual([event.id]);
    const undated = await createEvent(upgraded, seeded.caseFile.id, { title: 'Meeting at the quay' });
    const early = await createEvent(upgraded, seeded.caseFile.id, { title: 'Company founded', start: { value: '2019', precision: 'year' } });
    expect((await timeline(upgraded, seeded.caseFile.id)).map((one) => one.id)).toEqual([early.id, event.id, undated.id]);
  });
});

describe('version 11', () => {

  it('puts the notes of version 10 at the top level of their case’s tree, most recently edited first, none pinned', async () => {
    const name = newName();
    const old = track(openAtVersion(name, 10));
    const seeded = await seedRepresentativeCase(old);
    expect(seeded.note).not.toHaveProperty('position');
    // Two more notes as version 10 wrote them, edited later than the seeded one; and one in another case.
    const at = (minutes: number) => new Date(Date.parse(seeded.note.updatedAt) + minutes * 60_000).toISOString();
    const legacy = (title: string, caseId: string, updatedAt: string) =>
      ({ id: crypto.randomUUID(), caseId, title, body: null, createdAt: seeded.note.createdAt, updatedAt }) as Note;
    const latest = legacy('Latest lead', seeded.caseFile.id, at(20));
    const middle = legacy('Middle lead', seeded.caseFile.id, at(10));
    const other = legacy('Elsewhere', 'another-case', at(5));
    await old.notes.bulkAdd([middle, latest, other]);
    old.close();

    const upgraded = track(openAtVersion(name, 11));
    const notes = await upgraded.notes.where('caseId').equals(seeded.caseFile.id).toArray();
    expect(notes.every((note) => note.parentId === null && note.pinned === false)).toBe(true);
    expect(notes.sort(byPosition).map((note) => note.title)).toEqual(['Latest lead', 'Middle lead', 'Open questions']);
    expect(await upgraded.notes.get(seeded.note.id)).toEqual({ ...seeded.note, parentId: null, position: expect.any(String), pinned: false });
    expect(await upgraded.notes.get(other.id)).toMatchObject({ parentId: null, pinned: false, position: expect.any(String) });
    expect(await upgraded.noteFolders.count()).toBe(0);
    expect(await upgraded.attachments.count()).toBe(0);

    // The upgraded notes go into folders, take images, and the new tables empty with their case.
    const folder = await createNoteFolder(upgraded, seeded.caseFile.id, { name: 'Leads' });
    await moveInNoteTree(upgraded, seeded.caseFile.id, { type: 'note', id: middle.id }, { parentId: folder.id, index: 0 });
    const image = await addNoteAttachment(upgraded, middle.id, { name: 'quay.png', mimeType: 'image/png', bytes: new Uint8Array([137, 80, 78, 71]) });
    expect(image).toMatchObject({ caseId: seeded.caseFile.id, noteId: middle.id, size: 4 });
    await deleteCase(upgraded, seeded.caseFile.id);
    for (const table of ['notes', 'noteFolders', 'attachments'])
      expect(await upgraded.table(table).where('caseId').equals(seeded.caseFile.id).count(), table).toBe(0);
  });
});

describe('version 12', () => {
  it('adds the report options remembered per case, read as the defaults where none or damaged, emptied with their case', async () => {
    const name = newName();
    const old = track(openAtVersion(name, 11));
    const seeded = await seedRepresentativeCase(old);
    old.close();

    const upgraded = track(openAtVersion(name, 12));
    expect(await upgraded.reportOptions.count()).toBe(0);
    expect(await reportOptionsOf(upgraded, seeded.caseFile.id)).toEqual(DEFAULT_REPORT_OPTIONS);

    const chosen = { ...DEFAULT_REPORT_OPTIONS, author: 'Ilse Maren', paper: 'Letter' as const };
    await saveReportOptions(upgraded, seeded.caseFile.id, chosen);
    expect(await reportOptionsOf(upgraded, seeded.caseFile.id)).toEqual(chosen);
    // Options a later version (or a damaged disk) wrote that this one cannot read: the defaults, not a failure.
    await upgraded.reportOptions.put({ caseId: seeded.caseFile.id, options: { paper: 'A0', sections: 'all' }, updatedAt: new Date().toISOString() });
    expect(await reportOptionsOf(upgraded, seeded.caseFile.id)).toEqual(DEFAULT_REPORT_OPTIONS);

    await deleteCase(upgraded, seeded.caseFile.id);
    expect(await upgraded.reportOptions.count()).toBe(0);
  });
});
