import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import { NO_TEXT_LAYER_WARNING, type PageSpan } from '../../../shared/domain';
import { isPlausibleDate, parsePdfDate } from './dates';
import { looksLikeHtml, pdfHeaderOffset } from './detect';
import { checkTextLength, collapseSpaces, emptyDocument } from './document';
import { languageTag, splitByline } from './html-metadata';
import { LIMITS, pdfPagesWarning } from '../../../shared/limits';
import { ImportError, type ParsedDocument } from './types';
import { cleanPropertyTitle, titleFromLines, type TitleLine } from './titles';

type Pdfjs = typeof PdfjsModule;

let pdfjs: Promise<Pdfjs> | null = null;

/**
 * pdf.js, loaded on the first PDF. Its own worker code runs in this thread ("fake worker"): the import worker is
 * already off the main thread, and a nested worker would need a script URL of its own. The legacy build is the
 * one that runs in Node (for the tests) as well as in browsers.
 */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjs ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })().catch((error: unknown) => {
    pdfjs = null;
    throw error;
  });
  return pdfjs;
}

/**
 * pdf.js's character maps (for CJK text in PDFs that rely on Adobe's predefined encodings), bundled with the app
 * and loaded one by one as a PDF asks for them, so reading a PDF never goes to the network.
 */
const CMAP_DIRECTORY = '../../../node_modules/pdfjs-dist/cmaps/';
const CMAPS = import.meta.glob<string>('../../../node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url&inline', import: 'default' });

