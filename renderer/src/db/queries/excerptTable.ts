import Dexie from 'dexie';
import type { CaseDocument, Excerpt, RecordRef, Tag } from '../../../../shared/domain';
import { recordTitle } from '../../../../shared/vocabulary';
import type { CasebookDB } from '../schema';

/** A document as the excerpts table shows and cites it: its metadata, without its text. */
export type ExcerptSource = Pick<
  CaseDocument,
  'id' | 'title' | 'kind' | 'authors' | 'siteName' | 'publishedAt' | 'sourceUrl' | 'importedAt' | 'ocr' | 'pageCount'
>;

/** A record at the other end of an excerpt's link, by name. */
export interface LinkedName {
  ref: RecordRef;
  title: string;
}

/** What an excerpt is linked to, as the table shows it. */
export interface ExcerptLinks {
  entities: LinkedName[];
  events: LinkedName[];
}

/** Everything the excerpts view shows, read together so the rows, their sources, tags and links agree. */
export interface ExcerptTableData {
  /** Most recently marked first. */
  excerpts: Excerpt[];
  sources: Map<string, ExcerptSource>;
  /** The case's codebook. */
  tags: Tag[];
  /** By excerpt id; an excerpt linked to no entity or event is absent. */
  links: Map<string, ExcerptLinks>;
}

/**
 * The case's excerpts with their documents' metadata, the codebook, and each excerpt's linked entities and events,
 * resolved in one pass over the case's links (one bulk read per record type), not a query per row. With `newest`,
 * only that many of the most recent excerpts and their links: what the table shows first while a large case loads.
 */
export function excerptTable(db: CasebookDB, caseId: string, newest: number | null = null): Promise<ExcerptTableData> {
  return db.transaction('r', [db.excerpts, db.documents, db.tags, db.links, db.entities, db.events], async () => {
    const [excerpts, sources, tags, caseLinks] = await Promise.all([
      newest === null
        ? // Read forwards and reversed here: IndexedDB's getAll reads forwards only, and a cursor over every row is slower.
          db.excerpts
            .where('[caseId+createdAt]')
            .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
            .toArray()
            .then((rows) => rows.reverse())
        : db.excerpts.where('[caseId+createdAt]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).reverse().limit(newest).toArray(),
      db.documents.where('caseId').equals(caseId).toArray((rows) =>
        rows.map(({ id, title, kind, authors, siteName, publishedAt, sourceUrl, importedAt, ocr, pageCount }): ExcerptSource => ({
          id,
          title,
          kind,
          authors,
          siteName,
          publishedAt,
          sourceUrl,
          importedAt,
          ocr,
          pageCount,
        })),
      ),
      db.tags.where('caseId').equals(caseId).toArray(),
      newest === null ? db.links.where('caseId').equals(caseId).toArray() : null,
    ]);
    const links = caseLinks ?? (await db.links.where('ends').anyOf(excerpts.map((excerpt) => excerpt.id)).toArray());
    // Only links between an excerpt and an entity or event, either way round.
    const pairs: { excerptId: string; other: RecordRef }[] = [];
    for (const link of links) {
      if (link.from.type === 'excerpt' && (link.to.type === 'entity' || link.to.type === 'event'))
        pairs.push({ excerptId: link.from.id, other: link.to });
      else if (link.to.type === 'excerpt' && (link.from.type === 'entity' || link.from.type === 'event'))
        pairs.push({ excerptId: link.to.id, other: link.from });
    }
    const idsOf = (type: 'entity' | 'event') => [...new Set(pairs.filter((pair) => pair.other.type === type).map((pair) => pair.other.id))];
    const [entityIds, eventIds] = [idsOf('entity'), idsOf('event')];
    const [entities, events] = await Promise.all([db.entities.bulkGet(entityIds), db.events.bulkGet(eventIds)]);
    const titles = new Map<string, string>();
    entities.forEach((entity) => entity && titles.set(entity.id, recordTitle('entity', entity)));
    events.forEach((event) => event && titles.set(event.id, recordTitle('event', event)));

    const byExcerpt = new Map<string, ExcerptLinks>();
    for (const { excerptId, other } of pairs) {
      const title = titles.get(other.id);
      if (title === undefined) continue;
      let entry = byExcerpt.get(excerptId);
      if (!entry) byExcerpt.set(excerptId, (entry = { entities: [], events: [] }));
      const list = other.type === 'entity' ? entry.entities : entry.events;
      if (!list.some((named) => named.ref.id === other.id)) list.push({ ref: other, title });
    }
    return { excerpts, sources: new Map(sources.map((source) => [source.id, source])), tags, links: byExcerpt };
  });
}
