/**
 * From a case to the report's PDF: read what the options select, lay the report out, read back where each contents
 * entry starts, lay it out again with those page numbers (again if one moved, a bounded number of times), then set
 * the PDF's properties and check its outline and tagged structure came through. The host prints (Chromium's own print
 * engine in both hosts); PDF.js reads the pages back; pdf-lib sets the properties. Nothing is saved here: the PDF's
 * bytes come back for the preview, and saving them is the researcher's next step.
 */
import type { CasebookApi } from '../../../shared/contract';
import { LIMITS } from '../../../shared/limits';
import type { CasebookDB } from '../db/schema';
import { collectReport, renderReport, type ContentsEntry, type RenderedReport } from './build';
import { reportFontFaces } from './fonts';
import type { ReportOptions } from './options';
import { setPdfProperties } from './pdfProperties';
import { readStartPages, readStructure, withPdf, type OpenPdf, type PdfStructure } from './printedPdf';

/** The stages of an export, in order, as the progress bar says them. */
export const EXPORT_STAGES = {
  collect: 'Reading the case',
  layout: 'Laying out pages',
  numbering: 'Numbering the contents',
  relayout: 'Laying out again with page numbers',
  finishing: 'Finishing the PDF',
} as const;
export type ExportStage = keyof typeof EXPORT_STAGES;

/** Where each stage starts, as a fraction of the whole export. */
const STAGE_START: Readonly<Record<ExportStage, number>> = { collect: 0, layout: 0.1, numbering: 0.3, relayout: 0.35, finishing: 0.9 };

export interface ExportProgress {
  stage: ExportStage;
  /** The stage in words: "Laying out pages". */
  label: string;
  /** How much of the whole export is done, from 0 to 1. */
  fraction: number;
}

/**
 * How many times the report is laid out at most: once without page numbers (measuring only, nothing drawn), once with
 * them, and once more if a number moved the layout (a "9" becoming "10" can push an entry to the next page). More
 * rarely helps; it would loop.
 */
export const MAX_LAYOUTS = 3;

export interface ExportReportRequest {
  db: CasebookDB;
  caseId: string;
  options: ReportOptions;
  host: Pick<CasebookApi, 'printToPdf'>;
  /** Cancels the export between stages; a print under way is left to finish and its PDF dropped. */
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  /** The app's version, named in the PDF's Creator property ("Casebook 0.1.0"). */
  appVersion: string;
  /** Opens PDF bytes with PDF.js: the app's own loader unless a test gives another. */
  openPdf?: OpenPdf;
}

/** A contents entry with the page it starts on in the PDF; null when the printed PDF does not say. */
export interface ExportedEntry extends ContentsEntry {
  page: number | null;
}

export interface ExportedReport {
  bytes: Uint8Array<ArrayBuffer>;
  pageCount: number;
  title: string;
  contents: ExportedEntry[];
  /** What was met and worked around, in the researcher's words. */
  warnings: string[];
  /** How many times the report was laid out (2 usually, `MAX_LAYOUTS` at most). */
  layouts: number;
}

/** The case (or the selection) has nothing to report; the message says what is empty. */
export class EmptyReportError extends Error {
  override name = 'EmptyReportError';
}

/** The report would be longer than `LIMITS.reportPages`; the message says how long and what to do. */
export class ReportTooLongError extends Error {
  override name = 'ReportTooLongError';
}

const count = (value: number) => value.toLocaleString('en');
const reportTooLong = (pages: number) =>
  `This report would be ${count(pages)} pages, more than the ${count(LIMITS.reportPages)} Casebook prints in one PDF. Choose a part of the case under “What goes in” (tags, entities, dates, notes, documents) or leave sections out, and export it in parts.`;

const cancelled = () => new DOMException('The export of the report was cancelled.', 'AbortError');

/** Throws an AbortError once the signal is aborted: called between stages. */
function checkpoint(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled();
}

/** The work's result, or an AbortError as soon as the signal is aborted; the work goes on and its result is dropped. */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  checkpoint(signal);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

const samePages = (shown: ReadonlyMap<string, number> | null, actual: ReadonlyMap<string, number>): boolean =>
  shown !== null && shown.size === actual.size && [...actual].every(([id, page]) => shown.get(id) === page);

/** The app's PDF.js, with its worker, loaded with the first export. */
const appOpenPdf: OpenPdf = async (bytes) => {
  const { openPdf } = await import('../features/documents/reader/pdf');
  return (await (await openPdf(bytes)).promise) as unknown as Awaited<ReturnType<OpenPdf>>;
};

interface Printed {
  pdf: Uint8Array;
  pages: Map<string, number>;
  missing: string[];
  structure: PdfStructure;
}

