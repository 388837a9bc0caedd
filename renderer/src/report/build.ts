/**
 * The report's print view, built from the database: `collectReport` reads what the options select, `renderReport`
 * writes it out as one self-contained HTML document (styles, fonts and figures inline; no script, nothing fetched).
 * Rendering is pure and cheap, so the table of contents' second pass only renders again with the page numbers.
 */
import type { CasebookDB } from '../db/schema';
import type {
  CaseDocument,
  CaseEntityType,
  CaseRelationshipType,
  ChartPosition,
  Entity,
  Excerpt,
  HistoryEntry,
  Link,
  Note,
  Relationship,
  RichText,
  Tag,
  TimelineEvent,
} from '../../../shared/domain';
import type { ReportOptions } from './options';
import { readReport } from './collect';
import { planReport as plan, writeReport } from './render';
import type { PageNumbering } from './sections/styles';

/** A section or sub-section listed in the table of contents and the PDF's outline, by its anchor id in the HTML. */
export interface ContentsEntry {
  id: string;
  title: string;
  level: 1 | 2;
}

/** Stored rich text as the report prints it: the document, or what could be recovered from it, and why. */
export interface ReportText {
  doc: RichText | null;
  /** Why the stored text could not be read as it is ("it holds what the editor cannot read (…)"), or null. */
  problem: string | null;
}

/** A document's details as its source entry and citations print them (no text: the report never prints it). */
export type ReportDocument = Pick<
  CaseDocument,
  | 'id'
  | 'title'
  | 'kind'
  | 'fileName'
  | 'mimeType'
  | 'size'
  | 'sha256'
  | 'importedAt'
  | 'sourceUrl'
  | 'authors'
  | 'publishedAt'
  | 'language'
  | 'siteName'
  | 'pageCount'
  | 'ocr'
>;

export interface ReportExcerpt {
  excerpt: Omit<Excerpt, 'comment'>;
  comment: ReportText;
}

export interface ReportEvent {
  event: Omit<TimelineEvent, 'description'>;
  description: ReportText;
}

export interface ReportNote {
  note: Omit<Note, 'body'>;
  body: ReportText;
}

export interface ReportEntity {
  entity: Omit<Entity, 'description'>;
  description: ReportText;
}

/** How many records of each kind: the case's, and the report's. */
export interface RecordCounts {
  documents: number;
  excerpts: number;
  entities: number;
  events: number;
  notes: number;
}

/** What the options select from a case, read once; every render of the report is written from it. */
export interface ReportData {
  caseId: string;
  options: ReportOptions;
  /** Set when there is nothing to report: says what is empty ("This case has no documents, excerpts, …"). */
  empty: string | null;
  caseName: string;
  description: ReportText;
  /** When the report was made (ISO 8601, UTC): the cover's date. */
  generatedAt: string;
  /** True when the selection narrows nothing. */
  wholeCase: boolean;
  /** What the report covers, in words: "The whole case", or the selection ("Excerpts tagged Finance; …"). */
  scope: string;
  caseCounts: RecordCounts;
  reportCounts: RecordCounts;
  /** The excerpts kept, in the case's order (each section orders them its own way). */
  excerpts: ReportExcerpt[];
  /** The events kept, in the timeline's order (dated by start, undated last). */
  events: ReportEvent[];
  /** The notes kept, in the notes tree's order. */
  notes: ReportNote[];
  /** The entity index, by name. */
  entities: ReportEntity[];
  /** The sources: documents of the excerpts kept and the documents chosen, by title. */
  sources: ReportDocument[];
  /** Every record of the case by id, with its title: a link to one left out prints as text, to one deleted says so. */
  titles: { document: Record<string, string>; excerpt: Record<string, string>; entity: Record<string, string>; event: Record<string, string>; note: Record<string, string> };
  /** Every entity of the case, for relationships and the figures (without descriptions). */
  allEntities: Omit<Entity, 'description'>[];
  entityTypes: CaseEntityType[];
  relationshipTypes: CaseRelationshipType[];
  relationships: Relationship[];
  tags: Tag[];
  /** The case's links between the records the report holds and entities: what mentions whom. */
  links: Pick<Link, 'from' | 'to' | 'kind'>[];
  /** Where the researcher placed entities on the link chart. */
  chartPositions: Record<string, ChartPosition>;
  /** The images of the notes kept, as `data:` URLs by attachment id. */
  images: Record<string, string>;
  /** The change history, oldest first, when the appendix is chosen (empty otherwise). */
  history: Pick<HistoryEntry, 'seq' | 'at' | 'action' | 'summary'>[];
  /** What was met while reading and worked around. */
  warnings: string[];
}

export interface RenderedReport {
  /** The whole print view: one HTML document. */
  html: string;
  /** Every section and sub-section, in order; each `id` is an element id in `html` that a link points to. */
  contents: ContentsEntry[];
  /** For the PDF's document properties. */
  metadata: { title: string; author: string; subject: string; keywords: string[] };
  /** What was met and worked around, for the researcher ("Note “Sources” could not be read: …"). */
  warnings: string[];
}

export interface RenderOptions {
  /** The page each contents entry starts on (1-based), once a first layout has been read back; null before. */
  pageNumbers: ReadonlyMap<string, number> | null;
  /** `@font-face` rules for the fonts the text needs (`reportFontFaces`), inlined in the page's style. */
  fontFaces: string;
  /**
   * Lays the pages out without drawing anything on them: a print of it says where each contents entry starts (its
   * named destinations) as the visible report would, at a fraction of the cost. For the passes that only measure.
   */
  layoutOnly?: boolean;
  /** A part's first page and the whole report's page count, for the footer of a report printed in parts. */
  pages?: PageNumbering | null;
}

/** A part of the report, printed alone and joined to the others (see `parts.ts`). */
export interface PlannedPart {
  /** The part begins in the middle of a section the previous part began: its outline goes under that section's. */
  continuesSection: boolean;
  /** The contents entries whose element is in this part (the first part's contents link to them all). */
  entryIds: string[];
}

/** The report written once and cut into parts, each part written as a document for each layout. */
export interface ReportPlan {
  parts: PlannedPart[];
  /** The whole HTML document of part `index` (0 is the cover, the contents and what follows them). */
  document(index: number, render: RenderOptions): string;
  /** Every character the report prints, to choose its fonts by (the HTML of its bodies, with their markup). */
  text: string;
  contents: ContentsEntry[];
  metadata: RenderedReport['metadata'];
  warnings: string[];
}

/**
 * Reads everything the options select from the case, once. Throws an `AbortError` (a DOMException) when `signal`
 * aborts between two reads, and a plain Error naming the case when it does not exist.
 */
export async function collectReport(
  db: CasebookDB,
  caseId: string,
  options: ReportOptions,
  signal?: AbortSignal,
): Promise<ReportData> {
  return readReport(db, caseId, options, signal);
}

/** The report as one HTML document, with its contents and metadata. Pure and synchronous; never throws on bad data. */
export function renderReport(data: ReportData, render: RenderOptions): RenderedReport {
  return writeReport(data, render);
}

/**
 * The report cut into parts of about `partSize` characters of HTML each (`PART_SIZE` unless a test asks for smaller
 * ones). Pure and synchronous; never throws on bad data.
 */
export function planReport(data: ReportData, partSize?: number): ReportPlan {
  return plan(data, partSize);
}
