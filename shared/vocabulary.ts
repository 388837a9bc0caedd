import type { CaseDocument, CaseRecord, Entity, Excerpt, Note, RecordType, TimelineEvent } from './domain';

/**
 * The case's vocabulary, declared once: the kinds of record a case holds and the kinds of link between them. Search,
 * links, routing, deletion, the schema's case tables and the report derive what they need from these two tables.
 */

export const RECORD_TYPES = ['document', 'excerpt', 'entity', 'event', 'note'] as const;

interface RecordKindOf<R extends CaseRecord> {
  /** The IndexedDB table its records live in. */
  table: string;
  /** The workspace section that lists it, the path under /case/:id. */
  section: string;
  /** The word a researcher uses in a sentence: "Delete this entity?". */
  label: string;
  /** The same word for many: "3 entities". */
  plural: string;
  /** The word on its own, as a tag or heading: "Entity". */
  heading: string;
  /** The name of its workspace section: "Timeline" for events. */
  sectionLabel: string;
  /** What one record is called in lists, links and messages. */
  title: (record: R) => string;
}

/** A quote as a title: its start, cut at a word where it can be. */
export function quoteTitle(quote: string): string {
  return quote.length > 60 ? `${quote.slice(0, 59)}…` : quote;
}

export const RECORD_KINDS = {
  document: {
    table: 'documents',
    section: 'documents',
    label: 'document',
    plural: 'documents',
    heading: 'Document',
    sectionLabel: 'Documents',
    title: (document: CaseDocument) => document.title,
  } as const satisfies RecordKindOf<CaseDocument>,
  excerpt: {
    table: 'excerpts',
    section: 'excerpts',
    label: 'excerpt',
    plural: 'excerpts',
    heading: 'Excerpt',
    sectionLabel: 'Excerpts',
    title: (excerpt: Excerpt) => quoteTitle(excerpt.quote),
  } as const satisfies RecordKindOf<Excerpt>,
  entity: {
    table: 'entities',
    section: 'entities',
    label: 'entity',
    plural: 'entities',
    heading: 'Entity',
    sectionLabel: 'Entities',
    title: (entity: Entity) => entity.name,
  } as const satisfies RecordKindOf<Entity>,
  event: {
    table: 'events',
    section: 'timeline',
    label: 'event',
    plural: 'events',
    heading: 'Event',
    sectionLabel: 'Timeline',
    title: (event: TimelineEvent) => event.title,
  } as const satisfies RecordKindOf<TimelineEvent>,
  note: {
    table: 'notes',
    section: 'notes',
    label: 'note',
    plural: 'notes',
    heading: 'Note',
    sectionLabel: 'Notes',
    title: (note: Note) => note.title,
  } as const satisfies RecordKindOf<Note>,
} as const satisfies Record<RecordType, RecordKindOf<never>>;

/** The record type each table holds, for code that sees table names (the search middleware). */
export type RecordTable = (typeof RECORD_KINDS)[RecordType]['table'];

export const RECORD_TABLES = RECORD_TYPES.map((type) => RECORD_KINDS[type].table) as RecordTable[];

/**
 * Tables that hold a case's rows, each with a `caseId` index: what deleting a case empties, and what its archive
 * holds (all but the search index). The record tables, then what belongs to records (original files, earlier texts,
 * recognised pages, links, the case's own types, relationships, dismissed suggestions, the chart, note folders and
 * attachments, the report's options, history, the index).
 */
export const CASE_TABLES = [
  ...RECORD_TABLES,
  'documentFiles',
  'documentVersions',
  'recognisedPages',
  'tags',
  'links',
  'entityTypes',
  'relationshipTypes',
  'relationships',
  'dismissedSuggestions',
  'chartLayouts',
  'noteFolders',
  'attachments',
  'reportOptions',
  'history',
  'searchIndexes',
] as const;
export type CaseTable = (typeof CASE_TABLES)[number];

export const recordTypeOfTable = (table: string): RecordType | undefined =>
  RECORD_TYPES.find((type) => RECORD_KINDS[type].table === table);

export const tableOf = (type: RecordType): RecordTable => RECORD_KINDS[type].table;

/** What a record is called in lists and messages: its name or title, or the start of its quote. */
export function recordTitle(type: RecordType, record: CaseRecord): string {
  return (RECORD_KINDS[type].title as (record: CaseRecord) => string)(record);
}

/** "1 entity", "3 entities". */
export function countOf(type: RecordType, count: number): string {
  const { label, plural } = RECORD_KINDS[type];
  return `${count.toLocaleString('en')} ${count === 1 ? label : plural}`;
}

/** Where a record opens in the workspace. */
export const recordPath = (caseId: string, type: RecordType, id: string): string =>
  `/case/${encodeURIComponent(caseId)}/${RECORD_KINDS[type].section}/${encodeURIComponent(id)}`;

export const LINK_KINDS = [
  'mentions',
  'text-mention',
  'evidence',
  'involves',
  'member-of',
  'works-for',
  'owns',
  'located-in',
  'contacted',
  'related-to',
  'quoted-from',
  'corroborates',
  'contradicts',
  'same-as',
] as const;

export type LinkKind = (typeof LINK_KINDS)[number];

