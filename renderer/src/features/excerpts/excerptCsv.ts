import Papa from 'papaparse';
import type { Excerpt } from '../../../../shared/domain';
import { richTextToPlain } from '../../search/searchFields';
import { citationText, excerptCitation } from './citation';
import type { ExcerptTableModel } from './excerptRows';

export const CSV_HEADER = ['Quote', 'Citation', 'Source', 'Page', 'Tags', 'Comment', 'Entities', 'Events', 'Added'];

/**
 * The excerpts as a CSV table, in the order given: quote, citation, tags by path, comment as plain text and the
 * entities and events linked. Cells that a spreadsheet would run as a formula (=, +, -, @) are escaped.
 */
export function excerptsCsv(model: ExcerptTableModel, excerpts: readonly Excerpt[]): string {
  const rows = excerpts.map((excerpt) => {
    const source = excerpt.documentId ? model.data.sources.get(excerpt.documentId) : undefined;
    const citation = excerptCitation(excerpt, source);
    const links = model.links(excerpt);
    return [
      excerpt.quote,
      citation ? citationText(citation) : '',
      model.sourceTitle(excerpt),
      model.page(excerpt) ?? '',
      excerpt.tags.map((id) => model.tagPathOf(id)).join('; '),
      richTextToPlain(excerpt.comment),
      links.entities.map((named) => named.title).join('; '),
      links.events.map((named) => named.title).join('; '),
      excerpt.createdAt,
    ];
  });
  // A byte-order mark and CRLF line ends, so spreadsheet programs read the accents and the rows as they are.
  return `\uFEFF${Papa.unparse({ fields: CSV_HEADER, data: rows }, { newline: '\r\n', escapeFormulae: true })}`;
}