function dataUrlBytes(url: string): Uint8Array {
  const binary = atob(url.slice(url.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** What pdf.js asks for binary data: character maps from the bundle; nothing else (standard fonts, wasm) is needed for text. */
class BundledBinaryData {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const load = kind === 'cMapUrl' ? CMAPS[CMAP_DIRECTORY + filename] : undefined;
    if (!load) throw new Error(`${filename} is not bundled with Casebook.`);
    return dataUrlBytes(await load());
  }
}

export const PDF_DAMAGED = 'is damaged or incomplete and could not be read as a PDF. If it was downloaded, download it again.';
export const PDF_PASSWORD = 'is protected by a password. Remove the password (for example by printing it to a new PDF) and import it again.';

/** A PDF's last kilobyte holds "%%EOF" unless the file was cut short. */
function hasEndMarker(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('windows-1252').decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  return tail.includes('%%EOF');
}

/** Generators' placeholder titles ("Microsoft Word - draft3.docx", "Untitled", "20-1234_final") say nothing: they are dropped. */
export const cleanPdfTitle = cleanPropertyTitle;

/**
 * A page's lines with their font size and how far down the page each sits (0 at the top, 1 at the bottom), for
 * finding a title in what the page shows. Items on one baseline make one line, a space between those apart.
 */
export function pageLines(items: (TextItem | TextMarkedContent)[], view: number[]): TitleLine[] {
  const bottom = view[1] ?? 0;
  const top = view[3] ?? 792;
  const height = top - bottom || 792;
  const lines: TitleLine[] = [];
  let line: { text: string; size: number; y: number; end: number } | null = null;
  const flush = () => {
    if (line?.text.trim()) lines.push({ text: collapseSpaces(line.text), size: line.size, top: (top - line.y) / height });
    line = null;
  };
  for (const item of items) {
    if (!('str' in item)) continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform.map(Number);
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
    if (item.str) {
      if (line && Math.abs(line.y - y) > Math.max(2, 0.5 * Math.max(size, line.size))) flush();
      if (!line) line = { text: '', size: 0, y, end: x };
      else if (x - line.end > size * 0.15 && !/\s$/.test(line.text) && !/^\s/.test(item.str)) line.text += ' ';
      line.text += item.str;
      line.end = x + item.width;
      if (item.str.trim()) line.size = Math.max(line.size, size);
    }
    if (item.hasEOL) flush();
  }
  flush();
  return lines;
}

/** A page's text in reading order as pdf.js gives it: lines where it marks line ends, blank lines at wide gaps. */
export function pageText(items: (TextItem | TextMarkedContent)[]): string {
  let text = '';
  let lineTop: number | null = null;
  let lineHeight = 0;
  let atLineStart = true;
  for (const item of items) {
    if (!('str' in item)) continue;
    const top = Number(item.transform[5]);
    if (item.str) {
      if (atLineStart && lineTop !== null && text && lineTop - top > 1.7 * Math.max(lineHeight, item.height || lineHeight)) text += '\n';
      if (atLineStart) {
        lineTop = top;
        lineHeight = item.height;
      }
      text += item.str;
      atLineStart = false;
    }
    if (item.hasEOL && !atLineStart) {
      text += '\n';
      atLineStart = true;
    }
  }
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const pageList = (pages: number[]) =>
  pages.length === 1 ? `Page ${pages[0]}` : `Pages ${pages.slice(0, -1).join(', ')} and ${pages.at(-1)}`;

/**
 * A PDF's text page by page (with each page's span in the text), and its title, author and creation date. A PDF
 * with stray bytes before its header is read from the header on; one without text on any page is kept, flagged as
 * having no text layer; a damaged, incomplete or password-protected one is refused with what to do about it.
 */
export async function parsePdf(bytes: Uint8Array): Promise<ParsedDocument> {
  if (pdfHeaderOffset(bytes) < 0 && looksLikeHtml(bytes))
    throw new ImportError(
      'is a web page saved under a .pdf name, not a PDF (often the login or error page of the site it came from). Download the PDF again and import that.',
    );
  const { getDocument } = await loadPdfjs();
  const task = getDocument({
    // pdf.js hands its data to its worker side and so detaches it: it gets a copy, the caller keeps the original.
    data: bytes.slice(),
    // pdf.js 6 no longer evaluates code at all, so it has no `isEvalSupported` to turn off; it never runs a PDF's scripts.
    enableXfa: false,
    stopAtErrors: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
    useWasm: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    BinaryDataFactory: BundledBinaryData,
  });
  try {
    let document;
    try {
      document = await task.promise;
    } catch (error) {
      if (error instanceof Error && error.name === 'PasswordException') throw new ImportError(PDF_PASSWORD);
      throw new ImportError(PDF_DAMAGED);
    }
    const warnings: string[] = [];
    const complete = hasEndMarker(bytes);
    const pageCount = document.numPages;
    const readCount = Math.min(pageCount, LIMITS.pdfPages);
    if (readCount < pageCount) warnings.push(pdfPagesWarning(pageCount));

    const parts: string[] = [];
    const pages: PageSpan[] = [];
    const unreadable: number[] = [];
    let firstPage: TitleLine[] = [];
    let length = 0;
    for (let number = 1; number <= readCount; number++) {
      let content = '';
      try {
        const page = await document.getPage(number);
        const { items } = await page.getTextContent();
        content = pageText(items);
        if (number === 1) firstPage = pageLines(items, page.view);
        page.cleanup();
      } catch {
        unreadable.push(number);
      }
      if (number > 1) {
        parts.push('\n\n');
        length += 2;
      }
      pages.push({ page: number, start: length, end: length + content.length });
      parts.push(content);
      length += content.length;
      checkTextLength(length);
    }
    if (readCount > 0 && (unreadable.length === readCount || (unreadable.length > 0 && !complete))) throw new ImportError(PDF_DAMAGED);
    if (unreadable.length) warnings.push(`${pageList(unreadable)} could not be read and ${unreadable.length === 1 ? 'is' : 'are'} left empty.`);
    else if (!complete) warnings.push('This PDF seems to be cut short (it has no end marker), but all its pages could be read.');

    const textLayer = pages.some((span) => span.end > span.start);
    if (!textLayer) warnings.push(NO_TEXT_LAYER_WARNING);

    const { info, metadata } = await document.getMetadata().catch(() => ({ info: {} as Record<string, unknown>, metadata: null }));
    const fields = info as Record<string, unknown>;
    const created = parsePdfDate(typeof fields.CreationDate === 'string' ? fields.CreationDate : null);
    const publishedAt = created && isPlausibleDate(created) ? created : null;
    const author = typeof fields.Author === 'string' ? fields.Author : [metadata?.get('dc:creator') ?? []].flat().join('; ');
    const language = languageTag(typeof fields.Language === 'string' ? fields.Language : null);

    return {
      ...emptyDocument('pdf'),
      // A title from the metadata when it says something, else from what page 1 shows (a case name, the largest text).
      title: cleanPdfTitle(fields.Title) ?? cleanPdfTitle(metadata?.get('dc:title')) ?? titleFromLines(firstPage) ?? '',
      text: textLayer ? parts.join('') : '',
      authors: author ? splitByline(String(author)) : [],
      // The creation date, often days off: a date the text states replaces it (see metadata.ts).
      publishedAt,
      publishedAtSource: publishedAt ? { from: 'created' } : null,
      language,
      languageSource: language ? 'declared' : null,
      pages: textLayer ? pages : pages.map((span) => ({ ...span, start: 0, end: 0 })),
      pageCount,
      textLayer,
      warnings,
    };
  } finally {
    await task.destroy();
  }
}
