/**
 * Reading a printed report back with PDF.js: where each contents entry starts, and whether the outline and the tagged
 * structure are there. Every contents entry's id is linked from the contents page, so Chromium's print engine makes it
 * a named destination of the PDF, which names the page it lands on.
 */

/** A reference to a page object, as a destination holds it. */
interface PageRef {
  num: number;
  gen: number;
}

/** An item of the PDF's outline (bookmarks) and the items under it. */
export interface OutlineItem {
  title: string;
  items: OutlineItem[];
}

/** The part of PDF.js's `PDFDocumentProxy` read here (the app's build and the legacy build in Node both fit it). */
export interface PrintedPdf {
  numPages: number;
  getDestination(id: string): Promise<unknown[] | null>;
  getPageIndex(ref: PageRef): Promise<number>;
  getOutline(): Promise<OutlineItem[] | null>;
  getMarkInfo(): Promise<unknown>;
  getPage(pageNumber: number): Promise<{ getStructTree(): Promise<unknown> }>;
  /** The task that opened it, whose `destroy` closes the document and frees its worker's copy. */
  loadingTask: { destroy(): Promise<void> };
}

/** Opens PDF bytes with PDF.js; the caller destroys what it opened. */
export type OpenPdf = (bytes: Uint8Array) => Promise<PrintedPdf>;

const isPageRef = (value: unknown): value is PageRef =>
  typeof value === 'object' && value !== null && 'num' in value && 'gen' in value;

/**
 * The page (1-based) each id's named destination points to. An id with no destination (an entry the contents page
 * does not link, or that the layout dropped) is listed in `missing` rather than guessed.
 */
export async function readStartPages(pdf: PrintedPdf, ids: readonly string[]): Promise<{ pages: Map<string, number>; missing: string[] }> {
  const pages = new Map<string, number>();
  const missing: string[] = [];
  for (const id of ids) {
    const destination = await pdf.getDestination(id);
    const target = destination?.[0];
    if (isPageRef(target)) pages.set(id, (await pdf.getPageIndex(target)) + 1);
    // A destination may name its page by index (a remote-style destination) rather than by reference.
    else if (typeof target === 'number') pages.set(id, target + 1);
    else missing.push(id);
  }
  return { pages, missing };
}

/** What a finished report should carry: its pages, its outline's titles (depth first), and whether it is tagged. */
export interface PdfStructure {
  pageCount: number;
  outline: string[];
  tagged: boolean;
}

function titlesOf(items: readonly OutlineItem[]): string[] {
  return items.flatMap((item) => [item.title, ...titlesOf(item.items ?? [])]);
}

/** PDF.js gives the catalog's MarkInfo as a Map in some versions and as an object in others. */
function isMarked(markInfo: unknown): boolean {
  if (markInfo instanceof Map) return markInfo.get('Marked') === true;
  return typeof markInfo === 'object' && markInfo !== null && (markInfo as { Marked?: unknown }).Marked === true;
}

export async function readStructure(pdf: PrintedPdf): Promise<PdfStructure> {
  const outline = titlesOf((await pdf.getOutline()) ?? []);
  const structTree = pdf.numPages > 0 ? await (await pdf.getPage(1)).getStructTree() : null;
  return { pageCount: pdf.numPages, outline, tagged: isMarked(await pdf.getMarkInfo()) && structTree !== null };
}

/** Opens the bytes, reads them with `read`, and closes the document again whatever happens. */
export async function withPdf<T>(open: OpenPdf, bytes: Uint8Array, read: (pdf: PrintedPdf) => Promise<T>): Promise<T> {
  const pdf = await open(bytes);
  try {
    return await read(pdf);
  } finally {
    await pdf.loadingTask.destroy();
  }
}
