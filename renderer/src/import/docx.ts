import mammoth from 'mammoth';
import { isOle2 } from './detect';
import { checkTextLength, collapseSpaces, emptyDocument } from './document';
import { parseHtmlDocument } from './dom';
import { languageTag, splitByline } from './html-metadata';
import { cleanedText, type CleanupOptions } from './text-cleanup';
import { ImportError, type ParsedDocument } from './types';
import { isZip, listZipEntries, readZipEntry } from './zip';

/** Word's Title style is the document's heading; mammoth's default map leaves it a plain paragraph. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p.subtitle:fresh"];

/** Names Word and other programs fill in for an author nobody typed. */
const PLACEHOLDER_AUTHORS = /^(?:user|windows user|microsoft office user|author|owner|admin|administrator|unknown|python-docx|docx|un-named)$/i;

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const decodeXml = (value: string) =>
  value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (entity, hex: string, decimal: string, name: string) =>
    hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : decimal ? String.fromCodePoint(Number(decimal)) : (XML_ENTITIES[name] ?? entity),
  );

/** Title, creator and language from docProps/core.xml, which mammoth does not read. */
async function readCoreProperties(bytes: Uint8Array): Promise<{ title: string | null; authors: string[]; language: string | null }> {
  const entry = listZipEntries(bytes)?.find((candidate) => candidate.name === 'docProps/core.xml');
  const xml = entry && entry.size < 1_000_000 ? await readZipEntry(bytes, entry) : null;
  if (!xml) return { title: null, authors: [], language: null };
  const source = new TextDecoder().decode(xml);
  const field = (name: string) => {
    const match = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(source);
    return match ? collapseSpaces(decodeXml(match[1]!)) || null : null;
  };
  const creator = field('dc:creator');
  return {
    title: field('dc:title'),
    authors: creator ? splitByline(creator).filter((name) => !PLACEHOLDER_AUTHORS.test(name)) : [],
    language: languageTag(field('dc:language')),
  };
}

/** Mammoth's messages, shortened: every unknown style in one line, others once each. */
export function summariseMessages(messages: { type: string; message: string }[]): string[] {
  const styles = new Set<string>();
  const others = new Set<string>();
  for (const { message } of messages) {
    const style = /^Unrecognised (?:paragraph|run|table) style: '([^']*)'/.exec(message);
    if (style) styles.add(style[1]!);
    else others.add(collapseSpaces(message).slice(0, 160));
  }
  const warnings = [...others].map((message) => `Word conversion: ${message}`);
  if (styles.size) {
    const names = [...styles];
    const listed = names.slice(0, 5).join(', ') + (names.length > 5 ? ` and ${names.length - 5} more` : '');
    warnings.unshift(`Some Word styles have no equivalent here and are shown as plain paragraphs: ${listed}.`);
  }
  return warnings;
}

/**
 * A Word document (.docx) converted by mammoth: headings, lists, tables, links, footnotes and images as HTML
 * (headers and footers are left out, as mammoth does), text from that HTML, title and author from the file's
 * properties. Files that only carry a .docx name get a message saying what they really are.
 */
export async function parseDocx(bytes: Uint8Array, options: CleanupOptions = {}): Promise<ParsedDocument> {
  if (!isZip(bytes)) {
    if (isOle2(bytes))
      throw new ImportError(
        'is protected by a password, or is an older Word file (.doc) renamed to .docx. Remove the password, or open it in Word and save it as .docx, then import it again.',
      );
    throw new ImportError('is not a Word document (.docx): it is not a zip archive, as every .docx file is. It may be another kind of file renamed to .docx.');
  }
  const entries = listZipEntries(bytes);
  if (!entries) throw new ImportError('is damaged or incomplete and could not be read as a Word document (.docx).');
  if (!entries.some((entry) => entry.name.startsWith('word/')))
    throw new ImportError('is not a Word document (.docx): it is a zip archive without a Word document in it.');

  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    // An ArrayBuffer of exactly the file (a view's buffer may hold more). Mammoth's browser build, which Vite picks
    // by its package.json "browser" field, reads `arrayBuffer`; its Node build (the tests) reads `buffer`.
    const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const input = { arrayBuffer, buffer: arrayBuffer } as unknown as { arrayBuffer: ArrayBuffer };
    result = await mammoth.convertToHtml(input, { externalFileAccess: false, styleMap: STYLE_MAP });
  } catch {
    throw new ImportError('is damaged or incomplete and could not be read as a Word document (.docx).');
  }
  const doc = parseHtmlDocument(`<!doctype html><html><body>${result.value}</body></html>`);
  // A Word file saved from a web page may carry its buttons and labels; only what cannot be the author's own goes.
  const { text, html, cleanup } = cleanedText(doc.body, { ...options, onlySure: true });
  checkTextLength(text.length);
  const properties = await readCoreProperties(bytes);
  const heading = doc.querySelector('h1') ?? doc.querySelector('h2, h3, h4, h5, h6');

  return {
    ...emptyDocument('docx'),
    title: properties.title ?? collapseSpaces(heading?.textContent ?? ''),
    text,
    html,
    cleanup,
    authors: properties.authors,
    language: properties.language,
    warnings: summariseMessages(result.messages),
  };
}
