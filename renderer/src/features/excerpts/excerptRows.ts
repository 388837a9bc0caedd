import type { Excerpt, Tag } from '../../../../shared/domain';
import { tagPath, withDescendants } from '../../../../shared/codebook';
import type { ExcerptLinks, ExcerptTableData } from '../../db/queries/excerptTable';
import { richTextToPlain } from '../../search/searchFields';
import { fold } from '../../search/fold';

/**
 * The excerpts table's rows: which excerpts a filter keeps, in which order a column sorts them, and what each cell
 * says. Pure, so the view, the CSV export and the benchmark agree on them.
 */

export interface ExcerptFilter {
  text: string;
  documentId: string | null;
  /** A tag id (its sub-tags included) or, for excerpts tagged before the codebook, a tag name. */
  tag: string | null;
  entityId: string | null;
  eventId: string | null;
  orphanedOnly: boolean;
}

export const NO_FILTER: ExcerptFilter = { text: '', documentId: null, tag: null, entityId: null, eventId: null, orphanedOnly: false };

export const COLUMNS = ['quote', 'source', 'page', 'tags', 'links', 'added'] as const;
export type Column = (typeof COLUMNS)[number];
export const COLUMN_LABELS: Record<Column, string> = {
  quote: 'Quote',
  source: 'Source',
  page: 'Page',
  tags: 'Tags',
  links: 'Linked to',
  added: 'Added',
};

export interface Sort {
  column: Column;
  descending: boolean;
}

const NO_LINKS: ExcerptLinks = { entities: [], events: [] };

export const NEWEST_FIRST: Sort = { column: 'added', descending: true };

/** A tag as a chip shows it: its path and colour, or, for an id or name not in the codebook, the word alone. */
export interface TagChip {
  key: string;
  label: string;
  colour: string | null;
}

/** Reads over one load of the table, built once per load (not per row or per keystroke). */
export class ExcerptTableModel {
  private readonly tagById: Map<string, Tag>;
  private readonly pathById = new Map<string, string>();
  private readonly searchKeys = new WeakMap<Excerpt, string>();

  constructor(readonly data: ExcerptTableData) {
    this.tagById = new Map(data.tags.map((tag) => [tag.id, tag]));
  }

  tagPathOf(id: string): string {
    let path = this.pathById.get(id);
    if (path === undefined) this.pathById.set(id, (path = this.tagById.has(id) ? tagPath(this.data.tags, id) : id));
    return path;
  }

  chips(excerpt: Excerpt): TagChip[] {
    return excerpt.tags.map((id) => ({ key: id, label: this.tagPathOf(id), colour: this.tagById.get(id)?.colour ?? null }));
  }

  links(excerpt: Excerpt): ExcerptLinks {
    return this.data.links.get(excerpt.id) ?? NO_LINKS;
  }

  sourceTitle(excerpt: Excerpt): string {
    const source = excerpt.documentId ? this.data.sources.get(excerpt.documentId) : undefined;
    return source?.title ?? excerpt.detachedFrom?.title ?? '';
  }

  page(excerpt: Excerpt): number | null {
    return excerpt.anchor?.page ?? excerpt.detachedFrom?.page ?? null;
  }

  /** The codebook's tags by path, then names used on excerpts that are not in the codebook (tagged before it). */
  tagChoices(): { value: string; label: string }[] {
    const choices = this.data.tags.map((tag) => ({ value: tag.id, label: this.tagPathOf(tag.id) }));
    const unknown = new Set<string>();
    for (const excerpt of this.data.excerpts) for (const id of excerpt.tags) if (!this.tagById.has(id)) unknown.add(id);
    return [...choices.sort((a, b) => a.label.localeCompare(b.label)), ...[...unknown].sort().map((name) => ({ value: name, label: name }))];
  }

  /** Entities or events linked to at least one excerpt, by name. */
  linkedChoices(type: 'entities' | 'events'): { value: string; label: string }[] {
    const found = new Map<string, string>();
    for (const links of this.data.links.values()) for (const named of links[type]) found.set(named.ref.id, named.title);
    return [...found].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  }

  /** What the text filter searches: quote, comment, tags, source and linked names, folded (case and accents). */
  private searchKey(excerpt: Excerpt): string {
    let key = this.searchKeys.get(excerpt);
    if (key === undefined) {
      const links = this.links(excerpt);
      key = fold(
        [
          excerpt.quote,
          richTextToPlain(excerpt.comment),
          ...excerpt.tags.map((id) => this.tagPathOf(id)),
          this.sourceTitle(excerpt),
          ...links.entities.map((named) => named.title),
          ...links.events.map((named) => named.title),
        ].join('\n'),
      );
      this.searchKeys.set(excerpt, key);
    }
    return key;
  }

  filter(filter: ExcerptFilter): Excerpt[] {
    const tags = filter.tag === null ? null : this.tagById.has(filter.tag) ? withDescendants(this.data.tags, filter.tag) : new Set([filter.tag]);
    const words = fold(filter.text.trim()).split(/\s+/).filter(Boolean);
    const linkedTo = (excerpt: Excerpt, type: 'entities' | 'events', id: string) =>
      this.data.links.get(excerpt.id)?.[type].some((named) => named.ref.id === id) ?? false;
    return this.data.excerpts.filter(
      (excerpt) =>
        (filter.documentId === null || excerpt.documentId === filter.documentId) &&
        (!filter.orphanedOnly || excerpt.orphaned) &&
        (tags === null || excerpt.tags.some((id) => tags.has(id))) &&
        (filter.entityId === null || linkedTo(excerpt, 'entities', filter.entityId)) &&
        (filter.eventId === null || linkedTo(excerpt, 'events', filter.eventId)) &&
        (words.length === 0 || words.every((word) => this.searchKey(excerpt).includes(word))),
    );
  }

  /** The excerpts in a column's order; ties keep the newest first, and empty cells go last either way. */
  sort(excerpts: readonly Excerpt[], { column, descending }: Sort): Excerpt[] {
    const direction = descending ? -1 : 1;
    const keyOf = this.sortKey(column);
    const keyed = excerpts.map((excerpt) => ({ excerpt, key: keyOf(excerpt) }));
    keyed.sort((a, b) => {
      if (a.key === b.key) return b.excerpt.createdAt.localeCompare(a.excerpt.createdAt);
      if (a.key === null) return 1;
      if (b.key === null) return -1;
      return (a.key < b.key ? -1 : 1) * direction;
    });
    return keyed.map((entry) => entry.excerpt);
  }

  private sortKey(column: Column): (excerpt: Excerpt) => string | number | null {
    const text = (value: string) => (value ? fold(value) : null);
    switch (column) {
      case 'quote':
        return (excerpt) => text(excerpt.quote);
      case 'source':
        return (excerpt) => text(this.sourceTitle(excerpt));
      case 'page':
        return (excerpt) => this.page(excerpt);
      case 'tags':
        return (excerpt) => text(excerpt.tags.map((id) => this.tagPathOf(id)).sort().join(' '));
      case 'links':
        return (excerpt) => {
          const links = this.links(excerpt);
          return text([...links.entities, ...links.events].map((named) => named.title).sort().join(' '));
        };
      case 'added':
        return (excerpt) => excerpt.createdAt;
    }
  }
}
