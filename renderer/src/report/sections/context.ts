/**
 * What every section looks records up in while it writes: the report's records by id, the excerpts' numbers, tag
 * paths, type words, who is mentioned where, and the anchor of each record where the report prints it (null where it
 * does not, so no link ever points at nothing). Derived once per collected report, so the contents' second pass
 * only writes the HTML again.
 */
import type { ContentsEntry, ReportData, ReportDocument, ReportEntity, ReportEvent, ReportExcerpt, ReportNote, ReportText } from '../build';
import type { Tag } from '../../../../shared/domain';
import { ancestorsOf } from '../../../../shared/codebook';
import { entityTypeLabel } from '../../../../shared/entities';
import { eventWhen } from '../../../../shared/eventDates';
import { citationHtml, excerptCitation, type CitedSource } from '../../citations/citation';
import { anchors, esc, excerptRef, link } from './html';
import { richTextHtml, type RichTextResolver } from './richText';

/** A group of the excerpts section: a document, a tag, or the excerpts with neither. */
export interface ExcerptGroup {
  key: string;
  title: string;
  /** Set for a document's group: its source entry. */
  documentId?: string;
  excerpts: ReportExcerpt[];
}

export interface Derived {
  excerptById: Map<string, ReportExcerpt>;
  eventById: Map<string, ReportEvent>;
  noteById: Map<string, ReportNote>;
  entityById: Map<string, ReportEntity>;
  documentById: Map<string, ReportDocument>;
  tagPaths: Map<string, string>;
  /** The excerpts section's groups, in print order. */
  groups: ExcerptGroup[];
  /** Each excerpt's number, [1] first in the excerpts section. */
  numbers: Map<string, number>;
  /** Each entity's mentions among the report's records (links either way), by kind of record. */
  mentions: Map<string, { excerpts: Set<string>; notes: Set<string>; documents: Set<string>; events: Set<string> }>;
  /** The entities each kept excerpt mentions. */
  excerptEntities: Map<string, Set<string>>;
}

const cache = new WeakMap<ReportData, Derived>();

/** Adds to a map of lists (in place: a case may hold 10,000 excerpts of one document). */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function tagPaths(tags: readonly Tag[]): Map<string, string> {
  const paths = new Map<string, string>();
  for (const tag of tags) paths.set(tag.id, [...ancestorsOf(tags, tag.id).reverse(), tag].map((node) => node.name).join(' › '));
  return paths;
}

/** Tags in the codebook's order: each level by name, a tag's sub-tags right after it. */
function codebookOrder(tags: readonly Tag[]): Tag[] {
  const children = new Map<string | null, Tag[]>();
  const ids = new Set(tags.map((tag) => tag.id));
  for (const tag of tags) {
    const parent = tag.parentId && ids.has(tag.parentId) ? tag.parentId : null;
    push(children, parent, tag);
  }
  const ordered: Tag[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null) => {
    for (const tag of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
      if (seen.has(tag.id)) continue;
      seen.add(tag.id);
      ordered.push(tag);
      walk(tag.id);
    }
  };
  walk(null);
  return ordered;
}

const inDocumentOrder = (a: ReportExcerpt, b: ReportExcerpt) =>
  (a.excerpt.anchor?.start ?? Infinity) - (b.excerpt.anchor?.start ?? Infinity) || a.excerpt.createdAt.localeCompare(b.excerpt.createdAt);

function excerptGroups(data: ReportData, paths: Map<string, string>): ExcerptGroup[] {
  const byDocument = new Map<string, ReportExcerpt[]>();
  const detached: ReportExcerpt[] = [];
  const unsourced: ReportExcerpt[] = [];
  const documentIds = new Set(data.sources.map((document) => document.id));
  for (const item of data.excerpts) {
    const documentId = item.excerpt.documentId;
    if (documentId && documentIds.has(documentId)) push(byDocument, documentId, item);
    else if (item.excerpt.detachedFrom) detached.push(item);
    else unsourced.push(item);
  }
  const tail: ExcerptGroup[] = [];
  if (detached.length)
    tail.push({ key: 'detached', title: 'Quotes whose document was deleted', excerpts: detached.sort((a, b) => a.excerpt.createdAt.localeCompare(b.excerpt.createdAt)) });
  if (unsourced.length)
    tail.push({ key: 'unsourced', title: 'Quotes without a source', excerpts: unsourced.sort((a, b) => a.excerpt.createdAt.localeCompare(b.excerpt.createdAt)) });

  if (data.options.excerptsBy === 'document') {
    const groups: ExcerptGroup[] = [];
    for (const document of data.sources) {
      const items = byDocument.get(document.id);
      if (items) groups.push({ key: `document-${document.id}`, title: document.title || 'Untitled document', documentId: document.id, excerpts: items.sort(inDocumentOrder) });
    }
    return [...groups, ...tail];
  }
  // By tag: each tag's excerpts in source order (document by document, as above), then those with no tag.
  const sourceOrder = [...data.sources.flatMap((document) => byDocument.get(document.id)?.sort(inDocumentOrder) ?? []), ...tail.flatMap((group) => group.excerpts)];
  const byTag = new Map<string, ReportExcerpt[]>();
  const untagged: ReportExcerpt[] = [];
  for (const item of sourceOrder) {
    const tags = item.excerpt.tags.filter((id) => paths.has(id));
    if (!tags.length) untagged.push(item);
    for (const id of tags) push(byTag, id, item);
  }
  const groups: ExcerptGroup[] = codebookOrder(data.tags)
    .filter((tag) => byTag.has(tag.id))
    .map((tag) => ({ key: `tag-${tag.id}`, title: paths.get(tag.id)!, excerpts: byTag.get(tag.id)! }));
  if (untagged.length) groups.push({ key: 'untagged', title: 'Not tagged', excerpts: untagged });
  return groups;
}

