/**
 * Helpers for tests of the case archive (shared/archive/): a case read back from the database as an archive holds it,
 * every row through JSON with its bytes as references to file entries. Only tests import this module.
 */
import {
  createEntity,
  createEvent,
  createExcerpt,
  createNote,
  createRelationship,
  createTag,
  createTextDocument,
  deleteRecord,
  deleteTag,
  dismissDateSuggestion,
  markSameHappening,
  mergeEntities,
  saveReportOptions,
  sha256Hex,
  undoMerge,
} from '../../renderer/src/domain';
import type { CasebookDB } from '../../renderer/src/db/schema';
import { DEFAULT_REPORT_OPTIONS } from '../../renderer/src/report/options';
import { ARCHIVED_TABLES, binaryFields, type ArchivedCase, type ArchivedFileRef } from '../../shared/archive/records';
import type { RichText } from '../../shared/domain';
import { BlobReader, BlobWriter, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter } from '@zip.js/zip.js';
import { beforeEach } from 'vitest';
import { MANIFEST_PATH, type ArchiveManifest } from '../../shared/archive/format';
import { seedRepresentativeCase, snapshot, withDatabase, type SeededCase } from './database';

/** A Blob as `snapshot` reads it. */
interface ReadBlob {
  blobType: string;
  bytes: Uint8Array;
}

/** Bytes as the archive refers to them: by the hash of the entry holding them. */
async function fileRef(blob: ReadBlob): Promise<ArchivedFileRef> {
  return { file: await sha256Hex(blob.bytes), size: blob.bytes.byteLength, ...(blob.blobType && { type: blob.blobType }) };
}

/**
 * Every row of the database's one case as an archive holds it: its binary fields as file references, then through
 * `JSON.stringify` and `JSON.parse`, as the import reads them. Not yet checked against the archive's schemas.
 */
export async function archivedRows(db: CasebookDB): Promise<Record<(typeof ARCHIVED_TABLES)[number], unknown[]>> {
  const tables = await snapshot(db);
  const archived = {} as Record<(typeof ARCHIVED_TABLES)[number], unknown[]>;
  for (const table of ARCHIVED_TABLES) {
    archived[table] = await Promise.all(
      (tables[table] ?? []).map(async (row) => {
        const copy = { ...(row as Record<string, unknown>) };
        for (const field of binaryFields(table)) copy[field] = await fileRef(copy[field] as ReadBlob);
        return copy;
      }),
    );
  }
  return JSON.parse(JSON.stringify(archived)) as Record<(typeof ARCHIVED_TABLES)[number], unknown[]>;
}

/** The rows as typed archive rows, for tests whose rows passed (or need not pass) the schemas. */
export const asArchivedCase = (rows: Record<string, unknown[]>): ArchivedCase => rows as unknown as ArchivedCase;

/** A deep copy, to change one row of a case without touching the others' tests. */
export const copyOf = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** What `seedFullerCase` adds to the representative case. */
export interface FullerCase extends SeededCase {
  /** Mentioned in the note, then deleted: its mention stays in the text. */
  ghostId: string;
  /** An event citing the excerpt, with a place, a participant, a tag of the codebook and a tag since deleted. */
  paymentId: string;
  /** Quayline Logistics, into which "Quay Line" was merged (merged, undone, merged again). */
  quaylineId: string;
  /** Deleted with its excerpt kept as a detached quote. */
  deletedDocumentId: string;
}

/**
 * The representative case with what only a lived-in case holds: an entity of the case's own type, nested tags, an
 * event with place, participant, evidence and tags, two events marked the same happening, a relationship of the
 * case's own type, a note mentioning an entity and quoting an excerpt, entities merged (with an undo and its undoing),
 * a dismissed date, report options that select records, a document deleted with its excerpt detached, a tag deleted
 * off an event and an entity deleted while a note mentions it.
 */
