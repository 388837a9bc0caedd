import { CasebookDB } from '../../renderer/src/db/schema';
import { createCase } from '../../renderer/src/domain';
import type { CaseDocument, Excerpt, Link, Tag } from '../../shared/domain';
import { entityInputs, rawEntities, seededRandom } from './generate';

const WORDS = 'harbour cargo vessel payment invoice ledger raid quay dawn shipment customs broker manifest crane charter'.split(' ');

/**
 * Seeds a case for the excerpts view's benchmark, written raw (bulkAdd) so seeding 100,000 excerpts takes seconds:
 * documents, a codebook of top tags each with sub-tags and sub-sub-tags, entities, and excerpts that each carry one
 * or two tags and, one in ten, a link to an entity. Returns the case and, per top tag, how many excerpts it takes in.
 */
export async function seedExcerptsCase(options: { excerpts: number; name: string }) {
  const db = new CasebookDB();
  const caseFile = await createCase(db, { name: options.name });
  const caseId = caseFile.id;
  const random = seededRandom(11);
  const at = new Date().toISOString();
  const documents: CaseDocument[] = Array.from({ length: 200 }, (_, index) => ({
    id: crypto.randomUUID(), caseId, title: `Report ${index}`, kind: 'text', fileName: `report-${index}.txt`, mimeType: 'text/plain',
    size: 100, sha256: crypto.randomUUID().replaceAll('-', ''), importedAt: at, text: '', html: null, sourceUrl: `https://example.org/${index}`,
    authors: ['Ilse Maren'], publishedAt: '2021-03', language: 'en', tags: [], summary: null, siteName: 'Harbour Herald', charset: 'utf-8',
    pages: null, pageCount: null, textLayer: true, ocr: null, warnings: [], cleanup: null, textVersion: 1, createdAt: at, updatedAt: at,
  }));
  const tags: Tag[] = [];
  const tag = (name: string, parentId: string | null) => {
    const made: Tag = { id: crypto.randomUUID(), caseId, parentId, name, nameKey: name.toLowerCase(), colour: '#336699', description: '', createdAt: at, updatedAt: at };
    tags.push(made);
    return made;
  };
  const tops = Array.from({ length: 8 }, (_, index) => tag(`Theme ${index}`, null));
  for (const top of tops)
    for (let child = 0; child < 4; child++) {
      const sub = tag(`${top.name}.${child}`, top.id);
      for (let grandchild = 0; grandchild < 3; grandchild++) tag(`${sub.name}.${grandchild}`, sub.id);
    }
  const entities = rawEntities(caseId, entityInputs(2_000, 12));
  const excerpts: Excerpt[] = [];
  const links: Link[] = [];
  for (let index = 0; index < options.excerpts; index++) {
    const words = Array.from({ length: 8 + Math.floor(random() * 16) }, () => WORDS[Math.floor(random() * WORDS.length)]);
    const created = new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString();
    const own = Array.from({ length: 1 + Math.floor(random() * 2) }, () => tags[Math.floor(random() * tags.length)]!.id);
    const excerpt: Excerpt = {
      id: crypto.randomUUID(), caseId, documentId: documents[Math.floor(random() * documents.length)]!.id, quote: `${index}: ${words.join(' ')}.`,
      anchor: { start: 0, end: 10, prefix: '', suffix: '', page: null }, orphaned: random() < 0.01, detachedFrom: null, comment: null,
      tags: [...new Set(own)], createdAt: created, updatedAt: created,
    };
    excerpts.push(excerpt);
    if (random() < 0.1) {
      const entity = entities[Math.floor(random() * entities.length)]!;
      links.push({ id: crypto.randomUUID(), caseId, from: { type: 'excerpt', id: excerpt.id }, to: { type: 'entity', id: entity.id }, kind: 'mentions', ends: [excerpt.id, entity.id], createdAt: at, updatedAt: at });
    }
  }
  await db.transaction('rw', [db.documents, db.tags, db.entities, db.excerpts, db.links], async () => {
    await db.documents.bulkAdd(documents);
    await db.tags.bulkAdd(tags);
    await db.entities.bulkAdd(entities);
    await db.excerpts.bulkAdd(excerpts);
    await db.links.bulkAdd(links);
  });
  db.close();
  // Each top tag's count with its sub-tags, to know when the filtered table is shown.
  const topOf = new Map<string, string>();
  for (const found of tags) {
    let top = found;
    while (top.parentId) top = tags.find((candidate) => candidate.id === top.parentId)!;
    topOf.set(found.id, top.id);
  }
  const counts = tops.map((top) => ({
    id: top.id,
    name: top.name,
    count: excerpts.filter((excerpt) => excerpt.tags.some((id) => topOf.get(id) === top.id)).length,
  }));
  return { caseId, tops: counts };
}

/** How long the excerpts view's one read takes alone (the rows, their sources, the codebook and the links). */
export async function readExcerptTable(caseId: string, newest: number | null = null): Promise<{ readMs: number; rows: number }> {
  const { excerptTable } = await import('../../renderer/src/db/queries/excerptTable');
  const db = new CasebookDB();
  const started = performance.now();
  const data = await excerptTable(db, caseId, newest);
  const readMs = performance.now() - started;
  db.close();
  return { readMs, rows: data.excerpts.length };
}
