/**
 * What of each record is searched, in three fields ranked differently: its title or name, its keywords (aliases,
 * tags, authors, dates) and its body (a document's text, an excerpt's quote, a description or a note).
 */
import type {
  CaseDocument,
  CaseRecord,
  Entity,
  Excerpt,
  Note,
  RecordType,
  RichText,
  RichTextNode,
  TimelineEvent,
} from '../../../shared/domain';

export interface SearchFields {
  title: string;
  keywords: string;
  body: string;
}

export type FieldName = keyof SearchFields;

/** One record as the index sees it; `id` is the record's key ("entity:…"). */
export interface SearchEntry extends SearchFields {
  id: string;
}

/** The current titles of the records texts link to, by key ("entity:…"); a record not in it reads as saved. */
export type LinkedTitles = ReadonlyMap<string, string>;

/**
 * The plain text of a TipTap document: its text nodes, blocks and hard breaks on lines of their own. A mention of a
 * record reads as the record's title in `titles` (as it is called now), or else as the name it was last saved with;
 * a quote block (shared/textReferences.ts) as its quote.
 */
export function richTextToPlain(value: RichText | null | undefined, titles: LinkedTitles = new Map()): string {
  if (!value) return '';
  const lines: string[] = [];
  let line = '';
  const visit = (node: RichTextNode) => {
    if (node.type === 'text') line += node.text ?? '';
    else if (node.type === 'recordLink')
      line += titles.get(`${String(node.attrs?.type)}:${String(node.attrs?.id)}`) ?? String(node.attrs?.label ?? ''); else if (node.type === 'excerptQuote') lines.push(String(node.attrs?.quote ?? ''));
    else if (node.type === 'hardBreak') line += '\n';
    else if (node.content) {
      const block = node.type !== 'doc';
      for (const child of node.content) visit(child);
      if (block && line) {
        lines.push(line);
        line = '';
      }
    }
  };
  visit(value);
  if (line) lines.push(line);
  return lines.join('\n');
}

const joined = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join('\n');

/**
 * The searched fields of a record; an excerpt's or entity's tags by the names `tagNames` gives their ids, the records
 * its texts mention by the titles `titles` gives them (persistence.ts `linkedRecordsOf` says which). A document's body starts with
 * its text, so offsets into the body below the text's length are offsets into `text`, which is what its page spans
 * count in.
 */
export function searchFieldsOf(
  type: RecordType,
  record: CaseRecord,
  tagNames: ReadonlyMap<string, string> = new Map(),
  titles: LinkedTitles = new Map(),
): SearchFields {
  const plain = (value: RichText | null | undefined) => richTextToPlain(value, titles);
  switch (type) {
    case 'document': {
      const document = record as CaseDocument;
      const summary = plain(document.summary);
      return {
        title: document.title,
        keywords: joined(...(document.authors ?? []), ...(document.tags ?? []), document.siteName, document.fileName),
        body: summary ? `${document.text}\n\n${summary}` : document.text,
      };
    }
    case 'excerpt': {
      const excerpt = record as Excerpt;
      return {
        title: '',
        // Tags are held by id; a name not known (a tag deleted meanwhile) is left out rather than searched as an id.
        keywords: joined(...excerpt.tags.map((id) => tagNames.get(id))),
        body: joined(excerpt.quote, plain(excerpt.comment)),
      };
    }
    case 'entity': {
      const entity = record as Entity;
      // Aliases by name; attributes' values (a registration, an address) and tags' names find the entity too.
      return {
        title: entity.name,
        keywords: joined(
          ...(entity.aliases ?? []).map((alias) => alias.name),
          ...(entity.attributes ?? []).map((attribute) => attribute.value),
          ...(entity.tags ?? []).map((id) => tagNames.get(id)),
        ),
        body: plain(entity.description),
      };
    }
    case 'event': {
      const event = record as TimelineEvent;
      return {
        title: event.title,
        keywords: joined(event.start?.value, event.end?.value),
        body: plain(event.description),
      };
    }
    case 'note': {
      const note = record as Note;
      return { title: note.title, keywords: '', body: plain(note.body) };
    }
  }
}