/** Renders the report once with its fonts, without page numbers: for a print dialog, which numbers pages itself. */
async function renderOnce(db: CasebookDB, caseId: string, options: ReportOptions, signal?: AbortSignal) {
  checkpoint(signal);
  const data = await collectReport(db, caseId, options, signal);
  checkpoint(signal);
  if (data.empty) throw new EmptyReportError(data.empty);
  // The fonts are cut to the characters the report uses (digits too, for the page numbers to come).
  const draft = renderReport(data, { pageNumbers: null, fontFaces: '' });
  const fontFaces = await reportFontFaces(`${draft.html} 0123456789`);
  checkpoint(signal);
  return { data, fontFaces };
}

/** The report's first layout (no page numbers in its contents), for a browser's own print dialog. */
export async function reportForPrintDialog(db: CasebookDB, caseId: string, options: ReportOptions, signal?: AbortSignal): Promise<string> {
  const { data, fontFaces } = await renderOnce(db, caseId, options, signal);
  return renderReport(data, { pageNumbers: null, fontFaces }).html;
}

export async function exportReport(request: ExportReportRequest): Promise<ExportedReport> {
  const { db, caseId, options, host, signal, onProgress, appVersion, openPdf = appOpenPdf } = request;
  const progress = (stage: ExportStage, within = 0) => {
    const stages = Object.keys(STAGE_START) as ExportStage[];
    const next = stages[stages.indexOf(stage) + 1];
    const end = next ? STAGE_START[next] : 1;
    onProgress?.({ stage, label: EXPORT_STAGES[stage], fraction: STAGE_START[stage] + (end - STAGE_START[stage]) * within });
  };

  /** Prints the rendered report and reads where its entries start. */
  const printAndRead = async (rendered: RenderedReport): Promise<Printed> => {
    const pdf = await unlessAborted(host.printToPdf({ html: rendered.html }), signal);
    checkpoint(signal);
    const ids = rendered.contents.map((entry) => entry.id);
    const read = await withPdf(openPdf, pdf, async (document) => ({ ...(await readStartPages(document, ids)), structure: await readStructure(document) }));
    return { pdf, ...read };
  };

  progress('collect');
  const { data, fontFaces } = await renderOnce(db, caseId, options, signal);

  // The first layout only measures: where each entry starts, with nothing drawn (a third of the time to print).
  progress('layout');
  let rendered = renderReport(data, { pageNumbers: null, fontFaces, layoutOnly: true });
  let printed = await printAndRead(rendered);
  let layouts = 1;
  // Measured, it is known how long the report is: one too long for a PDF stops here, before the costly layouts.
  if (printed.structure.pageCount > LIMITS.reportPages) throw new ReportTooLongError(reportTooLong(printed.structure.pageCount));

  progress('numbering');
  let shown: Map<string, number> | null = null;
  while (layouts < MAX_LAYOUTS && !samePages(shown, printed.pages)) {
    checkpoint(signal);
    progress('relayout', (layouts - 1) / (MAX_LAYOUTS - 1));
    shown = printed.pages;
    rendered = renderReport(data, { pageNumbers: shown, fontFaces });
    printed = await printAndRead(rendered);
    layouts++;
  }
  checkpoint(signal);

  progress('finishing');
  const warnings = [...rendered.warnings];
  const byId = new Map(rendered.contents.map((entry) => [entry.id, entry.title]));
  if (printed.missing.length)
    warnings.push(
      `The printed report does not say where ${printed.missing.map((id) => `“${byId.get(id) ?? id}”`).join(', ')} ${printed.missing.length === 1 ? 'starts' : 'start'}: the contents give no page number for ${printed.missing.length === 1 ? 'it' : 'them'}.`,
    );
  if (!samePages(shown, printed.pages)) {
    const moved = [...printed.pages].filter(([id, page]) => shown?.get(id) !== page).map(([id]) => `“${byId.get(id) ?? id}”`);
    warnings.push(`After ${layouts} layouts the page numbers still moved: the contents may be a page off for ${moved.join(', ')}.`);
  }

  const { metadata } = rendered;
  const bytes = await setPdfProperties(printed.pdf, { ...metadata, creator: `Casebook ${appVersion}` });
  checkpoint(signal);
  const final = await withPdf(openPdf, bytes, readStructure);
  if (printed.structure.outline.length > 0 && final.outline.length === 0)
    warnings.push('The PDF’s bookmarks (its outline) were lost when its properties were set; the contents page still links every section.');
  if (printed.structure.tagged && !final.tagged)
    warnings.push('The PDF’s structure tags (for screen readers) were lost when its properties were set.');
  checkpoint(signal);
  progress('finishing', 1);

  return {
    // pdf-lib writes into an ArrayBuffer of its own (never a shared one).
    bytes: bytes as Uint8Array<ArrayBuffer>,
    pageCount: final.pageCount,
    title: metadata.title,
    contents: rendered.contents.map((entry) => ({ ...entry, page: printed.pages.get(entry.id) ?? null })),
    warnings,
    layouts,
  };
}
