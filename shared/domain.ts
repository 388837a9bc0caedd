import type { LinkKind, RECORD_TYPES } from './vocabulary';

/**
 * The case file's records, as stored in IndexedDB and as the views read them.
 * Every record has a stable id, the id of its case and its creation and last-change times (ISO 8601, UTC).
 */

/** TipTap's document JSON (`editor.getJSON()`), stored as is so nothing is lost between edits. */
export interface RichText {
  type: 'doc';
  content?: RichTextNode[];
}

export interface RichTextNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

export interface RecordBase {
  id: string;
  caseId: string;
  createdAt: string;
  updatedAt: string;
}

export interface CaseFile {
  id: string;
  name: string;
  /** Lower-cased, trimmed name: the unique key that stops two cases sharing a name. */
  nameKey: string;
  description: RichText | null;
  /**
   * The locale the case's typed dates are read in (`CASE_LOCALES`: "en-GB" reads 15/09/2020 day first, "en-US" month
   * first, "de-DE" German month names), or null to follow the researcher's computer.
   */
  locale: string | null;
  createdAt: string;
  updatedAt: string;
}

export const DOCUMENT_KINDS = ['html', 'pdf', 'docx', 'text', 'markdown', 'image'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Each kind of document in words, as the reader's details and the report's sources name it. */
export const DOCUMENT_KIND_LABELS: Readonly<Record<DocumentKind, string>> = {
  html: 'Web page',
  pdf: 'PDF',
  docx: 'Word document',
  text: 'Plain text',
  markdown: 'Markdown',
  image: 'Image',
};

/** The languages text can be recognised in (OCR), by Tesseract's codes: each one's data ships with the app. */
export const OCR_LANGUAGES = ['eng', 'fra', 'deu', 'spa', 'nld', 'pol', 'chi_sim'] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];

/** How a document's text was recognised from its page images: small, so it stays on the document. */
export interface OcrSummary {
  language: OcrLanguage;
  /** The recognised words' mean confidence, 0 to 100. */
  confidence: number;
  recognisedAt: string;
  /** Which engine read it ("tesseract.js 7.0.0"), for the record. */
  engine: string;
}

export interface CaseDocument extends RecordBase {
  title: string;
  kind: DocumentKind;
  /** The original file's name, or null for a document written or pasted in the app. */
  fileName: string | null;
  mimeType: string;
  /** Size in bytes of the original. */
  size: number;
  /** Hex SHA-256 of the original bytes: how duplicates are found. */
  sha256: string;
  importedAt: string;
  /** The extracted plain text, the base for excerpts and search. */
  text: string;
  /** Cleaned, sanitised HTML for the reader, or null when the text is all there is. */
  html: string | null;
  sourceUrl: string | null;
  authors: string[];
  publishedAt: string | null;
  /** Where the import found `publishedAt`; absent or null when not recorded (imported earlier, or set by hand). */
  publishedAtSource?: DateSource | null;
  language: string | null;
  /** Whether the file declared its language or Casebook detected it from the text; null once set by hand. */
  languageSource?: LanguageSource | null;
  tags: string[];
  summary: RichText | null;
  /** Name of the site or publication the document comes from ("Harbour Herald"). */
  siteName: string | null;
  /** The character encoding the text was decoded from, for text and web pages ("utf-8", "windows-1250"). */
  charset: string | null;
  /** For PDFs: where each page's text starts and ends in `text`, so a match can open its page. */
  pages: PageSpan[] | null;
  /** Number of pages, for paged formats; null otherwise. */
  pageCount: number | null;
  /**
   * False for a PDF whose pages are images only, and for an image: they can be viewed but have no text to search
   * until their text is recognised (OCR), which makes it true.
   */
  textLayer: boolean;
  /** Set when `text` was recognised from the page images (OCR): in which language, how confidently. */
  ocr: OcrSummary | null;
  /** Things the importer noticed and the reader should know ("published date in the metadata was absurd"). */
  warnings: string[];
  /** The lines of site text taken out of the text as extracted (version 1), by the importer or the researcher. */
  cleanup: DocumentCleanup | null;
  /**
   * The number of the current text: 1 as extracted from the file; each clean-up, line put back or undo changes it,
   * and the texts before the current one are kept in `documentVersions` (versions 1 … textVersion − 1).
   */
  textVersion: number;
}

