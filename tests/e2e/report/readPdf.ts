import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A PDF as a reader checks it: each page's text, the outline, where each named destination lands, the links. */
export interface ReadPdf {
  pageCount: number;
  /** Each page's text in reading order, words joined by spaces and lines by newlines. */
  pages: string[];
  info: Record<string, unknown>;
  /** The outline (bookmarks), flattened, each with its depth (0 at the top) and the page it opens. */
  outline: { title: string; depth: number; page: number | null }[];
  /** Every internal link: the page it is on, its destination's name and the page that opens. */
  links: { onPage: number; dest: string; page: number | null }[];
  /** Whether the PDF declares itself tagged (a structure tree a screen reader reads). */
  tagged: boolean;
}

/** Reads a PDF back with pdfjs-dist, as any reader would. */
export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const task = pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false });
  const doc = await task.promise;
  const pageOf = async (dest: unknown): Promise<number | null> => {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : (dest as unknown[] | null);
    if (!explicit) return null;
    return (await doc.getPageIndex(explicit[0] as { num: number; gen: number })) + 1;
  };
  const pages: string[] = [];
  const links: ReadPdf['links'] = [];
  let tagged = false;
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('')
        .replace(/[ \t]+/g, ' '),
    );
    for (const annotation of await page.getAnnotations())
      if (annotation.subtype === 'Link' && annotation.dest) links.push({ onPage: number, dest: String(annotation.dest), page: await pageOf(annotation.dest) });
    if (number === 1) tagged = Boolean(await page.getStructTree());
  }
  const outline: ReadPdf['outline'] = [];
  const walk = async (items: Awaited<ReturnType<typeof doc.getOutline>>, depth: number) => {
    for (const item of items ?? []) {
      outline.push({ title: item.title, depth, page: await pageOf(item.dest) });
      await walk(item.items, depth + 1);
    }
  };
  await walk(await doc.getOutline(), 0);
  const { info } = await doc.getMetadata();
  const result = { pageCount: doc.numPages, pages, info: info as Record<string, unknown>, outline, links, tagged };
  await task.destroy();
  return result;
}

/** The PDF's text as `pdftotext -layout` gives it (poppler, another reader than pdfjs), one string per page. */
export function pdftotext(path: string): string[] {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).split('\f');
}

/** One page rendered to PNG by poppler's `pdftoppm`, at `dpi`. */
export function pageToPng(path: string, page: number, dpi = 50): PNG {
  const folder = mkdtempSync(join(tmpdir(), 'casebook-page-'));
  try {
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', path, join(folder, 'page')]);
    return PNG.sync.read(readFileSync(join(folder, 'page.png')));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Compares a rendered page with its committed reference, pixel by pixel (pixelmatch, anti-aliasing ignored):
 * returns the share of pixels that differ. With CASEBOOK_UPDATE_REFERENCES=1 the reference is written instead. The
 * difference image is saved beside `diffPath` for a failure to show what moved.
 */
export function differenceFromReference(actual: PNG, referencePath: string, diffPath: string): number {
  if (process.env.CASEBOOK_UPDATE_REFERENCES === '1') {
    mkdirSync(dirname(referencePath), { recursive: true });
    writeFileSync(referencePath, PNG.sync.write(actual));
    return 0;
  }
  if (!existsSync(referencePath)) throw new Error(`No reference image at ${referencePath}: run with CASEBOOK_UPDATE_REFERENCES=1 to make it.`);
  const reference = PNG.sync.read(readFileSync(referencePath));
  if (reference.width !== actual.width || reference.height !== actual.height) return 1;
  const diff = new PNG({ width: actual.width, height: actual.height });
  const different = pixelmatch(reference.data, actual.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
  mkdirSync(dirname(diffPath), { recursive: true });
  writeFileSync(diffPath, PNG.sync.write(diff));
  return different / (actual.width * actual.height);
}
