/**
 * Reads a report's records from the database, once, by indexed queries (each table by its `caseId` index, the history
 * by `[caseId+seq]`, images by `noteId`): the selection is applied here (selection.ts), rich text is read as the
 * editor would read it (a damaged text recovered, with a warning), and documents keep their details, not their text.
 */
import Dexie from 'dexie';
import type { CasebookDB } from '../db/schema';
import type { Attachment, Entity, RichText } from '../../../shared/domain';
import { tagPath } from '../../../shared/codebook';
import { formatPartialDate, precisionOf } from '../../../shared/partialDate';
import { quoteTitle } from '../../../shared/vocabulary';
import { attachmentIdOf } from '../editor/attachmentSource';
import { readStoredText } from '../editor/recover';
import { chartRecordsOf } from '../db/queries/chart';
import { chartLayoutOf } from '../db/queries/entities';
import { noteTree } from '../db/queries/notes';
import type { RecordCounts, ReportData, ReportDocument, ReportText } from './build';
import { selectsWholeCase, type ReportOptions, type ReportSelection } from './options';
import { notesInTreeOrder, selectRecords } from './selection';
import { plural, wordList } from './sections/html';

/** Images the print page may show: those the sanitiser lets through as `data:` URLs (never SVG). */
const PRINTABLE_IMAGE = /^image\/(?:png|gif|jpe?g|webp|avif|bmp)$/i;

function abortError(): DOMException {
  return new DOMException('The report was cancelled.', 'AbortError');
}

