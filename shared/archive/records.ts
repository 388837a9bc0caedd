import { z } from 'zod';
import {
  ALIAS_ORIGINS,
  CONFIDENCES,
  DATE_PRECISIONS,
  DATE_QUALIFIERS,
  DOCUMENT_KINDS,
  EVENT_STATUSES,
  HISTORY_ACTIONS,
  LINK_KINDS,
  OCR_LANGUAGES,
  RECORD_TYPES,
  type Attachment,
  type CaseDocument,
  type CaseEntityType,
  type CaseFile,
  type CaseRelationshipType,
  type ChartLayout,
  type DismissedSuggestion,
  type DocumentFile,
  type DocumentVersion,
  type Entity,
  type Excerpt,
  type HistoryEntry,
  type Link,
  type Note,
  type NoteFolder,
  type RecognisedPage,
  type Relationship,
  type RichText,
  type RichTextNode,
  type Tag,
  type TimelineEvent,
} from '../domain';
import { isCaseLocale } from '../caseLocales';
import { PARTIAL_DATE_FORMS, isValidPartialDate } from '../partialDate';
import { CASE_TABLES, quoteTitle, type CaseTable } from '../vocabulary';

/**
 * What a valid archived case is (issue 13): the tables a `.casebook` archive holds, and for each the schema of its rows
 * as they appear in the archive's JSON. Pure: the import parses every row with these before it writes anything, and
 * the export can parse what it writes with them too, so what goes out is what comes back.
 *
 * Unknown keys are stripped, not refused. The stored types are closed, but IndexedDB keeps whatever was put in it: a
 * row written by an older Casebook (or spread from a wider object by the domain) may carry a field no type names any
 * more. Refusing it would refuse real cases; stripping it loses only what nothing reads, and means no key that was not
 * validated (and whose ids the remap would not see) is ever written. The archive's own shape, the file reference, is
 * ours and closed: there an unknown key is refused.
 */

/**
 * The tables an archive holds: every table of a case's rows (`CASE_TABLES`) but the search index, which is derived and
 * rebuilt after an import, and the case's own row first.
 */
export const ARCHIVED_TABLES = ['cases', ...CASE_TABLES.filter((table): table is Exclude<CaseTable, 'searchIndexes'> => table !== 'searchIndexes')] as const;
export type ArchivedTable = (typeof ARCHIVED_TABLES)[number];

export const isArchivedTable = (table: string): table is ArchivedTable => (ARCHIVED_TABLES as readonly string[]).includes(table);

