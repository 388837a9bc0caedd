/**
 * The report's print view, built from the database: `collectReport` reads what the options select, `renderReport`
 * writes it out as one self-contained HTML document (styles, fonts and figures inline; no script, nothing fetched).
 * Rendering is pure and cheap, so the table of contents' second pass only renders again with the page numbers.
 *
 * SKELETON: the signatures are the contract between the report's parts; the bodies are being written.
 */
import type { CasebookDB } from '../db/schema';
import type { ReportOptions } from './options';

/** A section or sub-section listed in the table of contents and the PDF's outline, by its anchor id in the HTML. */
export interface ContentsEntry {
  id: string;
  title: string;
  level: 1 | 2;
}

/** What the options select from a case, read once; every render of the report is written from it. */
export interface ReportData {
  caseId: string;
  options: ReportOptions;
  /** Set when there is nothing to report: says what is empty ("This case has no documents, excerpts, …"). */
  empty: string | null;
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
}

export async function collectReport(
  _db: CasebookDB,
  caseId: string,
  options: ReportOptions,
  _signal?: AbortSignal,
): Promise<ReportData> {
  return { caseId, options, empty: null };
}

export function renderReport(data: ReportData, _render: RenderOptions): RenderedReport {
  const title = data.options.title ?? 'Report';
  return {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1 id="cover">${title}</h1></body></html>`,
    contents: [{ id: 'cover', title, level: 1 }],
    metadata: { title, author: data.options.author, subject: '', keywords: [] },
    warnings: [],
  };
}
