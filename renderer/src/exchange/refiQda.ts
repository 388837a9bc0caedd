import { zipSync, type Zippable } from 'fflate';
import type { CaseDocument, CaseFile, Excerpt, Tag } from '../../../shared/domain';
import { childrenByParent } from '../../../shared/codebook';
import { quoteTitle } from '../../../shared/vocabulary';
import { richTextToPlain } from '../search/searchFields';

/**
 * A case's codebook with its coded excerpts as a REFI-QDA project (`.qdpx`), the exchange format of NVivo, ATLAS.ti,
 * MAXQDA, QDA Miner and other qualitative-analysis tools: a zip holding `project.qde` (the project's XML, namespace
 * urn:QDA-XML:project:1.0) and, under `sources/`, the plain text of every document an excerpt quotes.
 *
 * Positions: REFI-QDA counts a PlainTextSelection's startPosition and endPosition in Unicode characters (code points)
 * from 0 at the start of the source's text file, where JavaScript (and an excerpt's anchor) counts UTF-16 code units;
 * every position is converted, so a character outside the Basic Multilingual Plane (an emoji, a rare CJK ideograph)
 * before a quote counts once, not twice.
 */

export const QDA_NAMESPACE = 'urn:QDA-XML:project:1.0';

export interface CodebookExport {
  caseFile: Pick<CaseFile, 'id' | 'name' | 'description'>;
  tags: readonly Tag[];
  /** The case's coded excerpts; others are left out. */
  excerpts: readonly Excerpt[];
  /** The documents the excerpts quote, with their text. */
  documents: readonly CaseDocument[];
  /** Written in the project's `origin`: "Casebook 0.1.0". */
  appVersion: string;
  exportedAt: Date;
  /** Where the XML document is made: the page's (the default), or a test's. */
  dom?: DOMImplementation;
}

