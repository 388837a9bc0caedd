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
import { collectReport, planReport, type ContentsEntry } from './build';
import { reportFontFaces } from './fonts';
import type { ReportOptions } from './options';
import { PrintedPartsMerger } from './mergeParts';
import { savePdf } from './pdfProperties';
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
  /** The stage in words: "Laying out pages", with the part under way when the report is printed in parts. */
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

/**
 * How many parts print at once. Chromium lays each out in a process of its own while this page reads and joins the
 * ones before, so two at a time keep two cores busy (measured: `npm run bench -- report`); the parts are still read
 * and joined in order, and no more than this many wait in memory.
 */
export const PRINTS_AT_ONCE = 2;

/**
 * Starts `start(index)` for each index in order, at most `ahead` at a time, and hands each result to `take` in order
 * as soon as it and those before it are in. A failure stops the rest from starting; one under way is left to finish.
 */
async function inOrder<T>(count: number, ahead: number, start: (index: number) => Promise<T>, take: (result: T, index: number) => Promise<void> | void): Promise<void> {
  const started: Promise<T>[] = [];
  const begin = (index: number) => {
    const work = start(index);
    // Handled here so that a part failing while an earlier one is awaited is not an unhandled rejection.
    work.catch(() => undefined);
    started[index] = work;
  };
  for (let index = 0; index < Math.min(ahead, count); index++) begin(index);
  for (let index = 0; index < count; index++) {
    const result = await started[index]!;
    delete started[index];
    if (index + ahead < count) begin(index + ahead);
    await take(result, index);
  }
}

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
  /** The size of the parts the report is printed in, in characters of HTML (`PART_SIZE` unless a test asks). */
  partSize?: number;
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
  /** How many parts it was printed in (see `parts.ts`). */
  parts: number;
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
  `This report would be ${count(pages)} pages, more than the ${count(LIMITS.reportPages)} Casebook prints in one PDF. Choose a part of the case under “What goes in” (tags, entities, dates, notes, documents) or leave sections out, and make a report of each part.`;

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

/**
 * Does the work and records how long it took as a performance measure named "casebook report: <step>", which the
 * browser's performance tools show and the benchmark sums by step.
 */
async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(`casebook report: ${step}`, { start });
  }
}

/** The app's PDF.js, with its worker, loaded with the first export. */
const appOpenPdf: OpenPdf = async (bytes) => {
  const { openPdf } = await import('../features/documents/reader/pdf');
  return (await (await openPdf(bytes)).promise) as unknown as Awaited<ReturnType<OpenPdf>>;
};

/** A part as printed: its pages, and the page (within it) where each of its contents entries starts. */
interface PrintedPart {
  pdf: Uint8Array;
  pageCount: number;
  pages: Map<string, number>;
  missing: string[];
}

/** The report written and cut into parts, with the fonts its text needs. */
async function planned(db: CasebookDB, caseId: string, options: ReportOptions, signal: AbortSignal | undefined, partSize?: number) {
  checkpoint(signal);
  const data = await collectReport(db, caseId, options, signal);
  checkpoint(signal);
  if (data.empty) throw new EmptyReportError(data.empty);
  const plan = planReport(data, partSize);
  // The fonts are cut to the characters the report uses (digits too, for the page numbers to come).
  const fontFaces = await reportFontFaces(`${plan.text} 0123456789`);
  checkpoint(signal);
  return { plan, fontFaces };
}

/** The report's first layout as one document (no page numbers in its contents), for a browser's own print dialog. */
export async function reportForPrintDialog(db: CasebookDB, caseId: string, options: ReportOptions, signal?: AbortSignal): Promise<string> {
  const { plan, fontFaces } = await planned(db, caseId, options, signal, Infinity);
  return plan.document(0, { pageNumbers: null, fontFaces });
}

/** Where each part begins in the whole report (1-based), and each contents entry's page in the whole. */
function numberPages(parts: readonly Pick<PrintedPart, 'pageCount' | 'pages'>[]): { first: number[]; total: number; pages: Map<string, number> } {
  const first: number[] = [];
  const pages = new Map<string, number>();
  let total = 0;
  for (const part of parts) {
    first.push(total + 1);
    for (const [id, page] of part.pages) pages.set(id, total + page);
    total += part.pageCount;
  }
  return { first, total, pages };
}

