import mammoth from 'mammoth';
import { isPlausibleDate, parseDateValue } from './dates';
import { isOle2 } from './detect';
import { checkTextLength, collapseSpaces, emptyDocument } from './document';
import { parseHtmlDocument } from './dom';
import { languageTag, splitByline } from './html-metadata';
import { cleanPropertyTitle, titleFromLines, type TitleLine } from './titles';
import { cleanedText, type CleanupOptions } from './text-cleanup';
import { ImportError, type ParsedDocument } from './types';
import { checkUnpackedSize, isZip, listZipEntries, readZipEntry } from './zip';

/** Word's Title style is the document's heading; mammoth's default map leaves it a plain paragraph. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p.subtitle:fresh"];

/** Names Word and other programs fill in for an author nobody typed. */
const PLACEHOLDER_AUTHORS = /^(?:user|windows user|microsoft office user|author|owner|admin|administrator|unknown|python-docx|docx|un-named)$/i;

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const decodeXml = (value: string) =>
  value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (entity, hex: string, decimal: string, name: string) =>
    hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : decimal ? String.fromCodePoint(Number(decimal)) : (XML_ENTITIES[name] ?? entity),
  );

interface CoreProperties {
  title: string | null;
  authors: string[];
  language: string | null;
  /** When the file was first saved: often long before the document was finished, or the day it was copied. */
  created: string | null;
}

/** Title, creator, language and creation date from docProps/core.xml, which mammoth does not read. */
async function readCoreProperties(bytes: Uint8Array): Promise<CoreProperties> {
  const entry = listZipEntries(bytes)?.find((candidate) => candidate.name === 'docProps/core.xml');
  const xml = entry && entry.size < 1_000_000 ? await readZipEntry(bytes, entry) : null;
  if (!xml) return { title: null, authors: [], language: null, created: null };
  const source = new TextDecoder().decode(xml);
  const field = (name: string) => {
    const match = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(source);
    return match ? collapseSpaces(decodeXml(match[1]!)) || null : null;
  };
  const creator = field('dc:creator');
  const created = parseDateValue(field('dcterms:created') ?? '');
  return {
    title: cleanPropertyTitle(field('dc:title')),
    authors: creator ? splitByline(creator).filter((name) => !PLACEHOLDER_AUTHORS.test(name)) : [],
    language: languageTag(field('dc:language')),
    created: created && isPlausibleDate(created) ? created : null,
  };
}

/**
 * What mammoth says about a conversion, in words for the reader, each once. Styles Word knows and Casebook shows
 * as plain paragraphs, and the inner workings of fields, are not worth a note: nothing the reader sees is missing.
 */
export function summariseMessages(messages: { type: string; message: string }[]): string[] {
  const notes = new Set<string>();
  for (const { message } of messages) {
    const text = collapseSpaces(message);
    if (/^Unrecognised (?:paragraph|run|table) style|style with ID .* was referenced but not defined|^Ignoring complex field|^Unsupported break type/i.test(text)) continue;
    const image = /^Image of type (\S+) is unlikely to display/i.exec(text);
    if (image) notes.add(`An image in this document is in a format (${image[1]}) that may not show here; open the original file to see it.`);
    else if (/image file for a:blip|v:imagedata element without a relationship/i.test(text)) notes.add('An image could not be found inside the Word file and is missing here.');
    else if (/^A w:sym element with an unsupported character/i.test(text)) notes.add('A symbol from a decorative font (such as Wingdings) could not be shown and was left out.');
    else if (/cell merging may be incorrect/i.test(text)) notes.add('A table has merged cells that may not be shown exactly as in Word.');
    else if (/^An unrecognised element was ignored/i.test(text)) notes.add('Parts of the Word file that Casebook cannot show (such as embedded objects) were left out.');
    else notes.add(`While converting the Word file: ${text.slice(0, 160)}`);
  }
  return [...notes];
}

/** Word's paragraphs as lines for the title finder: headings larger the higher their level, no page position. */
function paragraphLines(body: Element): TitleLine[] {
  const SIZE: Record<string, number> = { H1: 2, H2: 1.7, H3: 1.5, H4: 1.3, H5: 1.2, H6: 1.2 };
  return [...body.querySelectorAll('h1, h2, h3, h4, h5, h6, p')]
    .slice(0, 200)
    .map((element) => ({ text: collapseSpaces(element.textContent ?? ''), size: SIZE[element.tagName.toUpperCase()] ?? 1, top: null }))
    .filter((line) => line.text);
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
  // Mammoth unzips with JSZip, which would unpack whatever the parts hold: a zip bomb is refused before.
  await checkUnpackedSize(bytes);

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

  return {
    ...emptyDocument('docx'),
    // The title property when it says something, else a case name or the first of the highest headings.
    title: properties.title ?? titleFromLines(paragraphLines(doc.body)) ?? '',
    text,
    html,
    cleanup,
    authors: properties.authors,
    // The creation date, often days off: a date the text states replaces it (see metadata.ts).
    publishedAt: properties.created,
    publishedAtSource: properties.created ? { from: 'created' } : null,
    language: properties.language,
    languageSource: properties.language ? 'declared' : null,
    warnings: summariseMessages(result.messages),
  };
}
