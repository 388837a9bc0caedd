/**
 * Helpers for tests of the data layer: fresh databases (alone or with a case, made before each test and deleted after
 * it), databases as an older Casebook left them, a representative case to fill them with, and a way to read every
 * row back. Only tests import this module.
 */
import { afterEach, beforeEach } from 'vitest';
import type {
  CaseDocument,
  CaseFile,
  Entity,
  EventDate,
  Excerpt,
  Link,
  Note,
  RecordRef,
  Relationship,
  TimelineEvent,
} from '../../shared/domain';
import {
  addNoteAttachment,
  createNoteFolder,
  createCase,
  createEntities,
  createEntityType,
  createRelationship,
  createRelationshipType,
  dismissSuggestion,
  saveChartLayout,
  saveReportOptions,
  createEntity,
  createEvent,
  createExcerpt,
  createTag,
  createNote,
  createTextDocument,
  importDocument,
  linkRecords,
  recordRecognisedText,
  sha256Hex,
  updateNote,
} from '../../renderer/src/domain';
import { DEFAULT_REPORT_OPTIONS } from '../../renderer/src/report/options';
import { emptyDocument } from '../../renderer/src/import/document';
import { attachmentSrc } from '../../renderer/src/editor/attachmentSource';
import { recordByRef } from '../../renderer/src/db/queries/records';
import { CaseSearchIndex } from '../../renderer/src/search/SearchIndex';
import { CasebookDB, SCHEMA_VERSIONS, type SchemaVersion } from '../../renderer/src/db/schema';
import { sortKeyOf } from '../../shared/partialDate';

/** A database under a name no other test uses. Delete it with `db.delete()` when the test ends. */
export function freshDatabase(versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): CasebookDB {
  return new CasebookDB(`test-${crypto.randomUUID()}`, versions);
}

/**
 * Before each test of the file (or `describe` block) that calls it, a fresh database, given to `use`; after each test,
 * the database deleted. Hooks registered after this one run after it, and their `afterEach` before the deletion.
 */
export function withDatabase(use: (db: CasebookDB) => void): void {
  let db: CasebookDB | undefined;
  beforeEach(() => {
    db = freshDatabase();
    use(db);
  });
  afterEach(async () => {
    await db?.delete();
  });
}

/** What `withCase` gives each test. */
export interface DatabaseWithCase {
  db: CasebookDB;
  /** The one case in the database, empty. */
  caseFile: CaseFile;
}

/**
 * As `withDatabase`, with one empty case in the database, "Harbour charter" unless `name` says otherwise:
 * `withCase((fresh) => ({ db, caseFile } = fresh))`. Hooks registered after it can add records to the case.
 */
export function withCase(
  use: (fresh: DatabaseWithCase) => void,
  options: {
    name?: string;
    /** Runs on the database before the case's creation opens it: Dexie middleware (search indexing) goes on then. */
    beforeOpen?: (db: CasebookDB) => void;
  } = {},
): void {
  let db: CasebookDB;
  withDatabase((fresh) => {
    db = fresh;
    options.beforeOpen?.(fresh);
  });
  beforeEach(async () => {
    use({ db, caseFile: await createCase(db, { name: options.name ?? 'Harbour charter' }) });
  });
}

/** Records of a case to link to each other: two entities, a person and an organisation, and an event. */
export async function recordsToLink(db: CasebookDB, caseId: string): Promise<{ person: Entity; organisation: Entity; event: TimelineEvent }> {
  const person = await createEntity(db, caseId, { name: 'Zoë Müller', type: 'person' });
  const organisation = await createEntity(db, caseId, { name: 'Nordlys Shipping', type: 'organisation' });
  const event = await createEvent(db, caseId, {
    title: 'Charter signed',
    start: { value: '2021-03', precision: 'month' },
  });
  return { person, organisation, event };
}

/** The reference a link makes to an entity or an event. */
export const refTo = (record: Entity | TimelineEvent): RecordRef => ({
  type: 'title' in record ? 'event' : 'entity',
  id: record.id,
});