export async function exportReport(request: ExportReportRequest): Promise<ExportedReport> {
  const { db, caseId, options, host, signal, onProgress, appVersion, openPdf = appOpenPdf, partSize } = request;
  let partCount = 1;
  /** Says the stage, how far the export is, and which part is under way (1-based) when there are several. */
  const progress = (stage: ExportStage, within = 0, part?: number) => {
    const stages = Object.keys(STAGE_START) as ExportStage[];
    const next = stages[stages.indexOf(stage) + 1];
    const end = next ? STAGE_START[next] : 1;
    const label = part !== undefined && partCount > 1 ? `${EXPORT_STAGES[stage]}: part ${count(part)} of ${count(partCount)}` : EXPORT_STAGES[stage];
    onProgress?.({ stage, label, fraction: STAGE_START[stage] + (end - STAGE_START[stage]) * within });
  };

  /** Prints one part and reads where its entries start; the caller keeps or drops its bytes. */
  const printPart = async (html: string, ids: readonly string[]): Promise<PrintedPart> => {
    const pdf = await timed('print', () => unlessAborted(host.printToPdf({ html }), signal));
    checkpoint(signal);
    const read = await timed('read', () => withPdf(openPdf, pdf, async (document) => ({ ...(await readStartPages(document, ids)), pageCount: document.numPages })));
    return { pdf, ...read };
  };
  /** What the first part printed with: the joined PDF must keep it. */
  let printedWith = null as PdfStructure | null;

  progress('collect');
  const { plan, fontFaces } = await timed('collect', () => planned(db, caseId, options, signal, partSize));
  const { parts } = plan;
  partCount = parts.length;

  // The first layout only measures: how long each part is and where its entries start, with nothing drawn (a third
  // of the time to print). Each part's bytes are dropped as soon as they are read.
  const measured: Omit<PrintedPart, 'pdf'>[] = [];
  progress('layout', 0, 1);
  await inOrder(
    parts.length,
    PRINTS_AT_ONCE,
    (index) => printPart(plan.document(index, { pageNumbers: null, fontFaces, layoutOnly: true }), parts[index]!.entryIds),
    ({ pageCount, pages, missing: unplaced }, index) => {
      measured.push({ pageCount, pages, missing: unplaced });
      if (index + 1 < parts.length) progress('layout', (index + 1) / parts.length, index + 2);
    },
  );
  let numbered = numberPages(measured);
  let layouts = 1;
  // Measured, it is known how long the report is: one too long for a PDF stops here, before the costly layouts.
  if (numbered.total > LIMITS.reportPages) throw new ReportTooLongError(reportTooLong(numbered.total));

  // Then each part is laid out and printed with the page numbers, and joined to the parts before it. A number that
  // moves a page (a "9" becoming "10" can push an entry on) means laying the report out again, a bounded number of times.
  progress('numbering');
  let shown: Map<string, number> | null = null;
  let merger: PrintedPartsMerger | null = null;
  let missing: string[] = [];
  while (layouts < MAX_LAYOUTS && !samePages(shown, numbered.pages)) {
    checkpoint(signal);
    shown = numbered.pages;
    const pages = numbered;
    const joiner = await PrintedPartsMerger.create();
    merger = joiner;
    const printed: Omit<PrintedPart, 'pdf'>[] = [];
    missing = [];
    const numbers = shown;
    const relayout = (done: number) => progress('relayout', (layouts - 1 + done / parts.length) / (MAX_LAYOUTS - 1), done + 1);
    relayout(0);
    await inOrder(
      parts.length,
      PRINTS_AT_ONCE,
      (index) =>
        printPart(plan.document(index, { pageNumbers: numbers, fontFaces, pages: parts.length > 1 ? { first: pages.first[index]!, total: pages.total } : null }), parts[index]!.entryIds),
      async ({ pdf, ...layout }, index) => {
        if (index === 0) printedWith = await timed('read', () => withPdf(openPdf, pdf, readStructure));
        await timed('join', () => joiner.add(pdf, { continuesSection: parts[index]!.continuesSection }));
        printed.push(layout);
        missing.push(...layout.missing);
        if (index + 1 < parts.length) relayout(index + 1);
      },
    );
    numbered = numberPages(printed);
    layouts++;
  }
  checkpoint(signal);

  progress('finishing');
  const warnings = [...plan.warnings];
  const byId = new Map(plan.contents.map((entry) => [entry.id, entry.title]));
  const named = (ids: readonly string[]) => ids.map((id) => `“${byId.get(id) ?? id}”`).join(', ');
  const unplaced = [...missing, ...plan.contents.filter((entry) => !parts.some((part) => part.entryIds.includes(entry.id))).map((entry) => entry.id)];
  if (unplaced.length)
    warnings.push(
      `The printed report does not say where ${named(unplaced)} ${unplaced.length === 1 ? 'starts' : 'start'}: the contents give no page number for ${unplaced.length === 1 ? 'it' : 'them'}.`,
    );
  if (!samePages(shown, numbered.pages)) {
    const moved = [...numbered.pages].filter(([id, page]) => shown?.get(id) !== page).map(([id]) => id);
    warnings.push(`After ${layouts} layouts the page numbers still moved: the contents may be a page off for ${named(moved)}.`);
  }

  const { metadata } = plan;
  const bytes = await timed('save', async () => {
    const joined = merger!.finish();
    warnings.push(...joined.warnings);
    return savePdf(joined.document, { ...metadata, creator: `Casebook ${appVersion}` });
  });
  checkpoint(signal);
  const final = await timed('read', () => withPdf(openPdf, bytes, readStructure));
  if (printedWith?.outline.length && final.outline.length === 0)
    warnings.push('The PDF’s bookmarks (its outline) were lost while it was finished; the contents page still links every section.');
  if (printedWith?.tagged && !final.tagged) warnings.push('The PDF’s structure tags (for screen readers) were lost while it was finished.');
  checkpoint(signal);
  progress('finishing', 1);

  return {
    // pdf-lib writes into an ArrayBuffer of its own (never a shared one).
    bytes: bytes as Uint8Array<ArrayBuffer>,
    pageCount: final.pageCount,
    title: metadata.title,
    contents: plan.contents.map((entry) => ({ ...entry, page: numbered.pages.get(entry.id) ?? null })),
    warnings,
    layouts,
    parts: parts.length,
  };
}