/** A line taken out of a document's text as site chrome, with why. */
export interface RemovedLine {
  /** The line's index in the lines of the text as extracted (`text.split('\n')` of version 1). */
  index: number;
  text: string;
  /** Why it was taken for site text, in a few words ("Advertisement label", "Share buttons in a row"). */
  reason: string;
}

/** What a clean-up took out of a document's text: lines of its text as extracted. */
export interface DocumentCleanup {
  removed: RemovedLine[];
}

/**
 * An earlier text of a document, kept so that a clean-up can be undone. Kept apart from `documents`, as the original
 * file is, so that listing documents never loads them.
 */
export interface DocumentVersion {
  id: string;
  caseId: string;
  documentId: string;
  /** 1 for the text as extracted from the file, then one more for each change. */
  number: number;
  text: string;
  cleanup: DocumentCleanup | null;
  /** Where each excerpt of the document was in this text, by excerpt id, to put it back there on undo. */
  anchors: Record<string, TextAnchor | null>;
  /** When this text was replaced, and by what change ("Removed 12 lines of site text at import"). */
  replacedAt: string;
  replacedBy: string;
}

/**
 * Where a document's published date was found: its metadata (a page's meta tags, a PDF's or Word file's
 * properties), a Markdown front matter, the file's creation date (often days off), or the document's own words,
 * quoted ("Filed March 3, 2021").
 */
export type DateSource =
  | { from: 'metadata' }
  | { from: 'front-matter' }
  | { from: 'created' }
  | { from: 'text'; quote: string };

/** A language the document declares (a page's lang attribute, a file's properties), or one detected from its text. */
export type LanguageSource = 'declared' | 'detected';

/** The importer's note on a PDF whose pages are only images, dropped once their text is recognised. */
export const NO_TEXT_LAYER_WARNING = 'This PDF has no text layer: its pages are images. Use Recognise text (OCR) to read them.';

/** One page's span of a paged document's extracted text: `text.slice(start, end)` is page `page` (1-based). */
export interface PageSpan {
  page: number;
  start: number;
  end: number;
}

/** One word recognised on a page image. */
export interface RecognisedWord {
  text: string;
  /** Where the word is in its page's recognised text: `pageText.slice(start, end) === text`. */
  start: number;
  end: number;
  /** Its box in the page image, in pixels: left, top, right, bottom. */
  box: [number, number, number, number];
  /** 0 to 100. */
  confidence: number;
  /** The line it is on, counted from 0 down the page, so a text layer keeps lines together. */
  line: number;
}

/**
 * One page's recognised words with their positions, kept apart from `documents` (a page holds hundreds of words) so
 * listing and opening documents stays light; the reader loads them for its Pages view.
 */
export interface RecognisedPage {
  /** `${documentId}:${page}`. */
  id: string;
  documentId: string;
  caseId: string;
  page: number;
  /** Size in pixels of the image the words were read from: the space their boxes are in. */
  width: number;
  height: number;
  /** Mean confidence of the page's words, 0 to 100. */
  confidence: number;
  words: RecognisedWord[];
}

/** The original file's bytes, kept apart from `documents` so listing documents stays light. */
export interface DocumentFile {
  /** Same id as the document it belongs to. */
  id: string;
  caseId: string;
  bytes: Blob;
}

/**
 * Where an excerpt sits in its document's text, after the W3C Web Annotation model: a TextPositionSelector
 * (`start`, `end`: offsets in the document's stored text) and a TextQuoteSelector (the excerpt's `quote` as `exact`,
 * with the words either side as `prefix` and `suffix`), plus the page for paged documents.
 */
export interface TextAnchor {
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  page: number | null;
}

