import { generateNKeysBetween } from 'fractional-indexing';
import { CasebookDB } from '../../renderer/src/db/schema';
import { createCase } from '../../renderer/src/domain';
import { DEFAULT_REPORT_OPTIONS } from '../../renderer/src/report/options';
import { reportForPrintDialog } from '../../renderer/src/report/print';
import type { CaseDocument, Excerpt, Link, Note, Relationship, RichText, RichTextNode, Tag, TimelineEvent } from '../../shared/domain';
import { RELATIONSHIP_TYPES } from '../../shared/vocabulary';
import { eventSortKey } from '../../shared/eventOrder';
import { entityInputs, rawEntities, seededRandom } from './generate';

/** The report's benchmark case at 1×: the figures. */
export const REPORT_CASE = { documents: 60, excerpts: 1_000, events: 500, entities: 300, relationships: 400, notes: 20 } as const;

const WORDS = (
  'harbour cargo vessel payment invoice ledger raid quay dawn shipment customs broker manifest crane charter police ' +
  'container registry account transfer director witness statement court hearing terminal berth pilot invoice audit'
).split(' ');

const hex = () => crypto.randomUUID().replaceAll('-', '') + crypto.randomUUID().replaceAll('-', '');
const paragraph = (text: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content: text });
const text = (words: string): RichTextNode => ({ type: 'text', text: words });

/**
 * Seeds a case for the report's benchmark, written raw (bulkAdd) so 4× seeds in seconds: documents with their text,
 * a codebook, entities with aliases and attributes, relationships, excerpts with comments and tags (one in three
 * mentioning an entity), events with participants, places and evidence at every precision, and notes whose text
 * mentions entities and quotes excerpts. `scale` multiplies every count.
 */