export async function seedFullerCase(db: CasebookDB, caseName = 'Harbour charter'): Promise<FullerCase> {
  const seeded = await seedRepresentativeCase(db, caseName);
  const caseId = seeded.caseFile.id;
  const [handleType] = await db.entityTypes.toArray();
  const [skipperOf] = await db.relationshipTypes.toArray();
  const [charter] = await db.tags.toArray();
  const payments = await createTag(db, caseId, { name: 'Payments', parentId: charter!.id });
  const stale = await createTag(db, caseId, { name: 'Stale' });
  const handle = await createEntity(db, caseId, { name: '@quayline', type: handleType!.id, tags: [payments.id] });
  const corranBay = await createEntity(db, caseId, { name: 'Corran Bay', type: 'place' });
  const quayline = await createEntity(db, caseId, { name: 'Quayline Logistics', type: 'organisation' });
  const quayLine = await createEntity(db, caseId, { name: 'Quay Line', type: 'organisation' });
  const ghost = await createEntity(db, caseId, { name: 'Harbour ghost', type: 'person' });
  await createRelationship(db, caseId, { from: seeded.person.id, to: handle.id, type: skipperOf!.id });
  const payment = await createEvent(db, caseId, {
    title: 'Payment to Corran Bay',
    start: { value: '2021-03-10', precision: 'day', qualifier: 'about' },
    placeId: corranBay.id,
    participants: [{ entityId: quayLine.id, role: 'payer' }],
    evidenceIds: [seeded.excerpt.id],
    tags: [payments.id, stale.id],
  });
  await markSameHappening(db, payment.id, seeded.event.id);
  const mergedOnce = await db.history.count();
  await mergeEntities(db, quayline.id, [quayLine.id]);
  const mergeSeq = (await db.history.orderBy('seq').last())!.seq!;
  if (mergeSeq <= mergedOnce) throw new Error('The merge wrote no history entry.');
  await undoMerge(db, mergeSeq);
  await mergeEntities(db, quayline.id, [quayLine.id]);
  const body: RichText = {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Ask ' },
          { type: 'recordLink', attrs: { type: 'entity', id: seeded.person.id, label: seeded.person.name, as: 'mention' } },
          { type: 'text', text: ' about ' },
          { type: 'recordLink', attrs: { type: 'entity', id: ghost.id, label: ghost.name, as: 'mention' } },
          { type: 'text', text: ' and ', marks: [{ type: 'bold' }] },
          { type: 'recordLink', attrs: { type: 'event', id: payment.id, label: payment.title, as: 'dated' } },
        ],
      },
      { type: 'excerptQuote', attrs: { id: seeded.excerpt.id, quote: seeded.excerpt.quote, citation: 'Harbour master’s log' } },
    ],
  };
  await createNote(db, caseId, { title: 'Leads on Quayline', body });
  await deleteRecord(db, { type: 'entity', id: ghost.id });
  await deleteTag(db, stale.id, 'remove');
  await dismissDateSuggestion(db, caseId, { documentId: seeded.document.id, words: '9 March 2021', sentence: seeded.documentText });
  const gone = await createTextDocument(db, caseId, { title: 'Deck log', text: 'Quayline paid 40,000 euros in cash on the quay.' });
  await createExcerpt(db, caseId, { documentId: gone.id, quote: 'Quayline paid 40,000 euros', anchor: { start: 0, end: 26, prefix: '', suffix: ' in cash', page: null } });
  await dismissDateSuggestion(db, caseId, { documentId: gone.id, words: 'on the quay', sentence: 'Quayline paid 40,000 euros in cash on the quay.' });
  await deleteRecord(db, { type: 'document', id: gone.id }, { excerpts: 'detach' });
  await saveReportOptions(db, caseId, {
    ...DEFAULT_REPORT_OPTIONS,
    selection: { ...DEFAULT_REPORT_OPTIONS.selection, tagIds: [charter!.id], entityIds: [seeded.person.id], noteIds: [seeded.note.id], documentIds: [seeded.document.id] },
  });
  return { ...seeded, ghostId: ghost.id, paymentId: payment.id, quaylineId: quayline.id, deletedDocumentId: gone.id };
}

/** What `withArchivedCase` gives each test: the database, the fuller case in it, and its rows as an archive holds them. */
export interface DatabaseWithArchivedCase {
  db: CasebookDB;
  seeded: FullerCase;
  archive: ArchivedCase;
}

/** Before each test, a fresh database holding `seedFullerCase`, read back as an archive holds it (as `withCase` does). */
export function withArchivedCase(use: (fresh: DatabaseWithArchivedCase) => void): void {
  let db: CasebookDB;
  withDatabase((fresh) => (db = fresh));
  beforeEach(async () => {
    const seeded = await seedFullerCase(db);
    use({ db, seeded, archive: asArchivedCase(await archivedRows(db)) });
  });
}

// ---- archives as files, and archives edited

/** Each entry of an archive, by name. */
export async function entriesOf(archive: Blob): Promise<Map<string, Uint8Array>> {
  const zip = new ZipReader(new BlobReader(archive));
  const entries = new Map<string, Uint8Array>();
  for (const entry of await zip.getEntries()) if (!entry.directory) entries.set(entry.filename, await entry.getData(new Uint8ArrayWriter()));
  await zip.close();
  return entries;
}

/** An archive written again with `edit` applied to its entries and manifest; the manifest's hashes are kept as edited. */
export async function rewritten(archive: Blob, edit: (entries: Map<string, Uint8Array>, manifest: ArchiveManifest) => void | Promise<void>, { level = 6 } = {}): Promise<Blob> {
  const entries = await entriesOf(archive);
  const manifest = JSON.parse(new TextDecoder().decode(entries.get(MANIFEST_PATH))) as ArchiveManifest;
  await edit(entries, manifest);
  entries.set(MANIFEST_PATH, new TextEncoder().encode(JSON.stringify(manifest)));
  const sink = new BlobWriter();
  const zip = new ZipWriter(sink);
  for (const [name, bytes] of entries) await zip.add(name, new Uint8ArrayReader(bytes as Uint8Array<ArrayBuffer>), { level });
  await zip.close();
  return sink.getData();
}

/** Sets an entry and lists it in the manifest with its true size and hash, as an honest writer would. */
export async function honestly(manifest: ArchiveManifest, entries: Map<string, Uint8Array>, path: string, bytes: Uint8Array<ArrayBuffer>) {
  entries.set(path, bytes);
  manifest.entries = manifest.entries.filter((entry) => entry.path !== path);
  manifest.entries.push({ path, size: bytes.byteLength, sha256: await sha256Hex(bytes) });
}