/**
 * The source of an excerpt whose document was deleted and the excerpt kept: enough of the document to cite it and to
 * verify the original (its hash).
 */
export interface DetachedSource {
  title: string;
  sha256: string;
  fileName: string | null;
  authors: string[];
  siteName: string | null;
  publishedAt: string | null;
  sourceUrl: string | null;
  importedAt: string;
  page: number | null;
}

export interface Excerpt extends RecordBase {
  /** The document quoted, or null for a quote recorded without its source, or kept when its source was deleted. */
  documentId: string | null;
  quote: string;
  /** Where the quote is in the document's text; its last known place while `orphaned`. */
  anchor: TextAnchor | null;
  /**
   * The document's text changed and the quote can no longer be found in it (not even approximately): the excerpt
   * keeps its quote and last known place until the researcher selects the passage again.
   */
  orphaned: boolean;
  /** Set when the excerpt's document was deleted and the excerpt kept as a detached quote. */
  detachedFrom: DetachedSource | null;
  comment: RichText | null;
  tags: string[];
}

/**
 * A code of the case's codebook, as in qualitative-research tools: tags nest (a parent includes its sub-tags when
 * filtering and counting), each with a colour that excerpts tagged with it are highlighted in.
 */
export interface Tag {
  id: string;
  caseId: string;
  /** The tag it sits under, or null at the top of the codebook. */
  parentId: string | null;
  name: string;
  /** The name folded (case and accents), unique among the tags under the same parent. */
  nameKey: string;
  /** A CSS colour, `#rrggbb`. */
  colour: string;
  description: string;
  createdAt: string;
  updatedAt: string;
}

