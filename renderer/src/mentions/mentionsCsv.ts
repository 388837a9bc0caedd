/**
 * The watchlist's export: every mention of the open case as a CSV row (entity, document, page, snippet), made in the
 * mentions worker, which reads the documents' texts for the snippets in slices. Loaded with the first export.
 */
import Papa from 'papaparse';
import type { CasebookDB } from '../db/schema';
import type { CaseMentions } from './caseMentions';
import { snippetLine, snippetOf } from './snippets';

export const MENTIONS_CSV_HEADER = ['Entity', 'Document', 'Page', 'Snippet'];

/** Documents read at a time for their snippets. */
const READ_BATCH = 50;

export async function mentionsCsv(db: CasebookDB, caseId: string, mentions: CaseMentions): Promise<Uint8Array<ArrayBuffer>> {
  const byDocument = [...mentions.eachDocument()].filter((document) => document.mentions.length > 0);
  const entityIds = [...new Set(byDocument.flatMap((document) => document.mentions.map((mention) => mention.entityId)))];
  const entities = await db.entities.bulkGet(entityIds);
  const names = new Map(entities.flatMap((entity) => (entity?.caseId === caseId ? [[entity.id, entity.name] as const] : [])));
  const parts: { title: string; rows: (string | number)[][] }[] = [];
  for (let start = 0; start < byDocument.length; start += READ_BATCH) {
    const slice = byDocument.slice(start, start + READ_BATCH);
    const documents = await db.documents.bulkGet(slice.map((document) => document.documentId));
    slice.forEach(({ mentions: found }, at) => {
      const document = documents[at];
      if (!document) return;
      const rows = found.flatMap((mention) => {
        const name = names.get(mention.entityId);
        if (name === undefined) return [];
        const snippet = snippetOf(document.text, mention.start, mention.end, document.pages);
        return [[name, document.title, snippet.page ?? '', snippetLine(snippet)]];
      });
      parts.push({ title: document.title, rows });
    });
  }
  parts.sort((a, b) => a.title.localeCompare(b.title));
  const csv = Papa.unparse({ fields: MENTIONS_CSV_HEADER, data: parts.flatMap((part) => part.rows) }, { newline: '\r\n', escapeFormulae: true });
  // A byte-order mark and CRLF line ends, as the excerpts' export, so spreadsheet programs read the accents.
  return new TextEncoder().encode(`\uFEFF${csv}`);
}