export async function seedReportCase(options: { scale: number; name: string }) {
  const count = (key: keyof typeof REPORT_CASE) => REPORT_CASE[key] * options.scale;
  const db = new CasebookDB();
  const caseFile = await createCase(db, { name: options.name });
  const caseId = caseFile.id;
  const random = seededRandom(21);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const sentence = (length: number) => {
    const words = Array.from({ length }, () => pick(WORDS));
    return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`;
  };
  const at = new Date().toISOString();

  const documents: CaseDocument[] = Array.from({ length: count('documents') }, (_, index) => {
    const body = Array.from({ length: 40 }, () => sentence(18)).join(' ');
    return {
      id: crypto.randomUUID(), caseId, title: `Harbour inquiry document ${index + 1}`, kind: 'text', fileName: `inquiry-${index + 1}.txt`,
      mimeType: 'text/plain', size: body.length, sha256: hex(), importedAt: at, text: body, html: null,
      sourceUrl: `https://example.org/inquiry/${index + 1}`, authors: ['Ilse Maren'], publishedAt: `20${15 + (index % 9)}-0${1 + (index % 9)}`,
      language: 'en', tags: [], summary: null, siteName: 'Harbour Herald', charset: 'utf-8', pages: null, pageCount: null, textLayer: true,
      ocr: null, warnings: [], cleanup: null, textVersion: 1, createdAt: at, updatedAt: at,
    };
  });
  const tags: Tag[] = Array.from({ length: 20 }, (_, index) => ({
    id: crypto.randomUUID(), caseId, parentId: null, name: `Theme ${index + 1}`, nameKey: `theme ${index + 1}`, colour: '#336699',
    description: '', createdAt: at, updatedAt: at,
  }));
  const entities = rawEntities(caseId, entityInputs(count('entities'), 22)).map((entity, index) => ({
    ...entity,
    attributes: [
      { id: crypto.randomUUID(), key: 'role', value: pick(['director', 'broker', 'pilot', 'clerk']), start: { value: '2019', precision: 'year' as const }, end: null },
      { id: crypto.randomUUID(), key: 'registration', value: `REG-${index}`, start: null, end: null },
    ],
  }));
  const relationships: Relationship[] = Array.from({ length: count('relationships') }, () => {
    const from = pick(entities).id;
    let to = pick(entities).id;
    while (to === from) to = pick(entities).id;
    return {
      id: crypto.randomUUID(), caseId, from, to, ends: [from, to], type: pick(RELATIONSHIP_TYPES), start: null, end: null,
      confidence: pick(['confirmed', 'probable', 'possible', 'unverified'] as const), excerptIds: [], note: null, createdAt: at, updatedAt: at,
    };
  });
  const links: Link[] = [];
  const link = (from: Link['from'], to: Link['to'], kind: Link['kind']) =>
    links.push({ id: crypto.randomUUID(), caseId, from, to, kind, ends: [from.id, to.id], createdAt: at, updatedAt: at });
  const excerpts: Excerpt[] = Array.from({ length: count('excerpts') }, (_, index) => {
    const document = pick(documents);
    const start = Math.floor(random() * 2000);
    const quote = document.text.slice(start, start + 160 + Math.floor(random() * 200));
    const created = new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString();
    const comment: RichText = { type: 'doc', content: [paragraph([text(sentence(14))])] };
    return {
      id: crypto.randomUUID(), caseId, documentId: document.id, quote,
      anchor: { start, end: start + quote.length, prefix: '', suffix: '', page: null }, orphaned: false, detachedFrom: null, comment,
      tags: [...new Set([pick(tags).id, ...(random() < 0.4 ? [pick(tags).id] : [])])], createdAt: created, updatedAt: created,
    };
  });
  for (const excerpt of excerpts) if (random() < 0.33) link({ type: 'excerpt', id: excerpt.id }, { type: 'entity', id: pick(entities).id }, 'mentions');
  const precisions = ['year', 'month', 'day', 'day', 'day'] as const;
  const events: TimelineEvent[] = Array.from({ length: count('events') }, (_, index) => {
    const precision = pick(precisions);
    const full = `${2015 + Math.floor(random() * 9)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const value = precision === 'year' ? full.slice(0, 4) : precision === 'month' ? full.slice(0, 7) : full;
    const participants = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({ entityId: pick(entities).id, role: random() < 0.5 ? 'present' : null }));
    const unique = [...new Map(participants.map((participant) => [participant.entityId, participant])).values()];
    const evidenceIds = [...new Set([pick(excerpts).id, ...(random() < 0.5 ? [pick(excerpts).id] : [])])];
    const event: TimelineEvent = {
      id: crypto.randomUUID(), caseId, title: `Event ${index + 1}: ${sentence(6).slice(0, -1)}`,
      start: { value, precision, qualifier: random() < 0.1 ? 'about' : null }, end: null, sortKey: eventSortKey({ value, precision }, at),
      placeId: random() < 0.5 ? pick(entities).id : null, participants: unique, participantIds: unique.map((participant) => participant.entityId),
      evidenceIds, tags: random() < 0.3 ? [pick(tags).id] : [], confidence: 'probable', status: pick(['undisputed', 'disputed', 'unverified'] as const),
      sameAs: null, description: null, createdAt: at, updatedAt: at,
    };
    for (const participant of unique) link({ type: 'event', id: event.id }, { type: 'entity', id: participant.entityId }, 'involves');
    for (const id of evidenceIds) link({ type: 'event', id: event.id }, { type: 'excerpt', id }, 'evidence');
    return event;
  });
  const positions = generateNKeysBetween(null, null, count('notes'));
  const notes: Note[] = positions.map((position, index) => {
    const content: RichTextNode[] = [{ type: 'heading', attrs: { level: 2 }, content: [text(`Lead ${index + 1}`)] }];
    for (let block = 0; block < 12; block++) {
      const entity = pick(entities);
      content.push(paragraph([text(`${sentence(20)} `), { type: 'recordLink', attrs: { type: 'entity', id: entity.id, label: entity.name, as: 'mention' } }, text(` ${sentence(25)}`)]));
      if (block % 4 === 3) {
        const excerpt = pick(excerpts);
        content.push({ type: 'excerptQuote', attrs: { id: excerpt.id, quote: excerpt.quote, citation: 'Harbour Herald' } });
      }
    }
    return { id: crypto.randomUUID(), caseId, title: `Lead ${index + 1}`, body: { type: 'doc', content }, parentId: null, position, pinned: false, createdAt: at, updatedAt: at };
  });
  for (const note of notes)
    for (const node of note.body!.content!)
      for (const child of node.content ?? [])
        if (child.type === 'recordLink') link({ type: 'note', id: note.id }, { type: 'entity', id: String(child.attrs!.id) }, 'text-mention');

  await db.transaction('rw', [db.documents, db.tags, db.entities, db.relationships, db.excerpts, db.events, db.notes, db.links], async () => {
    await db.documents.bulkAdd(documents);
    await db.tags.bulkAdd(tags);
    await db.entities.bulkAdd(entities);
    await db.relationships.bulkAdd(relationships);
    await db.excerpts.bulkAdd(excerpts);
    await db.events.bulkAdd(events);
    await db.notes.bulkAdd(notes);
    await db.links.bulkAdd(links);
  });
  db.close();
  return caseId;
}

/** The case's report as ONE document, with its fonts and no page numbers: the baseline printed without parts. */
export async function reportAsOneDocument(caseId: string): Promise<string> {
  return reportForPrintDialog(new CasebookDB(), caseId, DEFAULT_REPORT_OPTIONS);
}
