import { z } from 'zod';

/**
 * What a report holds and how it looks: the researcher's choices in the export dialog, remembered per case. Pure data
 * with its schema, so options stored by an older version (or damaged) are read back as the defaults they differ from.
 */

export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** The report's parts after the cover and the table of contents, in the order they are printed. */
export const REPORT_SECTIONS = ['notes', 'chronology', 'entities', 'excerpts', 'sources', 'history'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const REPORT_SECTION_TITLES: Readonly<Record<ReportSection, string>> = {
  notes: 'Notes',
  chronology: 'Chronology',
  entities: 'Entity index',
  excerpts: 'Excerpts',
  sources: 'Sources',
  history: 'Appendix: change history',
};

export const EXCERPT_GROUPINGS = ['document', 'tag'] as const;
export type ExcerptGrouping = (typeof EXCERPT_GROUPINGS)[number];

const partialDateValue = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

/**
 * Which part of the case goes in. Empty lists and nulls select everything: a report of the whole case is the default.
 * - `tagIds`: only excerpts (and events) carrying one of these tags or a sub-tag of one;
 * - `entityIds`: only excerpts mentioning, and events involving, one of these entities;
 * - `from`/`to`: only events overlapping the range (partial dates, "2021", "2021-03", "2021-03-09");
 * - `noteIds`: the notes printed, in the notes' order (null: all of them);
 * - `documentIds`: only excerpts from these documents (null: all).
 */
export const reportSelectionSchema = z.object({
  tagIds: z.array(z.string()).default([]),
  entityIds: z.array(z.string()).default([]),
  from: partialDateValue.nullable().default(null),
  to: partialDateValue.nullable().default(null),
  noteIds: z.array(z.string()).nullable().default(null),
  documentIds: z.array(z.string()).nullable().default(null),
});
export type ReportSelection = z.infer<typeof reportSelectionSchema>;

export const reportOptionsSchema = z.object({
  /** The report's title on the cover and in the running header; null for the case's name. */
  title: z.string().max(300).nullable().default(null),
  author: z.string().max(200).default(''),
  /** The line printed on the cover and in every page's footer ("Confidential: prepared for counsel"). */
  confidentiality: z.string().max(300).default('Confidential'),
  paper: z.enum(PAPER_SIZES).default('A4'),
  sections: z
    .object({
      notes: z.boolean().default(true),
      chronology: z.boolean().default(true),
      entities: z.boolean().default(true),
      excerpts: z.boolean().default(true),
      sources: z.boolean().default(true),
      history: z.boolean().default(false),
    })
    .default({ notes: true, chronology: true, entities: true, excerpts: true, sources: true, history: false }),
  /** The timeline drawn under the chronology, the link chart under the entity index. */
  figures: z
    .object({ timeline: z.boolean().default(true), linkChart: z.boolean().default(true) })
    .default({ timeline: true, linkChart: true }),
  excerptsBy: z.enum(EXCERPT_GROUPINGS).default('document'),
  selection: reportSelectionSchema.default({ tagIds: [], entityIds: [], from: null, to: null, noteIds: null, documentIds: null }),
});
export type ReportOptions = z.infer<typeof reportOptionsSchema>;

export const DEFAULT_REPORT_OPTIONS: ReportOptions = reportOptionsSchema.parse({});

/**
 * A case's report options as the database keeps them (`reportOptions`, one row per case). `options` is what was
 * saved, maybe by an older version: read it with `readReportOptions`.
 */
export interface StoredReportOptions {
  caseId: string;
  options: unknown;
  updatedAt: string;
}

/** Options as stored (maybe by an older version, maybe damaged): what can be read, the defaults for the rest. */
export function readReportOptions(stored: unknown): ReportOptions {
  const parsed = reportOptionsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_REPORT_OPTIONS;
}

/** True when the selection narrows nothing: the report is of the whole case. */
export function selectsWholeCase(selection: ReportSelection): boolean {
  return (
    selection.tagIds.length === 0 &&
    selection.entityIds.length === 0 &&
    selection.from === null &&
    selection.to === null &&
    selection.noteIds === null &&
    selection.documentIds === null
  );
}