// ---- the pieces

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A record's id: any non-empty text (Casebook writes UUIDs, but older rows and recognised pages use others). */
const id = z.string().min(1, { error: 'cannot be empty' });
const ids = z.array(id);
const text = z.string();
const count = z.number().int().nonnegative();
const sha256 = z.string().regex(SHA256_HEX, { error: 'must be a SHA-256 hash: 64 hexadecimal digits in lower case' });
/** A moment, as `Date.prototype.toISOString` writes it (an offset is accepted too). */
const timestamp = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time, such as 2021-03-09T06:00:00.000Z' });
const colour = z.string().regex(/^#[0-9a-f]{6}$/i, { error: 'must be a colour written #rrggbb' });

/**
 * A binary field in the archive: not the bytes but the entry holding them, `files/<sha256>`, with their size and, where
 * the stored Blob had one, its MIME type. The export moves bytes out to those entries and the import reads them back.
 */
export const archivedFileRef = z.strictObject(
  {
    file: sha256,
    size: count,
    type: z.string().optional(),
  },
  { error: (issue) => (issue.code === 'invalid_type' ? 'must be a reference to a file of the archive, { file: "<sha256>", size }' : undefined) },
);
export type ArchivedFileRef = z.infer<typeof archivedFileRef>;

const jsonObject = z.record(z.string(), z.unknown());

const richTextMark = z.object({ type: z.string().min(1), attrs: jsonObject.optional() });

const richTextNode: z.ZodType<RichTextNode> = z.lazy(() =>
  z.object(
    {
      type: z.string().min(1, { error: 'cannot be empty' }),
      attrs: jsonObject.optional(),
      content: z.array(richTextNode).optional(),
      marks: z.array(richTextMark).optional(),
      text: z.string().optional(),
    },
    { error: (issue) => (issue.code === 'invalid_type' ? 'must be a rich-text node (an object with a type)' : undefined) },
  ),
);

/** TipTap's document JSON, every node checked for its shape (what each node means is the editor's business). */
const richText = z.object(
  {
    type: z.literal('doc', { error: 'must be "doc"' }),
    content: z.array(richTextNode).optional(),
  },
  { error: (issue) => (issue.code === 'invalid_type' ? 'must be rich text (a TipTap document object)' : undefined) },
) satisfies z.ZodType<RichText>;

const partialDateRefinement = {
  error: `must be a real date written ${PARTIAL_DATE_FORMS.replace(' HH:MM', 'THH:MM')} to match its precision`,
  path: ['value'],
};
const partialDate = z
  .object({ value: z.string(), precision: z.enum(DATE_PRECISIONS) })
  .refine(isValidPartialDate, partialDateRefinement);
const eventDate = z
  .object({ value: z.string(), precision: z.enum(DATE_PRECISIONS), qualifier: z.enum(DATE_QUALIFIERS).nullable() })
  .refine(isValidPartialDate, partialDateRefinement);

const recordRef = z.object({ type: z.enum(RECORD_TYPES), id });
const textAnchor = z.object({
  start: count,
  end: count,
  prefix: text,
  suffix: text,
  page: z.number().int().positive().nullable(),
});
const documentCleanup = z.object({ removed: z.array(z.object({ index: count, text, reason: text })) });

/** `ends` repeats the two ends, for the index: they must say the same. */
const ENDS_MATCH = { error: 'must hold the two ends’ ids, from then to', path: ['ends'] };

const record = { id, caseId: id, createdAt: timestamp, updatedAt: timestamp };

// ---- the tables

const cases = z.object({
  id,
  name: z.string().min(1, { error: 'cannot be empty' }),
  nameKey: text,
  description: richText.nullable(),
  locale: z.string().refine((locale): boolean => isCaseLocale(locale), { error: 'must be a locale Casebook reads dates in' }).nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const documents = z.object({
  ...record,
  title: text,
  kind: z.enum(DOCUMENT_KINDS),
  fileName: text.nullable(),
  mimeType: text,
  size: count,
  sha256,
  importedAt: timestamp,
  text,
  html: text.nullable(),
  sourceUrl: text.nullable(),
  authors: z.array(text),
  publishedAt: text.nullable(),
  publishedAtSource: z
    .discriminatedUnion('from', [
      z.object({ from: z.literal('metadata') }),
      z.object({ from: z.literal('front-matter') }),
      z.object({ from: z.literal('created') }),
      z.object({ from: z.literal('text'), quote: text }),
    ])
    .nullable()
    .optional(),
  language: text.nullable(),
  languageSource: z.enum(['declared', 'detected']).nullable().optional(),
  /** A document's tags are names typed freely, not the codebook's ids. */
  tags: z.array(text),
  summary: richText.nullable(),
  siteName: text.nullable(),
  charset: text.nullable(),
  pages: z.array(z.object({ page: z.number().int().positive(), start: count, end: count })).nullable(),
  pageCount: count.nullable(),
  textLayer: z.boolean(),
  ocr: z
    .object({ language: z.enum(OCR_LANGUAGES), confidence: z.number(), recognisedAt: timestamp, engine: text })
    .nullable(),
  warnings: z.array(text),
  cleanup: documentCleanup.nullable(),
  textVersion: z.number().int().positive(),
}) satisfies z.ZodType<CaseDocument>;

const documentFiles = z.object({ id, caseId: id, bytes: archivedFileRef });

const documentVersions = z.object({
  id,
  caseId: id,
  documentId: id,
  number: z.number().int().positive(),
  text,
  cleanup: documentCleanup.nullable(),
  anchors: z.record(id, textAnchor.nullable()),
  replacedAt: timestamp,
  replacedBy: text,
}) satisfies z.ZodType<DocumentVersion>;

const recognisedPages = z
  .object({
    id,
    documentId: id,
    caseId: id,
    page: z.number().int().positive(),
    width: z.number().nonnegative(),
    height: z.number().nonnegative(),
    confidence: z.number(),
    words: z.array(
      z.object({
        text,
        start: count,
        end: count,
        box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
        confidence: z.number(),
        line: count,
      }),
    ),
  })
  .refine((page) => page.id === `${page.documentId}:${page.page}`, { error: 'must be the document’s id and the page’s number, “<documentId>:<page>”', path: ['id'] }) satisfies z.ZodType<RecognisedPage>;

const excerpts = z.object({
  ...record,
  documentId: id.nullable(),
  quote: text,
  anchor: textAnchor.nullable(),
  orphaned: z.boolean(),
  detachedFrom: z
    .object({
      title: text,
      sha256,
      fileName: text.nullable(),
      authors: z.array(text),
      siteName: text.nullable(),
      publishedAt: text.nullable(),
      sourceUrl: text.nullable(),
      importedAt: timestamp,
      page: z.number().int().positive().nullable(),
    })
    .nullable(),
  comment: richText.nullable(),
  tags: ids,
}) satisfies z.ZodType<Excerpt>;

const tags = z.object({
  ...record,
  parentId: id.nullable(),
  name: z.string().min(1, { error: 'cannot be empty' }),
  nameKey: text,
  colour,
  description: text,
}) satisfies z.ZodType<Tag>;

const entities = z.object({
  ...record,
  name: z.string().min(1, { error: 'cannot be empty' }),
  nameKey: text,
  /** A built-in type or the id of one of the case's own: which, `checkReferences` tells. */
  type: id,
  aliases: z.array(z.object({ name: text, origin: z.enum(ALIAS_ORIGINS), from: text.optional() })),
  aliasKeys: z.array(text),
  attributes: z.array(z.object({ id, key: text, value: text, start: partialDate.nullable(), end: partialDate.nullable() })),
  tags: ids,
  description: richText.nullable(),
}) satisfies z.ZodType<Entity>;

const entityTypes = z.object({
  ...record,
  name: z.string().min(1, { error: 'cannot be empty' }),
  nameKey: text,
  letter: text,
  icon: text.nullable(),
  colour,
}) satisfies z.ZodType<CaseEntityType>;

const relationshipTypes = z.object({
  ...record,
  label: z.string().min(1, { error: 'cannot be empty' }),
  inverse: text,
  labelKey: text,
}) satisfies z.ZodType<CaseRelationshipType>;

const relationships = z
  .object({
    ...record,
    from: id,
    to: id,
    ends: z.tuple([id, id]),
    /** A built-in type or the id of one of the case's own. */
    type: id,
    start: partialDate.nullable(),
    end: partialDate.nullable(),
    confidence: z.enum(CONFIDENCES),
    excerptIds: ids,
    note: richText.nullable(),
  })
  .refine((relationship) => relationship.ends[0] === relationship.from && relationship.ends[1] === relationship.to, ENDS_MATCH) satisfies z.ZodType<Relationship>;

const links = z
  .object({ ...record, from: recordRef, to: recordRef, kind: z.enum(LINK_KINDS), ends: z.tuple([id, id]) })
  .refine((link) => link.ends[0] === link.from.id && link.ends[1] === link.to.id, ENDS_MATCH) satisfies z.ZodType<Link>;

const dismissedSuggestions = z.object({
  caseId: id,
  key: z.string().min(1, { error: 'cannot be empty' }),
  type: id,
  name: text,
  dismissedAt: timestamp,
}) satisfies z.ZodType<DismissedSuggestion>;

const chartPositions = z.record(id, z.object({ x: z.number(), y: z.number() }));

const chartLayouts = z.object({ caseId: id, positions: chartPositions, updatedAt: timestamp }) satisfies z.ZodType<ChartLayout>;

const events = z.object({
  ...record,
  title: text,
  start: eventDate.nullable(),
  end: eventDate.nullable(),
  sortKey: text,
  placeId: id.nullable(),
  participants: z.array(z.object({ entityId: id, role: text.nullable() })),
  participantIds: ids,
  evidenceIds: ids,
  tags: ids,
  confidence: z.enum(CONFIDENCES),
  status: z.enum(EVENT_STATUSES),
  sameAs: id.nullable(),
  description: richText.nullable(),
}) satisfies z.ZodType<TimelineEvent>;

const notes = z.object({
  ...record,
  title: text,
  body: richText.nullable(),
  parentId: id.nullable(),
  position: text,
  pinned: z.boolean(),
}) satisfies z.ZodType<Note>;

const noteFolders = z.object({ ...record, parentId: id.nullable(), name: text, position: text }) satisfies z.ZodType<NoteFolder>;

const attachments = z.object({
  id,
  caseId: id,
  noteId: id,
  name: text,
  mimeType: text,
  size: count,
  sha256,
  bytes: archivedFileRef,
  createdAt: timestamp,
}).refine((attachment) => attachment.bytes.file === attachment.sha256 && attachment.bytes.size === attachment.size, {
  error: 'must be the file the attachment’s sha256 and size name',
  path: ['bytes'],
});

/**
 * The report's options are stored as the export dialog last saved them, maybe by an older version (read back with
 * defaults by `readReportOptions`): any object is kept as it is; the ids its selection names are remapped.
 */
const reportOptions = z.object({
  caseId: id,
  options: jsonObject,
  updatedAt: timestamp,
});

const history = z.object({
  /**
   * Required in the archive (optional in the stored type only because IndexedDB assigns it): it orders the history,
   * and an undo names the entry it undid by it. The import renumbers them (`remapCase`'s `firstSeq`).
   */
  seq: z.number().int().positive(),
  caseId: id,
  at: timestamp,
  action: z.enum(HISTORY_ACTIONS),
  summary: text,
  records: z.array(recordRef),
  undo: z
    .object({
      kind: z.literal('merge'),
      keptId: id,
      mergedIds: ids,
      writtenAt: timestamp,
      before: z.object({
        entities: z.array(entities),
        links: z.array(links),
        relationships: z.array(relationships),
        positions: chartPositions,
        events: z.array(events).optional(),
      }),
      written: z.object({ entities: ids, links: ids, relationships: ids, events: ids.optional() }),
    })
    .optional(),
  undoes: z.number().int().positive().optional(),
}) satisfies z.ZodType<HistoryEntry>;

/** Each table's rows as they appear in the archive's JSON. */
export const ARCHIVED_ROW_SCHEMAS = {
  cases,
  documents,
  excerpts,
  entities,
  events,
  notes,
  documentFiles,
  documentVersions,
  recognisedPages,
  tags,
  links,
  entityTypes,
  relationshipTypes,
  relationships,
  dismissedSuggestions,
  chartLayouts,
  noteFolders,
  attachments,
  reportOptions,
  history,
} as const satisfies Record<ArchivedTable, z.ZodType>;

/** One row of a table as the archive holds it (binary fields as file references). */
export type ArchivedRow<T extends ArchivedTable> = z.output<(typeof ARCHIVED_ROW_SCHEMAS)[T]>;

/** A whole archived case: every table's rows (the `cases` table holds the one case). */
export type ArchivedCase = { [T in ArchivedTable]: ArchivedRow<T>[] };

// The archive's rows are the stored rows with their binary fields as file references: what the export writes.
type AsArchived<Stored, Binary extends keyof Stored> = Omit<Stored, Binary> & { [K in Binary]: ArchivedFileRef };
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape = <_Check extends true>() => undefined;
sameShape<SameShape<ArchivedRow<'documentFiles'>, AsArchived<DocumentFile, 'bytes'>>>();
sameShape<SameShape<ArchivedRow<'attachments'>, AsArchived<Attachment, 'bytes'>>>();
sameShape<SameShape<ArchivedRow<'cases'>, CaseFile>>();

/** The fields of a table's rows that hold bytes (a Blob when stored, a file reference in the archive). */
const BINARY_FIELDS: { readonly [T in ArchivedTable]?: readonly string[] } = {
  documentFiles: ['bytes'],
  attachments: ['bytes'],
};

/** The fields whose bytes the export moves to `files/<sha256>` entries and the import puts back. */
export const binaryFields = (table: ArchivedTable): readonly string[] => BINARY_FIELDS[table] ?? [];

// ---- messages

/** What one record of each table is called in a message. */
const RECORD_WORDS: Record<ArchivedTable, { heading: string; label: string }> = {
  cases: { heading: 'Case', label: 'case' },
  documents: { heading: 'Document', label: 'document' },
  excerpts: { heading: 'Excerpt', label: 'excerpt' },
  entities: { heading: 'Entity', label: 'entity' },
  events: { heading: 'Event', label: 'event' },
  notes: { heading: 'Note', label: 'note' },
  documentFiles: { heading: 'Original file', label: 'original file' },
  documentVersions: { heading: 'Earlier text', label: 'earlier text' },
  recognisedPages: { heading: 'Recognised page', label: 'recognised page' },
  tags: { heading: 'Tag', label: 'tag' },
  links: { heading: 'Link', label: 'link' },
  entityTypes: { heading: 'Entity type', label: 'entity type' },
  relationshipTypes: { heading: 'Relationship type', label: 'relationship type' },
  relationships: { heading: 'Relationship', label: 'relationship' },
  dismissedSuggestions: { heading: 'Dismissed suggestion', label: 'dismissed suggestion' },
  chartLayouts: { heading: 'Link chart arrangement', label: 'link chart arrangement' },
  noteFolders: { heading: 'Notes folder', label: 'notes folder' },
  attachments: { heading: 'Attachment', label: 'attachment' },
  reportOptions: { heading: 'Report options', label: 'report options' },
  history: { heading: 'History entry', label: 'history entry' },
};

/** "excerpt", "notes folder": a record of the table in a sentence. */
export const recordWord = (table: ArchivedTable): string => RECORD_WORDS[table].label;

/** "Excerpt", "Notes folder": a record of the table as a message begins with it. */
export const recordHeading = (table: ArchivedTable): string => RECORD_WORDS[table].heading;

/** An id as a message shows it: its start, enough to find it. */
export const shortId = (value: string): string => (value.length > 8 ? `${value.slice(0, 8)}…` : value);

const field = (row: unknown, key: string): unknown => (typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[key] : undefined);

/** The words a record is known by: its name or title, the first words of its quote, a history entry's summary. */
export function titleOfRow(table: ArchivedTable, row: unknown): string | null {
  const named = ['name', 'title', 'label', 'quote', 'summary'].map((key) => field(row, key)).find((value) => typeof value === 'string' && value.trim());
  if (typeof named !== 'string') return null;
  const words = named.trim().replace(/\s+/g, ' ');
  return table === 'excerpts' || table === 'history' ? firstWords(words) : quoteTitle(words);
}

/** The start of a long text, cut after a word: “Quayline paid 40,000…”. */
function firstWords(words: string, max = 24): string {
  if (words.length <= max) return words;
  const cut = words.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > 8 ? cut.slice(0, space) : cut}…`;
}

/** How a message names a row: its kind, its id (or key) and its title: Excerpt 3f2a91c0… (“Quayline paid 40,000…”). */
export function describeRow(table: ArchivedTable, row: unknown): string {
  const { heading } = RECORD_WORDS[table];
  // One arrangement, one set of options a case, and dismissed suggestions known by their name: no key to show.
  const unkeyed = table === 'chartLayouts' || table === 'reportOptions' || table === 'dismissedSuggestions';
  const key = table === 'history' ? field(row, 'seq') : field(row, 'id');
  const named = unkeyed ? '' : typeof key === 'string' && key ? ` ${shortId(key)}` : typeof key === 'number' ? ` ${key}` : ` without ${table === 'history' ? 'a seq' : 'an id'}`;
  const title = titleOfRow(table, row);
  return `${heading}${named}${title ? ` (“${title}”)` : ''}`;
}

/** A path in a row as a reader writes it: anchor.start, participants[0].entityId, positions["3f2…"].x. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const name = String(segment);
      return /^[A-Za-z_$][\w$]*$/.test(name) ? `${index ? '.' : ''}${name}` : `[${JSON.stringify(name)}]`;
    })
    .join('');
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  tuple: 'a list',
  record: 'an object',
  literal: 'a fixed value',
};

/** Zod's issues in plain words, for the fields whose schema gives none of its own. */
const plainMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is missing' : `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of: ${issue.values.map((value) => String(value)).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'cannot be empty';
      return issue.origin === 'number' ? `must be at least ${String(issue.minimum)}` : `must have at least ${String(issue.minimum)} items`;
    case 'too_big':
      return issue.origin === 'number' ? `must be at most ${String(issue.maximum)}` : `must have at most ${String(issue.maximum)} items`;
    case 'unrecognized_keys':
      return `has fields Casebook does not know: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'is in none of the forms Casebook stores';
    default:
      return undefined;
  }
};

export type ParsedRow<T extends ArchivedTable> = { ok: ArchivedRow<T> } | { problem: string };

/**
 * One row of an archive, checked against its table's schema: the row as Casebook stores it (unknown keys dropped), or
 * a message naming the table, the record and the field: `Excerpt 3f2a91c0… (“Quayline paid 40,000…”): anchor.start
 * must be a number`.
 */
export function parseArchivedRow<T extends ArchivedTable>(table: T, value: unknown): ParsedRow<T> {
  const schema = ARCHIVED_ROW_SCHEMAS[table] as unknown as z.ZodType<ArchivedRow<T>>;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { problem: `A row of ${RECORD_WORDS[table].heading.toLowerCase()} records is not an object.` };
  const parsed = schema.safeParse(value, { error: plainMessage });
  if (parsed.success) return { ok: parsed.data };
  const issues = parsed.error.issues.slice(0, 3).map((issue) => `${fieldPath(issue.path)} ${issue.message}`);
  const more = parsed.error.issues.length - issues.length;
  return { problem: `${describeRow(table, value)}: ${issues.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}` };
}