export function derive(data: ReportData): Derived {
  const cached = cache.get(data);
  if (cached) return cached;
  const paths = tagPaths(data.tags);
  const groups = excerptGroups(data, paths);
  const numbers = new Map<string, number>();
  for (const group of groups) for (const item of group.excerpts) if (!numbers.has(item.excerpt.id)) numbers.set(item.excerpt.id, numbers.size + 1);

  const excerptById = new Map(data.excerpts.map((item) => [item.excerpt.id, item]));
  const eventById = new Map(data.events.map((item) => [item.event.id, item]));
  const noteById = new Map(data.notes.map((item) => [item.note.id, item]));
  const entityById = new Map(data.entities.map((item) => [item.entity.id, item]));
  const documentById = new Map(data.sources.map((document) => [document.id, document]));

  const mentions: Derived['mentions'] = new Map();
  const mentionsOf = (entityId: string) => {
    let found = mentions.get(entityId);
    if (!found) mentions.set(entityId, (found = { excerpts: new Set(), notes: new Set(), documents: new Set(), events: new Set() }));
    return found;
  };
  const excerptEntities = new Map<string, Set<string>>();
  for (const { from, to } of data.links) {
    const [entity, other] = from.type === 'entity' ? [from, to] : [to, from];
    if (entity.type !== 'entity') continue;
    if (other.type === 'excerpt' && excerptById.has(other.id)) {
      mentionsOf(entity.id).excerpts.add(other.id);
      excerptEntities.set(other.id, (excerptEntities.get(other.id) ?? new Set()).add(entity.id));
    } else if (other.type === 'note' && noteById.has(other.id)) mentionsOf(entity.id).notes.add(other.id);
    else if (other.type === 'document' && documentById.has(other.id)) mentionsOf(entity.id).documents.add(other.id);
  }
  for (const { event } of data.events) {
    for (const id of event.participantIds) mentionsOf(id).events.add(event.id);
    if (event.placeId) mentionsOf(event.placeId).events.add(event.id);
  }
  const derived: Derived = { excerptById, eventById, noteById, entityById, documentById, tagPaths: paths, groups, numbers, mentions, excerptEntities };
  cache.set(data, derived);
  return derived;
}

/** One render's state: the lookups, the contents as sections add to them, and what was worked around. */
export class RenderContext {
  readonly derived: Derived;
  readonly contents: ContentsEntry[] = [];
  readonly warnings: string[];
  private readonly printed: { notes: boolean; chronology: boolean; entities: boolean; excerpts: boolean; sources: boolean };

  constructor(readonly data: ReportData) {
    this.derived = derive(data);
    this.warnings = [...data.warnings];
    const on = data.options.sections;
    const any = !data.empty;
    this.printed = {
      notes: any && on.notes && data.notes.length > 0,
      chronology: any && on.chronology && data.events.length > 0,
      entities: any && on.entities && data.entities.length > 0,
      excerpts: any && on.excerpts && data.excerpts.length > 0,
      sources: any && on.sources && data.sources.length > 0,
    };
  }

  /** Whether a section is printed (switched on, and holding something). */
  prints(section: keyof RenderContext['printed']): boolean {
    return this.printed[section];
  }

  /** Lists a heading in the contents. */
  listed(id: string, title: string, level: 1 | 2): void {
    this.contents.push({ id, title, level });
  }

