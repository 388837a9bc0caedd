import { BlobReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { CasebookDB } from '../../renderer/src/db/schema';
import { createCase } from '../../renderer/src/domain';
import { importArchive, readCheckedArchive, type CheckedArchive } from '../../renderer/src/archive/importArchive';
import { sha256Hex, writeArchive } from '../../renderer/src/archive/writeArchive';
import type { CaseDocument, DocumentFile, Excerpt, Tag } from '../../shared/domain';
import { seededRandom } from './generate';

/** The archive's benchmark case (issue 13): 10,000 documents of 5,000 characters (50 MB of text, and as much again in their originals) and 100,000 excerpts. */
export const ARCHIVE_CASE = { documents: 10_000, textLength: 5_000, excerptsPerDocument: 10 } as const;

const WORDS = 'harbour cargo vessel payment invoice ledger raid quay dawn shipment customs broker manifest crane charter police container registry account transfer director witness statement court hearing terminal berth pilot audit'.split(' ');

/** Seeds the case raw (bulkAdd, in batches): documents with their text and original file, tags, excerpts. */
export async function seedArchiveCase(name: string): Promise<string> {
  const db = new CasebookDB('casebook', undefined, 'relaxed');
  const { id: caseId } = await createCase(db, { name });
  const random = seededRandom(13);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const at = new Date().toISOString();
  const tags: Tag[] = Array.from({ length: 20 }, (_, index) => ({
    id: crypto.randomUUID(), caseId, parentId: null, name: `Theme ${index + 1}`, nameKey: `theme ${index + 1}`, colour: '#336699', description: '', createdAt: at, updatedAt: at,
  }));
  await db.tags.bulkAdd(tags);
  const encoder = new TextEncoder();
  for (let batch = 0; batch < ARCHIVE_CASE.documents; batch += 500) {
    const documents: CaseDocument[] = [];
    const files: DocumentFile[] = [];
    const excerpts: Excerpt[] = [];
    for (let index = batch; index < Math.min(batch + 500, ARCHIVE_CASE.documents); index++) {
      let text = '';
      while (text.length < ARCHIVE_CASE.textLength) text += `${pick(WORDS)} `;
      const bytes = encoder.encode(text);
      const id = crypto.randomUUID();
      documents.push({
        id, caseId, title: `Harbour inquiry document ${index + 1}`, kind: 'text', fileName: `inquiry-${index + 1}.txt`, mimeType: 'text/plain',
        size: bytes.byteLength, sha256: await sha256Hex(bytes), importedAt: at, text, html: null, sourceUrl: null, authors: [], publishedAt: null,
        language: 'en', tags: [], summary: null, siteName: null, charset: 'utf-8', pages: null, pageCount: null, textLayer: true, ocr: null,
        warnings: [], cleanup: null, textVersion: 1, createdAt: at, updatedAt: at,
      } as CaseDocument);
      files.push({ id, caseId, bytes: new Blob([bytes], { type: 'text/plain' }) });
      for (let excerpt = 0; excerpt < ARCHIVE_CASE.excerptsPerDocument; excerpt++) {
        const start = Math.floor(random() * (text.length - 300));
        const quote = text.slice(start, start + 200);
        excerpts.push({
          id: crypto.randomUUID(), caseId, documentId: id, quote, anchor: { start, end: start + quote.length, prefix: '', suffix: '', page: null },
          orphaned: false, detachedFrom: null, comment: null, tags: [pick(tags).id], createdAt: at, updatedAt: at,
        } as Excerpt);
      }
    }
    await db.transaction('rw', [db.documents, db.documentFiles, db.excerpts], async () => {
      await db.documents.bulkAdd(documents);
      await db.documentFiles.bulkAdd(files);
      await db.excerpts.bulkAdd(excerpts);
    });
  }
  db.close();
  return caseId;
}

let archive: Blob | null = null;

/** The archive's file: in the origin's private file system, streamed to disk as a file the researcher chose would be. */
const ARCHIVE_FILE = 'bench.casebook';

/** Exports the case into a file, timed; the file is kept for the import. */
export async function exportArchiveBenchmark(caseId: string) {
  const db = new CasebookDB();
  const handle = await (await navigator.storage.getDirectory()).getFileHandle(ARCHIVE_FILE, { create: true });
  const started = performance.now();
  const manifest = await writeArchive(db, caseId, await handle.createWritable(), { appVersion: 'bench' });
  const ms = performance.now() - started;
  archive = await handle.getFile();
  db.close();
  const sizes = manifest.entries.map((entry) => entry.size);
  return {
    ms,
    archiveBytes: archive.size,
    contentBytes: sizes.reduce((sum, size) => sum + size, 0),
    largestEntryBytes: Math.max(...sizes),
    recordsBytes: manifest.entries.filter((entry) => entry.path.startsWith('records/')).reduce((sum, entry) => sum + entry.size, 0),
    rows: Object.values(manifest.counts).reduce((sum, count) => sum + count, 0),
  };
}

let checked: CheckedArchive | null = null;

/** The import's first half, timed: the archive just exported read and checked whole (kept for the second half). */
export async function checkArchiveBenchmark() {
  const started = performance.now();
  checked = await readCheckedArchive(archive!, 'bench.casebook');
  return { ms: performance.now() - started };
}

/** The import's second half, timed: the checked archive written as a new case, in its one transaction. */
export async function writeCheckedArchiveBenchmark() {
  const db = new CasebookDB();
  const started = performance.now();
  await importArchive(db, checked!, { as: 'new' });
  const ms = performance.now() - started;
  checked = null;
  db.close();
  return { ms };
}

/**
 * The baseline: the archive's own entries zipped again by the export's zip library, fflate, alone (no reading of the
 * case, no JSON, no checks), files stored and records deflated as the export does, into a sink that keeps nothing.
 */
export async function zipBaselineBenchmark() {
  const reader = new ZipReader(new BlobReader(archive!));
  const entries: [string, Uint8Array<ArrayBuffer>][] = [];
  for (const entry of await reader.getEntries()) if (!entry.directory) entries.push([entry.filename, await entry.getData(new Uint8ArrayWriter())]);
  await reader.close();
  const started = performance.now();
  let zipped = 0;
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    zipped += chunk.byteLength;
  });
  for (const [name, bytes] of entries) {
    const entry = name.startsWith('files/') ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(bytes, true);
  }
  zip.end();
  if (!zipped) throw new Error('fflate zipped nothing');
  const ms = performance.now() - started;
  archive = null;
  await (await navigator.storage.getDirectory()).removeEntry(ARCHIVE_FILE);
  return { ms };
}