interface LinkKindInfo {
  /** How the link reads from its start: an excerpt "mentions" an entity. */
  label: string;
  /** How it reads from its end: the entity is "mentioned in" the excerpt. */
  inverse: string;
  /** Reads the same both ways (A contacted B is B contacted A): only one of the two is kept. */
  symmetric: boolean;
  /** The record types each end may be. */
  from: readonly RecordType[];
  to: readonly RecordType[];
  /**
   * Kept in step with the text of the record it starts from (a note's mentions), never made or removed by hand: the
   * links panel does not offer it, and a save of the text adds and removes these links.
   */
  keptByText?: boolean;
}

const ANY = RECORD_TYPES;
const WRITTEN: readonly RecordType[] = ['document', 'excerpt', 'note', 'event'];

export const LINK_KIND_INFO = {
  mentions: { label: 'mentions', inverse: 'mentioned in', symmetric: false, from: WRITTEN, to: ANY },
  // A note's `@` mentions and `[[` links, kept by its text (shared/textReferences.ts) rather than by hand.
  'text-mention': { label: 'mentions in its text', inverse: 'mentioned in the text of', symmetric: false, from: ['note'], to: ANY, keptByText: true },
  evidence: { label: 'evidence', inverse: 'evidence for', symmetric: false, from: ['event'], to: ['excerpt', 'document'] },
  involves: { label: 'involves', inverse: 'involved in', symmetric: false, from: ['event'], to: ['entity'] },
  'member-of': { label: 'member of', inverse: 'has member', symmetric: false, from: ['entity'], to: ['entity'] },
  'works-for': { label: 'works for', inverse: 'employs', symmetric: false, from: ['entity'], to: ['entity'] },
  owns: { label: 'owns', inverse: 'owned by', symmetric: false, from: ['entity'], to: ['entity'] },
  'located-in': { label: 'located in', inverse: 'location of', symmetric: false, from: ['entity', 'event'], to: ['entity'] },
  contacted: { label: 'contacted', inverse: 'contacted', symmetric: true, from: ['entity'], to: ['entity'] },
  'related-to': { label: 'related to', inverse: 'related to', symmetric: true, from: ANY, to: ANY },
  'quoted-from': { label: 'quoted from', inverse: 'quoted in', symmetric: false, from: ['excerpt'], to: ['document'] },
  // Between two pieces of evidence: one source backs up, disputes or repeats another.
  corroborates: { label: 'corroborates', inverse: 'corroborated by', symmetric: false, from: ['excerpt'], to: ['excerpt'] },
  contradicts: { label: 'contradicts', inverse: 'contradicts', symmetric: true, from: ['excerpt'], to: ['excerpt'] },
  'same-as': { label: 'same as', inverse: 'same as', symmetric: true, from: ['excerpt'], to: ['excerpt'] },
} as const satisfies Record<LinkKind, LinkKindInfo>;

/** The kind of link a note's text keeps to every record it mentions or links to. */
export const TEXT_LINK_KIND = 'text-mention' satisfies LinkKind;

/** Whether links of this kind follow a record's text rather than being made by hand. */
export const isKeptByText = (kind: LinkKind): boolean => (LINK_KIND_INFO[kind] as LinkKindInfo).keptByText === true;

/** Whether a link of this kind may go from a record of one type to a record of another. */
export function linkAllowed(kind: LinkKind, from: RecordType, to: RecordType): boolean {
  const info: LinkKindInfo = LINK_KIND_INFO[kind];
  return info.from.includes(from) && info.to.includes(to);
}

/** Why a link of this kind cannot join these types, in words: "“involves” goes from an event to an entity." */
export function linkEndsMessage(kind: LinkKind): string {
  const info: LinkKindInfo = LINK_KIND_INFO[kind];
  const types = (ends: readonly RecordType[]) =>
    ends.length === RECORD_TYPES.length ? 'any record' : ends.map((type) => article(RECORD_KINDS[type].label)).join(' or ');
  return `“${info.label}” links ${types(info.from)} to ${types(info.to)}.`;
}

const article = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;

/** The link kind a researcher most likely means between two types, offered first. */
export function defaultLinkKind(from: RecordType, to: RecordType): LinkKind {
  const preferred: LinkKind[] = ['involves', 'evidence', 'quoted-from'];
  const kind = preferred.find((candidate) => linkAllowed(candidate, from, to));
  if (kind) return kind;
  return to === 'entity' && linkAllowed('mentions', from, to) ? 'mentions' : 'related-to';
}

/**
 * The types of relationship between entities every case has, with the link kinds' words: a relationship "works for"
 * reads as the link of that kind does. A case adds its own (`CaseRelationshipType`).
 */
export const RELATIONSHIP_TYPES = ['member-of', 'works-for', 'owns', 'located-in', 'contacted', 'related-to'] as const satisfies readonly LinkKind[];
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export interface RelationshipTypeInfo {
  /** How it reads from its start: A "works for" B. */
  label: string;
  /** How it reads from its end: B "employs" A. */
  inverse: string;
  /** Reads the same both ways: A contacted B is B contacted A. */
  symmetric: boolean;
}

export const RELATIONSHIP_TYPE_INFO = Object.fromEntries(
  RELATIONSHIP_TYPES.map((type) => {
    const { label, inverse, symmetric } = LINK_KIND_INFO[type];
    return [type, { label, inverse, symmetric }];
  }),
) as Record<RelationshipType, RelationshipTypeInfo>;

export const isBuiltInRelationshipType = (type: string): type is RelationshipType =>
  (RELATIONSHIP_TYPES as readonly string[]).includes(type);

/** The relationship type whose chains may never come back to where they started: nothing is located in itself. */
export const LOCATED_IN: RelationshipType = 'located-in';