  // The anchor each record has where the report prints it, or null.
  excerptAnchor = (id: string): string | null => (this.printed.excerpts && this.derived.numbers.has(id) ? anchors.excerpt(id) : null);
  entityAnchor = (id: string): string | null => (this.printed.entities && this.derived.entityById.has(id) ? anchors.entity(id) : null);
  eventAnchor = (id: string): string | null => (this.printed.chronology && this.derived.eventById.has(id) ? anchors.event(id) : null);
  noteAnchor = (id: string): string | null => (this.printed.notes && this.derived.noteById.has(id) ? anchors.note(id) : null);
  sourceAnchor = (id: string): string | null => (this.printed.sources && this.derived.documentById.has(id) ? anchors.source(id) : null);

  /** `[12]` linked to the excerpt, or its number alone where the excerpts are not printed. */
  excerptReference(id: string): string {
    const number = this.derived.numbers.get(id);
    if (number === undefined) return '';
    const anchor = this.excerptAnchor(id);
    return anchor ? excerptRef(number, id) : `[${number}]`;
  }

  /** An entity's name, linked to its index entry when it has one. */
  entityName(id: string): string {
    const name = this.data.titles.entity[id];
    if (name === undefined) return '<span class="gone">an entity no longer in the case</span>';
    const anchor = this.entityAnchor(id);
    return anchor ? link(anchor, esc(name)) : esc(name);
  }

  entityTypeWord(type: string): string {
    return entityTypeLabel(type, this.data.entityTypes);
  }

  /** The citation of an excerpt as HTML, or null when it has no source to cite. */
  citationOf(excerpt: ReportExcerpt['excerpt']): string | null {
    const document = excerpt.documentId ? this.derived.documentById.get(excerpt.documentId) : undefined;
    const parts = excerptCitation(excerpt, document as CitedSource | undefined);
    return parts ? citationHtml(parts) : null;
  }

  /** The text as HTML, records named in it resolved against the report; a text that could not be read says so. */
  text(text: ReportText, options: { headingsFrom: number | null } = { headingsFrom: null }): string {
    const resolver = this.resolver(options.headingsFrom);
    let html: string;
    try {
      html = richTextHtml(text.doc, resolver);
    } catch (error) {
      this.warnings.push(`A text could not be printed: ${error instanceof Error ? error.message : String(error)}.`);
      html = '';
    }
    if (!text.problem) return html;
    return `<p class="damaged" role="note">This text could not be read as it was stored (${esc(text.problem)}); what could be recovered of it follows.</p>${html}`;
  }

  private resolver(headingsFrom: number | null): RichTextResolver {
    const { titles } = this.data;
    return {
      headingLevel: (level) => (headingsFrom === null ? null : Math.min(6, headingsFrom + level - 1)),
      recordLink: ({ type, id, label }) => {
        const table = titles[type as keyof typeof titles] as Record<string, string> | undefined;
        const current = table?.[id];
        if (current === undefined)
          return `<span class="gone">${esc(label || 'a record')} <span class="gone-note">(no longer in the case)</span></span>`;
        const anchor =
          type === 'entity'
            ? this.entityAnchor(id)
            : type === 'excerpt'
              ? this.excerptAnchor(id)
              : type === 'event'
                ? this.eventAnchor(id)
                : type === 'note'
                  ? this.noteAnchor(id)
                  : type === 'document'
                    ? this.sourceAnchor(id)
                    : null;
        let words = esc(type === 'excerpt' ? `“${current}”` : current);
        if (type === 'event') {
          const event = this.derived.eventById.get(id)?.event;
          if (event?.start) words = `${esc(eventWhen(event))}: ${words}`;
        }
        if (type === 'excerpt') {
          const reference = this.excerptReference(id);
          if (reference) return `${words} ${reference}`;
        }
        return anchor ? link(anchor, words, 'mention') : `<span class="mention">${words}</span>`;
      },
      excerptQuote: ({ id, quote, citation }) => {
        const item = this.derived.excerptById.get(id);
        const exists = titles.excerpt[id] !== undefined;
        const shownQuote = item?.excerpt.quote ?? quote;
        const cited = item ? this.citationOf(item.excerpt) : null;
        const reference = this.excerptReference(id);
        const caption = [
          cited ?? (citation ? esc(citation) : ''),
          exists ? reference : '<span class="gone-note">(excerpt no longer in the case)</span>',
        ]
          .filter(Boolean)
          .join(' ');
        return `<figure class="quote"><blockquote>${esc(shownQuote)}</blockquote>${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
      },
      image: ({ src, alt }) => {
        const id = src.startsWith('attachment:') ? src.slice('attachment:'.length) : null;
        const url = id ? this.data.images[id] : undefined;
        if (url) return `<figure class="image"><img src="${esc(url)}" alt="${esc(alt)}"></figure>`;
        return `<p class="gone">[Image not in the case${alt ? `: ${esc(alt)}` : ''}]</p>`;
      },
    };
  }
}