/** The database as the Casebook that shipped schema `version` saw it: that version and the ones before it. */
export function openAtVersion(name: string, version: number): CasebookDB {
  if (!SCHEMA_VERSIONS.some((known) => known.version === version))
    throw new Error(`Schema version ${version} is not in SCHEMA_VERSIONS.`);
  return new CasebookDB(
    name,
    SCHEMA_VERSIONS.filter((known) => known.version <= version),
  );
}

/** What `seedRepresentativeCase` wrote, so tests can find each record again. */
export interface SeededCase {
  caseFile: CaseFile;
  document: CaseDocument;
  documentText: string;
  /** From version 4 on: a saved page whose site text was removed at import, its text as extracted kept as version 1. */
  cleanedPage: CaseDocument | null;
  excerpt: Excerpt;
  person: Entity;
  organisation: Entity;
  event: TimelineEvent;
  note: Note;
  /** Excerpt mentions person, person works for organisation, event has the excerpt as evidence. */
  links: Link[];
  /**
   * From version 8 on: the person works for the organisation as a relationship too (from 2019, probable, supported by
   * the excerpt); the case has a type of its own ("Handle"), a dismissed suggestion and a chart with both placed.
   */
  relationship: Relationship | null;
}

type Seeder = (db: CasebookDB, caseName: string) => Promise<SeededCase>;