export interface QdpxFile {
  bytes: Uint8Array<ArrayBuffer>;
  codes: number;
  sources: number;
  selections: number;
  /** Coded excerpts that could not be placed in a text: orphaned, detached, or their quote not at their anchor. */
  leftOut: number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The namespace of the name-based (version 5) GUIDs made for what has no id of its own (a coding, the user). */
const CASEBOOK_NAMESPACE = '6d1b2f0e-5a57-4c43-9b0e-1c7f3a9d2b64';

/** An RFC 4122 version 5 UUID: the same name gives the same GUID, so exporting twice gives the same project. */
async function nameGuid(name: string): Promise<string> {
  const namespace = Uint8Array.from(CASEBOOK_NAMESPACE.replace(/-/g, '').match(/../g)!.map((byte) => parseInt(byte, 16)));
  const input = new Uint8Array([...namespace, ...new TextEncoder().encode(name)]);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-1', input)).slice(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = [...hash].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A record's id as a REFI-QDA GUID: itself when it is one (Casebook's ids are), else one made from it. */
const guidOf = async (kind: string, id: string): Promise<string> => (GUID.test(id) ? id.toLowerCase() : nameGuid(`${kind}:${id}`));

/** XML 1.0 cannot hold control characters (but tab and line breaks) or lone surrogates: they are dropped. */
const xmlSafe = (text: string): string => text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');

/** For attributes, which hold one line: white space folded. */
const oneLine = (text: string): string => xmlSafe(text).replace(/\s+/g, ' ').trim();

/**
 * The code-point offsets of UTF-16 offsets into `text`, in one pass over it: offsets sorted, each counted from the
 * one before.
 */
export function codePointOffsets(text: string, offsets: Iterable<number>): Map<number, number> {
  const result = new Map<number, number>();
  let units = 0;
  let points = 0;
  for (const offset of [...new Set(offsets)].sort((a, b) => a - b)) {
    while (units < offset) {
      const code = text.charCodeAt(units);
      const pair = code >= 0xd800 && code <= 0xdbff && units + 1 < text.length && (text.charCodeAt(units + 1) & 0xfc00) === 0xdc00;
      units += pair ? 2 : 1;
      points += 1;
    }
    result.set(offset, points);
  }
  return result;
}

/** A small writer over a namespaced XML document: every name and text goes through the DOM, which escapes it. */
class QdeWriter {
  readonly document: XMLDocument;
  constructor(dom: DOMImplementation) {
    this.document = dom.createDocument(QDA_NAMESPACE, 'Project', null);
  }
  get root(): Element {
    return this.document.documentElement;
  }
  element(parent: Element, name: string, attributes: Record<string, string | null | undefined> = {}, text?: string): Element {
    const element = this.document.createElementNS(QDA_NAMESPACE, name);
    for (const [key, value] of Object.entries(attributes)) if (value != null) element.setAttribute(key, oneLine(value));
    if (text !== undefined) element.textContent = xmlSafe(text);
    parent.appendChild(element);
    return element;
  }
  serialise(): string {
    return `<?xml version="1.0" encoding="utf-8"?>\n${new XMLSerializer().serializeToString(this.document)}`;
  }
}

interface PlacedExcerpt {
  excerpt: Excerpt;
  start: number;
  end: number;
}

export async function buildQdpx(input: CodebookExport): Promise<QdpxFile> {
  const { caseFile, tags, excerpts, documents, exportedAt } = input;
  const at = exportedAt.toISOString();
  const writer = new QdeWriter(input.dom ?? document.implementation);
  const project = writer.root;
  const userGuid = await nameGuid(`user:${caseFile.id}`);
  for (const [key, value] of Object.entries({
    name: caseFile.name,
    origin: `Casebook ${input.appVersion}`,
    creatingUserGUID: userGuid,
    creationDateTime: at,
    modifyingUserGUID: userGuid,
    modifiedDateTime: at,
  }))
    project.setAttribute(key, oneLine(value));

  const users = writer.element(project, 'Users');
  writer.element(users, 'User', { guid: userGuid, name: 'Casebook' });

  // The codebook: one Code a tag, nested as the tags are.
  const codeGuids = new Map<string, string>();
  for (const tag of tags) codeGuids.set(tag.id, await guidOf('tag', tag.id));
  const children = childrenByParent(tags);
  const known = new Set(tags.map((tag) => tag.id));
  const codes = writer.element(writer.element(project, 'CodeBook'), 'Codes');
  const writeCodes = (parent: Element, parentId: string | null) => {
    for (const tag of children.get(parentId) ?? []) {
      const code = writer.element(parent, 'Code', { guid: codeGuids.get(tag.id), name: tag.name, isCodable: 'true', color: tag.colour });
      if (tag.description.trim()) writer.element(code, 'Description', {}, tag.description);
      writeCodes(code, tag.id);
    }
  };
  writeCodes(codes, null);
  // A tag whose parent is gone still belongs in the codebook: at the top.
  for (const lostParent of new Set(tags.flatMap((tag) => (tag.parentId !== null && !known.has(tag.parentId) ? [tag.parentId] : []))))
    writeCodes(codes, lostParent);

  // The excerpts that can be placed in their document's text, by document.
  const byDocument = new Map<string, PlacedExcerpt[]>();
  const documentsById = new Map(documents.map((document) => [document.id, document]));
  let leftOut = 0;
  for (const excerpt of excerpts) {
    const codedTags = excerpt.tags.filter((tagId) => known.has(tagId));
    const document = excerpt.documentId ? documentsById.get(excerpt.documentId) : undefined;
    const anchor = excerpt.anchor;
    if (!codedTags.length) continue;
    if (!document || !anchor || excerpt.orphaned || document.text.slice(anchor.start, anchor.end) !== excerpt.quote) {
      leftOut += 1;
      continue;
    }
    byDocument.set(document.id, [...(byDocument.get(document.id) ?? []), { excerpt, start: anchor.start, end: anchor.end }]);
  }

  const sourceFiles: Zippable = {};
  const notes: { guid: string; name: string; text: string; createdAt: string }[] = [];
  const sources = byDocument.size ? writer.element(project, 'Sources') : null;
  let selections = 0;
  for (const document of documents) {
    const placed = byDocument.get(document.id);
    if (!placed || !sources) continue;
    const sourceGuid = await guidOf('document', document.id);
    const fileName = `${sourceGuid}.txt`;
    sourceFiles[`sources/${fileName}`] = new TextEncoder().encode(document.text);
    const source = writer.element(sources, 'TextSource', {
      guid: sourceGuid,
      name: document.title,
      plainTextPath: `internal://${fileName}`,
      creatingUser: userGuid,
      creationDateTime: document.importedAt,
    });
    const about = [document.siteName, document.authors.join(', '), document.publishedAt?.slice(0, 10), document.sourceUrl].filter(Boolean).join('\n');
    if (about) writer.element(source, 'Description', {}, about);
    const positions = codePointOffsets(document.text, placed.flatMap(({ start, end }) => [start, end]));
    for (const { excerpt, start, end } of placed.sort((a, b) => a.start - b.start || a.end - b.end)) {
      const selectionGuid = await guidOf('excerpt', excerpt.id);
      const selection = writer.element(source, 'PlainTextSelection', {
        guid: selectionGuid,
        name: quoteTitle(excerpt.quote),
        startPosition: String(positions.get(start)),
        endPosition: String(positions.get(end)),
        creatingUser: userGuid,
        creationDateTime: excerpt.createdAt,
        modifyingUser: userGuid,
        modifiedDateTime: excerpt.updatedAt,
      });
      const comment = richTextToPlain(excerpt.comment).trim();
      if (comment) writer.element(selection, 'Description', {}, comment);
      for (const tagId of excerpt.tags.filter((id) => known.has(id))) {
        const coding = writer.element(selection, 'Coding', {
          guid: await nameGuid(`coding:${excerpt.id}:${tagId}`),
          creatingUser: userGuid,
          creationDateTime: excerpt.updatedAt,
        });
        writer.element(coding, 'CodeRef', { targetGUID: codeGuids.get(tagId) });
      }
      // The comment as a memo too: tools that show no selection's description (NVivo) show its memo.
      if (comment) {
        const note = { guid: await nameGuid(`comment:${excerpt.id}`), name: `Comment on “${quoteTitle(excerpt.quote)}”`, text: comment, createdAt: excerpt.updatedAt };
        notes.push(note);
        writer.element(selection, 'NoteRef', { targetGUID: note.guid });
      }
      selections += 1;
    }
  }

  if (notes.length) {
    const notesElement = writer.element(project, 'Notes');
    for (const note of notes) {
      const element = writer.element(notesElement, 'Note', { guid: note.guid, name: note.name, creatingUser: userGuid, creationDateTime: note.createdAt });
      writer.element(element, 'PlainTextContent', {}, note.text);
    }
  }
  const description = richTextToPlain(caseFile.description).trim();
  if (description) writer.element(project, 'Description', {}, description);

  const files: Zippable = { 'project.qde': new TextEncoder().encode(writer.serialise()), ...sourceFiles };
  // fflate writes into an ArrayBuffer of its own.
  const bytes = zipSync(files, { level: 6, mtime: exportedAt }) as Uint8Array<ArrayBuffer>;
  return { bytes, codes: tags.length, sources: byDocument.size, selections, leftOut };
}