/** The types of entity every case has; a case adds its own (`CaseEntityType`). */
export const ENTITY_TYPES = [
  'person',
  'organisation',
  'place',
  'phone',
  'email',
  'vessel',
  'vehicle',
  'account',
  'other',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Where an alias came from: typed by the researcher, accepted from a suggestion, or brought in by a merge. */
export const ALIAS_ORIGINS = ['typed', 'suggestion', 'merge'] as const;
export type AliasOrigin = (typeof ALIAS_ORIGINS)[number];

/** Another name an entity goes by: a spelling, a nickname, a handle. */
export interface Alias {
  name: string;
  origin: AliasOrigin;
  /** In a few words, where it came from: the name of the entity merged in, the document a suggestion was found in. */
  from?: string;
}

/** A fact about an entity that may hold for a time only: nationality, role, registration, address. */
export interface EntityAttribute {
  /** Stable across edits and merges, so a view can key its rows and an edit can name the one it changes. */
  id: string;
  key: string;
  value: string;
  start: PartialDate | null;
  end: PartialDate | null;
}

export interface Entity extends RecordBase {
  name: string;
  /** The name folded (`entityNameKey`): a name or alias is unique per case and type. */
  nameKey: string;
  /** One of `ENTITY_TYPES`, or the id of one of the case's own types (`CaseEntityType`). */
  type: string;
  aliases: Alias[];
  /** The aliases' names folded, indexed (multi-entry) so "who is also called M. Kowal?" is one query. */
  aliasKeys: string[];
  attributes: EntityAttribute[];
  /** Ids of tags from the case's codebook. */
  tags: string[];
  description: RichText | null;
}

/** A type of entity a case adds to the built-in ones ("Handle", "Container"), shown with a letter or an icon. */
export interface CaseEntityType {
  id: string;
  caseId: string;
  name: string;
  /** The name folded: unique in the case, and never a built-in type's name. */
  nameKey: string;
  /** One or two characters shown in the entity's badge when it has no icon ("H"). */
  letter: string;
  /** The name of an icon from the app's set, shown instead of the letter; null for the letter. */
  icon: string | null;
  /** A CSS colour, `#rrggbb`. */
  colour: string;
  createdAt: string;
  updatedAt: string;
}

/** How sure the researcher is that a relationship holds. */
export const CONFIDENCES = ['confirmed', 'probable', 'possible', 'unverified'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** A type of relationship a case adds to the built-in ones, read both ways: "director of" / "directed by". */
export interface CaseRelationshipType {
  id: string;
  caseId: string;
  label: string;
  inverse: string;
  /** The label folded: unique in the case, and never a built-in type's label. */
  labelKey: string;
  createdAt: string;
  updatedAt: string;
}

/** A typed, directed relationship between two entities of a case: "Dario Venn works for Quayline Logistics". */
export interface Relationship extends RecordBase {
  /** The entity it goes from, and the one it goes to: never the same. */
  from: string;
  to: string;
  /** Both ends, indexed as one multi-entry key so "the relationships of X" is one query. */
  ends: [string, string];
  /** One of `RELATIONSHIP_TYPES`, or the id of one of the case's own types (`CaseRelationshipType`). */
  type: string;
  start: PartialDate | null;
  end: PartialDate | null;
  confidence: Confidence;
  /** Ids of the case's excerpts that support it, indexed so deleting an excerpt finds what it supported. */
  excerptIds: string[];
  note: RichText | null;
}

/** A suggestion the researcher turned down (a name found in the case, as an entity of a type): never offered again. */
export interface DismissedSuggestion {
  caseId: string;
  /** The name folded as the suggester folds it (`suggestionKey` in renderer/src/suggestions/keys.ts). */
  key: string;
  /** The entity type it was suggested as; "date in text" for a date found in a document (key: its document, words, sentence). */
  type: string;
  /** The name as it was suggested, for a list of what was dismissed. */
  name: string;
  dismissedAt: string;
}

/** Where the researcher placed an entity on the link chart. */
export interface ChartPosition {
  x: number;
  y: number;
}

/** A case's link chart as arranged: each placed entity's position, by entity id. */
export interface ChartLayout {
  caseId: string;
  positions: Record<string, ChartPosition>;
  updatedAt: string;
}

/**
 * How much of a date is known. A researcher who knows only "March 2021" must not see "1 March 2021".
 */
export const DATE_PRECISIONS = ['year', 'month', 'day', 'minute'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export interface PartialDate {
  /** ISO 8601 prefix matching the precision: "2021", "2021-03", "2021-03-09" or "2021-03-09T06:00". */
  value: string;
  precision: DatePrecision;
}

/** How a date is hedged, as chronologies write it: "about 2019", "before March 2021", "after 9 March 2021". */
export const DATE_QUALIFIERS = ['about', 'before', 'after'] as const;
export type DateQualifier = (typeof DATE_QUALIFIERS)[number];

/** One end of an event's date: as precise as the sources, hedged where they are. */
export interface EventDate extends PartialDate {
  qualifier: DateQualifier | null;
}

/** Where an event stands in the case's eyes, as the chronology shows it. */
export const EVENT_STATUSES = ['undisputed', 'disputed', 'unverified'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** An entity taking part in an event, with its part in it ("buyer", "arrested") where known. */
export interface EventParticipant {
  entityId: string;
  role: string | null;
}

/**
 * Something that happened, dated only as precisely as the sources allow, with where, who, on what evidence and how
 * sure the researcher is. The event's own fields are the truth; the domain keeps the "involves", "evidence" and
 * "located in" links in step with them, so every view that reads links sees them too.
 */
export interface TimelineEvent extends RecordBase {
  title: string;
  /** When it happened (or began); null for an event whose date is still to be found ("undated"). */
  start: EventDate | null;
  /** When a range ended, with its own precision and qualifier; null for a single date. Never without a start. */
  end: EventDate | null;
  /**
   * The start's earliest moment padded to full length, then the creation time (`eventSortKey`), so one index sorts
   * the timeline: a year before its months, a month before its days, a range by its start, ties by creation, and
   * undated events last.
   */
  sortKey: string;
  /** Where it happened: a place entity of the case, or null. */
  placeId: string | null;
  participants: EventParticipant[];
  /** The participants' entity ids, indexed (multi-entry) so "the events of X" is one query. */
  participantIds: string[];
  /** Ids of the case's excerpts that are its evidence, indexed (multi-entry). */
  evidenceIds: string[];
  /** Ids of tags from the case's codebook. */
  tags: string[];
  confidence: Confidence;
  status: EventStatus;
  /** Events the researcher marked as the same happening share this id (the first one's), so their dates can be compared. */
  sameAs: string | null;
  description: RichText | null;
}

export interface Note extends RecordBase {
  title: string;
  body: RichText | null;
  /** The folder of the case's notes it is in, or null at the top level. */
  parentId: string | null;
  /** Its place among the notes and folders of its folder: an ordering key (fractional-indexing), compared as text. */
  position: string;
  /** The case summary: at most one note of a case is pinned, and it is shown first. */
  pinned: boolean;
}

/** A folder of a case's notes; folders nest. Not a record of the case's vocabulary: nothing links to a folder. */
export interface NoteFolder {
  id: string;
  caseId: string;
  /** The folder it is in, or null at the top level. */
  parentId: string | null;
  name: string;
  /** Its place among the notes and folders of its parent (see `Note.position`). */
  position: string;
  createdAt: string;
  updatedAt: string;
}

/** A file kept in the case for a note: an image pasted or dropped into it, shown from IndexedDB, never from the web. */
export interface Attachment {
  id: string;
  caseId: string;
  /** The note it was pasted into: deleting the note deletes it. */
  noteId: string;
  /** The file's name, as the clipboard or the file manager gave it. */
  name: string;
  mimeType: string;
  /** In bytes. */
  size: number;
  sha256: string;
  bytes: Blob;
  createdAt: string;
}

/** The kinds of record and of link, with their labels and rules, are declared once in `vocabulary.ts`. */
export { RECORD_TYPES, LINK_KINDS, type LinkKind } from './vocabulary';

export type RecordType = (typeof RECORD_TYPES)[number];

export interface RecordRef {
  type: RecordType;
  id: string;
}


/** A typed edge between two records of one case: "excerpt mentions entity", "event has evidence excerpt". */
export interface Link extends RecordBase {
  from: RecordRef;
  to: RecordRef;
  kind: LinkKind;
  /** Both ends' ids, indexed as one multi-entry key so "what is linked to X?" is one query. */
  ends: [string, string];
}

export const HISTORY_ACTIONS = ['create', 'update', 'delete', 'link', 'unlink', 'import', 'merge', 'undo'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/**
 * What a merge of entities changed, kept on its history entry so that it can be undone exactly: every record as it
 * was before, and which records the merge wrote (stamped `writtenAt`), to tell whether any changed since.
 */
export interface MergeUndo {
  kind: 'merge';
  keptId: string;
  mergedIds: string[];
  /** The time the merge stamped on every record it wrote. */
  writtenAt: string;
  /** The records the merge changed or deleted, as they were before it. */
  before: {
    entities: Entity[];
    links: Link[];
    relationships: Relationship[];
    /** Where the entities involved were on the link chart. */
    positions: Record<string, ChartPosition>;
    /** Events whose participants or place the merge changed (absent in merges made before events had them). */
    events?: TimelineEvent[];
  };
  /** Ids of the records the merge wrote (the others in `before` it deleted). */
  written: { entities: string[]; links: string[]; relationships: string[]; events?: string[] };
}

/** One line of a case's change history: what was done, to which records, when. */
export interface HistoryEntry {
  /** Auto-incremented, so entries written in the same millisecond keep their order. */
  seq?: number;
  caseId: string;
  at: string;
  action: HistoryAction;
  /** One sentence a person can read: "Added entity “Marta Kowal”". */
  summary: string;
  records: RecordRef[];
  /** For a change that can be undone (a merge of entities), what undoing it needs. */
  undo?: MergeUndo;
  /** For an undo, the entry it undid (its `seq`): history is only ever added to, never rewritten. */
  undoes?: number;
}

export type CaseRecord = CaseDocument | Excerpt | Entity | TimelineEvent | Note;