/** Writes the representative case through the domain layer, which always writes the latest schema's shape. */
const seedThroughDomain: Seeder = async (db, caseName) => {
  const caseFile = await createCase(db, { name: caseName });
  const documentText = 'Zoë Müller signed the charter for the vessel “Nordlys” on 9 March 2021 at 06:00.';
  const document = await createTextDocument(db, caseFile.id, {
    title: 'Harbour master’s log',
    text: documentText,
    sourceUrl: 'https://example.org/log',
  });
  const quote = 'Zoë Müller signed the charter';
  const start = documentText.indexOf(quote);
  const has = (name: string) => db.tables.some((table) => table.name === name);
  // From version 6 on, the case's codebook holds a tag (version 7 on: the excerpt is coded with it, by id).
  const charter = has('tags') ? await createTag(db, caseFile.id, { name: 'Charter' }) : null;
  const excerpt = await createExcerpt(db, caseFile.id, {
    documentId: document.id,
    quote,
    anchor: { start, end: start + quote.length, prefix: '', suffix: ' for the vessel', page: null },
    tags: charter ? [charter.id] : [],
  });
  const [person, organisation] = (await createEntities(db, caseFile.id, [
    {
      name: 'Zoë Müller',
      type: 'person',
      aliases: ['Z. Müller'],
      // Attributes from version 8 on; the domain of the day writes them, and legacy seeders take them off.
      attributes: [{ key: 'Nationality', value: 'Norwegian', start: { value: '2019', precision: 'year' } }],
    },
    { name: 'Nordlys Shipping', type: 'organisation' },
  ])) as [Entity, Entity];
  const event = await createEvent(db, caseFile.id, {
    title: 'Charter signed',
    start: { value: '2021-03-09T06:00', precision: 'minute' },
    end: { value: '2021-03', precision: 'month' },
  });
  const noteBody = { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Who paid?' }] }] };
  let note: Note;
  if (has('noteFolders')) {
    // From version 11 on, the note stands in a folder of the case's notes and keeps a pasted image.
    const folder = await createNoteFolder(db, caseFile.id, { name: 'Leads' });
    const written = await createNote(db, caseFile.id, { title: 'Open questions' }, { parentId: folder.id });
    const image = await addNoteAttachment(db, written.id, { name: 'quay.png', mimeType: 'image/png', bytes: new Uint8Array([137, 80, 78, 71]) });
    note = await updateNote(db, written.id, {
      title: 'Open questions',
      body: { ...noteBody, content: [...noteBody.content, { type: 'image', attrs: { src: attachmentSrc(image.id), alt: 'quay.png' } }] },
    });
  } else {
    // Before version 11 the domain of the day (which now places notes in a tree) wrote notes as they stand here.
    const at = new Date().toISOString();
    note = { id: crypto.randomUUID(), caseId: caseFile.id, title: 'Open questions', body: noteBody, createdAt: at, updatedAt: at } as Note;
    await db.notes.add(note);
  }
  const ref = (type: RecordRef['type'], id: string): RecordRef => ({ type, id });
  const links = [
    await linkRecords(db, caseFile.id, {
      from: ref('excerpt', excerpt.id),
      to: ref('entity', person.id),
      kind: 'mentions',
    }),
    await linkRecords(db, caseFile.id, {
      from: ref('entity', person.id),
      to: ref('entity', organisation.id),
      kind: 'works-for',
    }),
    await linkRecords(db, caseFile.id, {
      from: ref('event', event.id),
      to: ref('excerpt', excerpt.id),
      kind: 'evidence',
    }),
  ];
  // A scanned page whose text was recognised (OCR, from version 4) keeps its words apart. Importing writes through
  // the domain of the day, which keeps earlier texts too (version 5): so from version 5 on.
  if (has('recognisedPages') && has('documentVersions')) {
    const bytes = new TextEncoder().encode(`%PDF-1.7 scanned charter ${caseName}`);
    const scan = await importDocument(db, caseFile.id, {
      fileName: 'charter-scan.pdf',
      mimeType: 'application/pdf',
      bytes,
      sha256: await sha256Hex(bytes),
      extracted: {
        kind: 'pdf', title: 'Charter (scan)', text: '', html: null, charset: null, authors: [], publishedAt: null, sourceUrl: null,
        siteName: null, language: 'en', pages: [{ page: 1, start: 0, end: 0 }], pageCount: 1, textLayer: false, warnings: [],
        cleanup: null,
      },
    });
    await recordRecognisedText(db, scan.id, {
      language: 'eng',
      engine: 'tesseract.js 7.0.0',
      pages: [{ page: 1, text: 'Charter Nordlys', width: 100, height: 50, confidence: 90, words: [
        { text: 'Charter', start: 0, end: 7, box: [0, 0, 40, 10], confidence: 92, line: 0 },
        { text: 'Nordlys', start: 8, end: 15, box: [45, 0, 90, 10], confidence: 88, line: 0 },
      ] }],
    });
  }
  // From version 8 on, relationships, the case's own types, dismissed suggestions and the chart.
  let relationship: Relationship | null = null;
  if (has('relationships')) {
    relationship = await createRelationship(db, caseFile.id, {
      from: person.id,
      to: organisation.id,
      type: 'works-for',
      start: { value: '2019', precision: 'year' },
      confidence: 'probable',
      excerptIds: [excerpt.id],
    });
    await createEntityType(db, caseFile.id, { name: 'Handle', colour: '#0e7490' });
    await createRelationshipType(db, caseFile.id, { label: 'skipper of', inverse: 'skippered by' });
    await dismissSuggestion(db, caseFile.id, { name: 'Harbour Master', type: 'person' });
    await saveChartLayout(db, caseFile.id, { [person.id]: { x: 10, y: 20 }, [organisation.id]: { x: 200, y: 20 } });
  }
  // From version 12 on, the options its report was last exported with.
  if (has('reportOptions'))
    await saveReportOptions(db, caseFile.id, { ...DEFAULT_REPORT_OPTIONS, author: 'Ilse Maren', paper: 'Letter' });
  // From version 4 on, a saved page cleaned up at import, with its text as extracted kept as a version.
  let cleanedPage: CaseDocument | null = null;
  if (db.tables.some((table) => table.name === 'documentVersions')) {
    const extracted = 'Share this article\n\nThe charter was signed at dawn on the quay.\n\nADVERTISEMENT';
    const bytes = new TextEncoder().encode(`<p>${extracted}</p>`);
    cleanedPage = await importDocument(db, caseFile.id, {
      fileName: 'charter.html',
      mimeType: 'text/html',
      bytes,
      sha256: await sha256Hex(bytes),
      extracted: {
        ...emptyDocument('html'),
        title: 'Charter signed',
        text: 'The charter was signed at dawn on the quay.',
        html: '<p data-lines="0">Share this article</p><p data-lines="2">The charter was signed at dawn on the quay.</p><p data-lines="4">ADVERTISEMENT</p>',
        cleanup: {
          originalText: extracted,
          removed: [
            { index: 0, text: 'Share this article', reason: 'Share button' },
            { index: 4, text: 'ADVERTISEMENT', reason: 'Advertisement label' },
          ],
        },
      },
    });
  }
  // From version 3 on, the case's search index is saved too.
  if (db.tables.some((table) => table.name === 'searchIndexes')) {
    const index = new CaseSearchIndex(db, caseFile.id);
    await index.flush();
    index.close();
  }
  return { caseFile, document, documentText, cleanedPage, excerpt, person, organisation, event, note, links, relationship };
};

/** An entity as versions 1 to 7 stored it: aliases as plain names, no attribute, tag or folded alias key. */
export function legacyEntity(entity: Entity): Entity {
  const { aliasKeys: _keys, attributes: _attributes, tags: _tags, ...rest } = entity;
  return { ...rest, aliases: entity.aliases.map((alias) => alias.name) } as unknown as Entity;
}

/**
 * An event as versions 1 to 8 stored it: a start always, dates without qualifiers, the padded start alone as its sort
 * key, and none of place, participants, evidence, tags, confidence, status or sameAs.
 */
export function legacyEvent(event: TimelineEvent): TimelineEvent {
  const plain = (date: EventDate | null) => (date ? { value: date.value, precision: date.precision } : null);
  const { id, caseId, title, description, createdAt, updatedAt } = event;
  const start = plain(event.start) ?? { value: '2021', precision: 'year' as const };
  return { id, caseId, title, start, end: plain(event.end), sortKey: sortKeyOf(start), description, createdAt, updatedAt } as unknown as TimelineEvent;
}

/**
 * A seeder for an older version: the representative case, its document and excerpt without the fields added since,
 * its entities as versions before 8 stored them (unless `legacyEntities` is false) and its event as versions before 9
 * did. Before version 7 (`tagNames`) an excerpt's tags were names.
 */
function withoutFields(
  documentFields: readonly (keyof CaseDocument)[],
  excerptFields: readonly (keyof Excerpt)[] = EXCERPT_FIELDS_SINCE_6,
  { tagNames = true, legacyEntities = true }: { tagNames?: boolean; legacyEntities?: boolean } = {},
): Seeder {
  return async (db, caseName) => {
    const seeded = await seedThroughDomain(db, caseName);
    const document = { ...seeded.document } as Partial<CaseDocument>;
    for (const field of documentFields) delete document[field];
    await db.documents.put(document as CaseDocument);
    // Before version 7 an excerpt's tags were names typed freely, and no version wrote the codebook's table.
    const excerpt = { ...seeded.excerpt, ...(tagNames && { tags: ['charter'] }) } as Partial<Excerpt>;
    for (const field of excerptFields) delete excerpt[field];
    if (tagNames && db.tables.some((table) => table.name === 'tags')) await db.tags.clear();
    await db.excerpts.put(excerpt as Excerpt);
    const [person, organisation] = legacyEntities ? [legacyEntity(seeded.person), legacyEntity(seeded.organisation)] : [seeded.person, seeded.organisation];
    await db.entities.bulkPut([person, organisation]);
    const event = legacyEvent(seeded.event);
    await db.events.put(event);
    const note = legacyNote(seeded.note);
    await db.notes.put(note);
    return { ...seeded, document: document as CaseDocument, excerpt: excerpt as Excerpt, person, organisation, event, note };
  };
}

/** A note as versions 1 to 10 stored it: no folder, place in a folder, or pin. */
export function legacyNote(note: Note): Note {
  const { parentId: _parentId, position: _position, pinned: _pinned, ...rest } = note;
  return rest as Note;
}

/** Versions 9 and 10 wrote every record as the domain does now, but notes, which had no place in a tree yet. */
const notesBeforeTree: Seeder = async (db, caseName) => {
  const seeded = await seedThroughDomain(db, caseName);
  const note = legacyNote(seeded.note);
  await db.notes.put(note);
  return { ...seeded, note };
};

/** Excerpts learned whether their quote is lost (orphaned) and where a deleted document's excerpt came from in version 6. */
const EXCERPT_FIELDS_SINCE_6: readonly (keyof Excerpt)[] = ['orphaned', 'detachedFrom'];

/**
 * Seeders for schema versions whose shape the domain layer no longer writes. When a new version changes how a
 * table is stored, add the version it replaces here, writing that version's shape to the tables directly.
 */
const LEGACY_SEEDERS: Partial<Record<number, Seeder>> = {
  // Version 1 documents had no siteName, charset, pages, pageCount, textLayer or warnings (nor what later versions added).
  1: withoutFields(['siteName', 'charset', 'pages', 'pageCount', 'textLayer', 'warnings', 'ocr', 'cleanup', 'textVersion']),
  // Versions 2 and 3 documents had no text recognition (version 4), no clean-up and no text version (version 5).
  2: withoutFields(['ocr', 'cleanup', 'textVersion']),
  3: withoutFields(['ocr', 'cleanup', 'textVersion']),
  4: withoutFields(['cleanup', 'textVersion']),
  5: withoutFields([]),
  6: withoutFields([], []),
  // Version 7 coded excerpts with the codebook; its entities still had plain-name aliases (version 8 gave them origins).
  7: withoutFields([], [], { tagNames: false }),
  // Version 8 gave entities what they have now; its events had a start always, no qualifiers and no place, participants or evidence.
  8: withoutFields([], [], { tagNames: false, legacyEntities: false }),
  // Versions 9 and 10 notes stood in a flat list (version 11 put them in a tree).
  9: notesBeforeTree,
  10: notesBeforeTree,
};

/**
 * Fills the database with one case holding a record of every kind (document with its file, excerpt, entities,
 * event, note, links), its change history and (from version 3) its saved search index, in the shape of the schema
 * version the database was declared with.
 */
export function seedRepresentativeCase(db: CasebookDB, caseName = 'Harbour charter'): Promise<SeededCase> {
  const seeder = LEGACY_SEEDERS[db.verno] ?? seedThroughDomain;
  return seeder(db, caseName);
}

export type TableSnapshot = Record<string, unknown[]>;

/**
 * Every row of every table the database declares, in primary-key order. Blobs become their type and bytes, so two
 * snapshots compare by content.
 */
export async function snapshot(db: CasebookDB): Promise<TableSnapshot> {
  const tables: TableSnapshot = {};
  for (const table of db.tables) {
    const rows = await table.toArray();
    tables[table.name] = await Promise.all(rows.map(readBlobs));
  }
  return tables;
}

async function readBlobs(row: unknown): Promise<unknown> {
  if (typeof row !== 'object' || row === null) return row;
  const entries = await Promise.all(
    Object.entries(row).map(async ([key, value]) =>
      value instanceof Blob
        ? [key, { blobType: value.type, bytes: new Uint8Array(await value.arrayBuffer()) }]
        : [key, value],
    ),
  );
  return Object.fromEntries(entries);
}

/** Links with an end that names no record of the link's case: what a cascade must never leave behind. */
export async function danglingLinks(db: CasebookDB): Promise<Link[]> {
  const dangling: Link[] = [];
  for (const link of await db.links.toArray()) {
    const ends = await Promise.all([recordByRef(db, link.from), recordByRef(db, link.to)]);
    if (ends.some((record) => !record || record.caseId !== link.caseId)) dangling.push(link);
  }
  return dangling;
}

/**
 * The error an operation fails with; fails the test if the operation succeeds, or, given the kind of error expected
 * (`ValidationError`), if it fails with another.
 */
export async function rejection(promise: Promise<unknown>): Promise<unknown>;
export async function rejection<E extends Error>(promise: Promise<unknown>, kind: abstract new (...args: never[]) => E): Promise<E>;
export async function rejection(promise: Promise<unknown>, kind?: abstract new (...args: never[]) => Error): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    if (kind && !(error instanceof kind)) throw error;
    return error;
  }
  throw new Error('Expected the operation to fail, but it succeeded.');
}