/** Rich text as the editor reads it; never throws (a value it cannot read at all prints as nothing, said so). */
function readText(value: unknown): ReportText {
  try {
    return readStoredText(value);
  } catch (error) {
    return { doc: null, problem: `it could not be read at all (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** The ids of the images (`attachment:<id>`) a text shows. */
function imageIdsIn(text: RichText | null, found: Set<string>, depth = 0): void {
  if (!text || depth > 200) return;
  const walk = (node: unknown, level: number) => {
    if (typeof node !== 'object' || node === null || level > 200) return;
    const { type, attrs, content } = node as { type?: unknown; attrs?: { src?: unknown }; content?: unknown };
    if (type === 'image') {
      const id = attachmentIdOf(attrs?.src);
      if (id) found.add(id);
    }
    if (Array.isArray(content)) for (const child of content) walk(child, level + 1);
  };
  walk(text, depth);
}

async function dataUrlOf(attachment: Attachment): Promise<string | null> {
  const bytes: unknown = attachment.bytes;
  let data: Uint8Array;
  if (bytes instanceof Blob) data = new Uint8Array(await bytes.arrayBuffer());
  else if (bytes instanceof ArrayBuffer) data = new Uint8Array(bytes);
  else if (ArrayBuffer.isView(bytes)) data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  else return null;
  let binary = '';
  for (let at = 0; at < data.length; at += 0x8000) binary += String.fromCharCode(...data.subarray(at, at + 0x8000));
  return `data:${attachment.mimeType.toLowerCase()};base64,${btoa(binary)}`;
}

const dateWords = (value: string): string => {
  const precision = precisionOf(value);
  return precision ? formatPartialDate({ value, precision }) : value;
};

/** The selection in words: "Excerpts tagged Finance; events from March 2021 to 2022". */
export function describeSelection(
  selection: ReportSelection,
  names: { tag: (id: string) => string; entity: (id: string) => string; document: (id: string) => string },
): string {
  if (selectsWholeCase(selection)) return 'The whole case.';
  const parts: string[] = [];
  const some = (items: string[]) => (items.length > 4 ? `${items.slice(0, 3).join(', ')} and ${items.length - 3} more` : wordList(items, 'or'));
  if (selection.documentIds)
    parts.push(
      selection.documentIds.length
        ? `Excerpts from ${selection.documentIds.length === 1 ? 'the document' : 'the documents'} ${some(selection.documentIds.map((id) => `“${names.document(id)}”`))}`
        : 'No document chosen',
    );
  if (selection.tagIds.length)
    parts.push(`${parts.length ? 'excerpts' : 'Excerpts'} and events tagged ${some(selection.tagIds.map(names.tag))} (or a tag under it)`);
  if (selection.entityIds.length)
    parts.push(`${parts.length ? 'excerpts' : 'Excerpts'} mentioning and events involving ${some(selection.entityIds.map(names.entity))}`);
  if (selection.from !== null || selection.to !== null) {
    const range =
      selection.from !== null && selection.to !== null
        ? `from ${dateWords(selection.from)} to ${dateWords(selection.to)}`
        : selection.from !== null
          ? `from ${dateWords(selection.from)} on`
          : `up to ${dateWords(selection.to!)}`;
    parts.push(`${parts.length ? 'events' : 'Events'} ${range}`);
  }
  if (selection.noteIds) parts.push(`${parts.length ? '' : 'All records; '}${selection.noteIds.length ? plural(selection.noteIds.length, 'chosen note') : 'no notes'}`);
  return `${parts.join('; ')}.`;
}

function emptiness(caseCounts: RecordCounts, reportCounts: RecordCounts, wholeCase: boolean): string | null {
  if (wholeCase) {
    if (Object.values(caseCounts).every((value) => value === 0))
      return 'This case has no documents, excerpts, entities, events or notes yet: there is nothing to report.';
    return null;
  }
  if (reportCounts.excerpts + reportCounts.events + reportCounts.notes + reportCounts.entities + reportCounts.documents === 0)
    return 'The selection holds no excerpts, events, notes, entities or documents: there is nothing to report. Choose fewer restrictions.';
  return null;
}

export async function readReport(db: CasebookDB, caseId: string, options: ReportOptions, signal?: AbortSignal): Promise<ReportData> {
  const step = () => {
    if (signal?.aborted) throw abortError();
  };
  step();
  const caseFile = await db.cases.get(caseId);
  if (!caseFile) throw new Error('This case no longer exists. It may have been deleted in another window.');
  step();
  // Documents one at a time, keeping their details only: a case's texts together may be large.
  const documents: ReportDocument[] = [];
  await db.documents
    .where('caseId')
    .equals(caseId)
    .each((document) => {
      const { id, title, kind, fileName, mimeType, size, sha256, importedAt, sourceUrl, authors, publishedAt, language, siteName, pageCount, ocr } =
        document;
      documents.push({
        id, title, kind, fileName, mimeType, size, sha256, importedAt, sourceUrl, authors: authors ?? [], publishedAt,
        language: language ?? null, siteName: siteName ?? null, pageCount: pageCount ?? null, ocr: ocr ?? null,
      });
    });
  step();
  const excerpts = await db.excerpts.where('[caseId+createdAt]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray();
  step();
  const events = await db.events.where('[caseId+sortKey]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray();
  step();
  const { notes: allNotes, folders } = await noteTree(db, caseId);
  step();
  const chart = await chartRecordsOf(db, caseId);
  step();
  const links = await db.links.where('caseId').equals(caseId).toArray();
  step();
  const layout = await chartLayoutOf(db, caseId);
  step();

  const orderedNotes = notesInTreeOrder(allNotes, folders);
  const selected = selectRecords(
    { excerpts, events, notes: orderedNotes, entities: chart.entities, documents, tags: chart.tags, links },
    options.selection,
  );
  const wholeCase = selectsWholeCase(options.selection);
  const warnings: string[] = [];
  const problem = (what: string, text: ReportText) => {
    if (text.problem) warnings.push(`${what} could not be read as it was stored: ${text.problem}. The report prints the text recovered from it.`);
    return text;
  };

  const notesById = new Map(allNotes.map((note) => [note.id, note]));
  const reportNotes = selected.noteIds.map((id) => {
    const { body, ...note } = notesById.get(id)!;
    return { note, body: problem(`Note “${note.title || 'Untitled note'}”`, readText(body)) };
  });
  const reportExcerpts = excerpts
    .filter((excerpt) => selected.excerptIds.has(excerpt.id))
    .map(({ comment, ...excerpt }) => ({ excerpt, comment: problem(`The comment on excerpt “${quoteTitle(excerpt.quote)}”`, readText(comment)) }));
  const reportEvents = events
    .filter((event) => selected.eventIds.has(event.id))
    .map(({ description, ...event }) => ({ event, description: problem(`The description of event “${event.title}”`, readText(description)) }));
  const byName = (a: Pick<Entity, 'name'>, b: Pick<Entity, 'name'>) => a.name.localeCompare(b.name);
  const reportEntities = chart.entities
    .filter((entity) => selected.entityIds.has(entity.id))
    .sort(byName)
    .map(({ description, ...entity }) => ({ entity, description: problem(`The description of entity “${entity.name}”`, readText(description)) }));
  const sources = documents
    .filter((document) => selected.documentIds.has(document.id))
    .sort((a, b) => a.title.localeCompare(b.title) || a.importedAt.localeCompare(b.importedAt));

  // The images the notes kept show, inline.
  const imageIds = new Set<string>();
  for (const { body } of reportNotes) imageIdsIn(body.doc, imageIds);
  const images: Record<string, string> = {};
  if (imageIds.size) {
    const attachments = await db.attachments.where('noteId').anyOf(selected.noteIds).toArray();
    step();
    for (const attachment of attachments)
      if (imageIds.has(attachment.id) && PRINTABLE_IMAGE.test(attachment.mimeType)) {
        const url = await dataUrlOf(attachment);
        if (url) images[attachment.id] = url;
      }
  }

  let history: ReportData['history'] = [];
  if (options.sections.history) {
    const entries = await db.history.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray();
    step();
    history = entries.map(({ seq, at, action, summary }) => ({ seq, at, action, summary }));
  }

  const titles: ReportData['titles'] = { document: {}, excerpt: {}, entity: {}, event: {}, note: {} };
  for (const document of documents) titles.document[document.id] = document.title;
  for (const excerpt of excerpts) titles.excerpt[excerpt.id] = quoteTitle(excerpt.quote);
  for (const entity of chart.entities) titles.entity[entity.id] = entity.name;
  for (const event of events) titles.event[event.id] = event.title;
  for (const note of allNotes) titles.note[note.id] = note.title || 'Untitled note';

  const caseCounts: RecordCounts = {
    documents: documents.length,
    excerpts: excerpts.length,
    entities: chart.entities.length,
    events: events.length,
    notes: allNotes.length,
  };
  const reportCounts: RecordCounts = {
    documents: sources.length,
    excerpts: reportExcerpts.length,
    entities: reportEntities.length,
    events: reportEvents.length,
    notes: reportNotes.length,
  };
  const scope = describeSelection(options.selection, {
    tag: (id) => tagPath(chart.tags, id) || 'a deleted tag',
    entity: (id) => titles.entity[id] ?? 'a deleted entity',
    document: (id) => titles.document[id] ?? 'a deleted document',
  });
  // Only the links the report reads: between its records and entities (mentions), and evidence.
  const kept = new Set([...selected.excerptIds, ...selected.noteIds, ...selected.documentIds, ...selected.eventIds]);
  const reportLinks = links
    .filter((link) => (link.from.type === 'entity' && kept.has(link.to.id)) || (link.to.type === 'entity' && kept.has(link.from.id)))
    .map(({ from, to, kind }) => ({ from, to, kind }));
  const description = problem('The case’s description', readText(caseFile.description));

  return {
    caseId,
    options,
    empty: emptiness(caseCounts, reportCounts, wholeCase),
    caseName: caseFile.name,
    description,
    generatedAt: new Date().toISOString(),
    wholeCase,
    scope,
    caseCounts,
    reportCounts,
    excerpts: reportExcerpts,
    events: reportEvents,
    notes: reportNotes,
    entities: reportEntities,
    sources,
    titles,
    allEntities: chart.entities.map(({ description: _description, ...entity }) => entity),
    entityTypes: [...chart.entityTypes],
    relationshipTypes: [...chart.relationshipTypes],
    relationships: [...chart.relationships],
    tags: [...chart.tags],
    links: reportLinks,
    chartPositions: layout?.positions ?? {},
    images,
    history,
    warnings,
  };
}
