/**
 * Joining a report printed in parts into one PDF. A long report is printed part by part (each part a self-contained
 * HTML document Chromium's print engine lays out on its own), and the parts are joined here with pdf-lib, keeping
 * what the print gave each part: its named destinations, its links, its outline and its tagged structure. A part links
 * to an element printed in another part with a `casebook-report:<id>` address; the join makes it an internal link.
 * Page content is never touched: each part's footer already numbers its pages in the whole report. Pure, so it runs
 * in the renderer and in Node.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  PDFPageLeaf,
  PDFRef,
  PDFString,
  ParseSpeeds,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import { PART_LINK_SCHEME } from './parts';


export interface AddPartOptions {
  /**
   * The part continues the section the previous part ended in (it has no heading of its own at its top): its
   * top-level outline items go under the previous part's last top-level item, not beside it.
   */
  continuesSection: boolean;
}

export interface MergedReport {
  /** The joined report, for the caller to set its properties and save. */
  document: PDFDocument;
  /** What was met and worked around, in the researcher's words. */
  warnings: string[];
}

const name = (key: string) => PDFName.of(key);
const K = name('K');
const P = name('P');
const S = name('S');
const TYPE = name('Type');
const FIRST = name('First');
const NEXT = name('Next');
const ANNOTS = name('Annots');
const STRUCT_PARENT = name('StructParent');
const STRUCT_PARENTS = name('StructParents');
/** The keys that tie an outline item into its tree, rewritten when the trees are joined. */
const OUTLINE_LINKS = ['Parent', 'First', 'Last', 'Next', 'Prev', 'Count'].map(name);

/** An outline item (already copied into the joined report) and the items under it. */
interface OutlineNode {
  ref: PDFRef;
  children: OutlineNode[];
}

/** A `casebook-report:` link, resolved once every part is in (a link may point to a later part). */
interface PartLink {
  ref: PDFRef;
  annotation: PDFDict;
  page: PDFPageLeaf;
  /** 1-based, in the joined report. */
  pageNumber: number;
  part: number;
  id: string;
}

/** The joined structure tree: one Document element, whose kids are every part's top-level elements in order. */
interface JoinedStructure {
  documentRef: PDFRef;
  kids: PDFArray;
}

/** The items of a value that may be one object or an array of them (a structure element's `/K`). */
function itemsOf(context: PDFContext, value: PDFObject | undefined): PDFObject[] {
  if (value === undefined) return [];
  const resolved = value instanceof PDFRef ? context.lookup(value) : value;
  return resolved instanceof PDFArray ? resolved.asArray() : [value];
}

/**
 * The entries of a number tree (`/Nums`, as a ParentTree) or a name tree (`/Names`), leaves in order; walked without
 * recursion, and each node once, so a damaged tree that points back to itself ends.
 */
function treeEntries(context: PDFContext, root: PDFDict | undefined, leafKey: 'Nums' | 'Names'): [PDFObject, PDFObject][] {
  const entries: [PDFObject, PDFObject][] = [];
  const seen = new Set<PDFDict>();
  const pending: PDFDict[] = root ? [root] : [];
  while (pending.length) {
    const node = pending.shift() as PDFDict;
    if (seen.has(node)) continue;
    seen.add(node);
    const leaves = node.lookupMaybe(name(leafKey), PDFArray);
    for (let index = 0; leaves && index + 1 < leaves.size(); index += 2) {
      const key = leaves.get(index);
      entries.push([context.lookup(key) ?? key, leaves.get(index + 1)]);
    }
    const kids = node.lookupMaybe(name('Kids'), PDFArray)?.asArray() ?? [];
    pending.unshift(...kids.map((kid) => context.lookupMaybe(kid, PDFDict)).filter((kid): kid is PDFDict => kid !== undefined));
  }
  return entries;
}

const textOf = (value: PDFObject | undefined) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined);

/**
 * A part's outline as a tree of its items, each cut loose from its neighbours and its parent (the joined outline is
 * linked anew), so that copying an item copies the item alone: not its siblings one after another (a deep recursion
 * for a long section) nor the part's outline root.
 */
function detachOutline(part: PDFDocument): OutlineNode[] {
  const top: OutlineNode[] = [];
  const root = part.catalog.lookupMaybe(name('Outlines'), PDFDict);
  const pending: { first: PDFObject | undefined; into: OutlineNode[] }[] = [{ first: root?.get(FIRST), into: top }];
  const seen = new Set<PDFRef>();
  while (pending.length) {
    const { first, into } = pending.pop() as (typeof pending)[number];
    for (let ref = first; ref instanceof PDFRef && !seen.has(ref); ) {
      seen.add(ref);
      const item = part.context.lookupMaybe(ref, PDFDict);
      if (!item) break;
      const node: OutlineNode = { ref, children: [] };
      into.push(node);
      pending.push({ first: item.get(FIRST), into: node.children });
      ref = item.get(NEXT);
      for (const key of OUTLINE_LINKS) item.delete(key);
    }
  }
  return top;
}

/** Every node of an outline, parents before their children. */
function outlineNodes(top: readonly OutlineNode[]): OutlineNode[] {
  const nodes: OutlineNode[] = [];
  const pending = [...top].reverse();
  while (pending.length) {
    const node = pending.pop() as OutlineNode;
    nodes.push(node);
    for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index] as OutlineNode);
  }
  return nodes;
}

/**
 * A part's tagged structure, cut loose from the part's roots before anything is copied: the Document element's kids
 * lose their parent (set to the joined Document element once copied), and the Document element loses its kids and
 * its parent (only its own attributes, such as its language, are kept, from the first part).
 */
function detachStructure(part: PDFDocument) {
  const root = part.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
  if (!root) return null;
  const { context } = part;
  const top = itemsOf(context, root.get(K));
  const onlyElement = top.length === 1 ? context.lookupMaybe(top[0], PDFDict) : undefined;
  const document = onlyElement?.lookupMaybe(S, PDFName) === name('Document') ? onlyElement : undefined;
  const kids = document ? itemsOf(context, document.get(K)) : top;
  document?.delete(K);
  document?.delete(P);
  for (const kid of kids) (kid instanceof PDFRef ? context.lookupMaybe(kid, PDFDict) : kid instanceof PDFDict ? kid : undefined)?.delete(P);
  const parentTree = treeEntries(context, root.lookupMaybe(name('ParentTree'), PDFDict), 'Nums')
    .filter((entry): entry is [PDFNumber, PDFObject] => entry[0] instanceof PDFNumber)
    .map(([key, value]) => [key.asNumber(), value] as const);
  const nextKey =
    root.lookupMaybe(name('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? parentTree.reduce((next, [key]) => Math.max(next, key + 1), 0);
  return {
    // A reference where the tree has one, so that anything else pointing to it is copied to the same element.
    document: document && top[0] instanceof PDFRef ? top[0] : document,
    kids,
    parentTree,
    nextKey,
    roleMap: root.lookupMaybe(name('RoleMap'), PDFDict),
    classMap: root.lookupMaybe(name('ClassMap'), PDFDict),
    ids: treeEntries(context, root.lookupMaybe(name('IDTree'), PDFDict), 'Names'),
  };
}

/**
 * Joins a report's printed parts into one PDF, one part at a time: each part's bytes are read, copied in and dropped,
 * so memory holds the joined report and one part. Each part is copied with one copier, so an object reached twice
 * (a page from its page tree, its outline item and its structure) is copied once.
 */
export class PrintedPartsMerger {
  private readonly context: PDFContext;
  private readonly dests: PDFDict;
  private readonly outline: OutlineNode[] = [];
  private readonly partLinks: PartLink[] = [];
  /** The joined ParentTree: each part's keys shifted past the previous parts' keys. */
  private readonly parentTree = new Map<number, PDFObject>();
  private readonly roleMap: PDFDict;
  private readonly classMap: PDFDict;
  private readonly ids = new Map<string, PDFObject>();
  private readonly warnings: string[] = [];
  private readonly untaggedParts: number[] = [];
  private structure: JoinedStructure | null = null;
  private nextStructKey = 0;
  private parts = 0;
  private adding = false;
  private finished = false;
  /** Why the joined report is unusable: a part failed halfway through being copied in. */
  private broken: string | null = null;

  private constructor(private readonly document: PDFDocument) {
    this.context = document.context;
    this.dests = this.context.obj({});
    this.roleMap = this.context.obj({});
    this.classMap = this.context.obj({});
  }

  static async create(): Promise<PrintedPartsMerger> {
    return new PrintedPartsMerger(await PDFDocument.create({ updateMetadata: false }));
  }

  /** How many pages the parts added so far make. */
  get pageCount(): number {
    return this.document.getPageCount();
  }

  /** Adds the next printed part, after the ones added before; one at a time (wait for each before the next). */
  async add(bytes: Uint8Array, options: AddPartOptions): Promise<void> {
    if (this.finished) throw new Error('The report’s parts are already joined: a part cannot be added after finish().');
    if (this.adding) throw new Error('The report’s parts are added one at a time: wait for the previous part before adding the next.');
    if (this.broken) throw new Error(this.broken);
    this.adding = true;
    try {
      const number = this.parts + 1;
      let part: PDFDocument;
      try {
        part = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fast });
      } catch (error) {
        throw new Error(`Part ${number} of the report could not be read as a PDF (${error instanceof Error ? error.message : String(error)}).`, {
          cause: error,
        });
      }
      try {
        this.addPart(part, number, options);
      } catch (error) {
        // Some of its pages may be in already: the joined report is not finished from here.
        this.broken = `The report’s parts cannot be joined: part ${number} failed halfway (${error instanceof Error ? error.message : String(error)}).`;
        throw new Error(this.broken, { cause: error });
      }
      this.parts = number;
    } finally {
      this.adding = false;
    }
  }

  private addPart(part: PDFDocument, number: number, options: AddPartOptions) {
    // Everything is cut loose before the first copy: a copy follows every reference it meets.
    const structure = detachStructure(part);
    const outline = detachOutline(part);
    const copier = PDFObjectCopier.for(part.context, this.context);
    const offset = this.nextStructKey;

    for (const page of part.getPages()) this.addPage(copier.copy(page.ref), offset, number);

    for (const [key, destination] of part.catalog.lookupMaybe(name('Dests'), PDFDict)?.entries() ?? []) {
      if (this.dests.has(key)) this.warnings.push(`Part ${number} names “${key.decodeText()}” again: links to it land where an earlier part put it.`);
      else this.dests.set(key, copier.copy(destination));
    }

    if (structure) {
      const joined = this.structure ?? this.startStructure(copier.copy(structure.document ?? this.context.obj({ S: 'Document' })));
      for (const kid of structure.kids) {
        const copied = copier.copy(kid);
        joined.kids.push(copied);
        (copied instanceof PDFRef ? this.context.lookupMaybe(copied, PDFDict) : copied instanceof PDFDict ? copied : undefined)?.set(P, joined.documentRef);
      }
      for (const [key, value] of structure.parentTree) this.parentTree.set(key + offset, copier.copy(value));
      this.nextStructKey = offset + structure.nextKey;
      for (const [from, into] of [
        [structure.roleMap, this.roleMap],
        [structure.classMap, this.classMap],
      ] as const) {
        for (const [key, value] of from?.entries() ?? []) if (!into.has(key)) into.set(key, copier.copy(value));
      }
      for (const [key, value] of structure.ids) {
        const id = textOf(key);
        if (id !== undefined && !this.ids.has(id)) this.ids.set(id, copier.copy(value));
      }
    } else {
      this.untaggedParts.push(number);
    }

    for (const node of outlineNodes(outline)) node.ref = copier.copy(node.ref);
    const under = options.continuesSection ? this.outline.at(-1) : undefined;
    if (options.continuesSection && !under && outline.length) {
      this.warnings.push(`Part ${number} continues a section, but no part before it has one in the outline: its headings are listed at the top.`);
    }
    (under?.children ?? this.outline).push(...outline);

    if (number === 1) {
      // What printed the parts ("Skia/PDF m156") is named in the report's Producer, after Casebook (savePdf).
      const producer = part.getProducer();
      if (producer) this.document.setProducer(producer);
      // The report's language and how a reader shows its title are the same in every part: the first part's are kept.
      for (const key of ['Lang', 'ViewerPreferences'].map(name)) {
        const value = part.catalog.get(key);
        if (value) this.document.catalog.set(key, copier.copy(value));
      }
    }
  }

  /** Adds a copied page at the end, its structure keys shifted past the previous parts', and notes its part links. */
  private addPage(ref: PDFRef, offset: number, part: number) {
    const page = this.context.lookup(ref);
    if (!(page instanceof PDFPageLeaf)) throw new Error(`Part ${part} of the report has a page that is not a page (object ${ref.toString()}).`);
    this.document.addPage(PDFPage.of(page, ref, this.document));
    const pageNumber = this.document.getPageCount();
    shiftKey(page, STRUCT_PARENTS, offset);
    for (const annotationRef of page.lookupMaybe(ANNOTS, PDFArray)?.asArray() ?? []) {
      const annotation = this.context.lookupMaybe(annotationRef, PDFDict);
      if (!annotation) continue;
      shiftKey(annotation, STRUCT_PARENT, offset);
      const action = annotation.lookupMaybe(name('A'), PDFDict);
      const uri = action?.lookupMaybe(S, PDFName) === name('URI') ? textOf(action.lookup(name('URI'))) : undefined;
      if (uri?.startsWith(PART_LINK_SCHEME) && annotationRef instanceof PDFRef) {
        const id = uri.slice(PART_LINK_SCHEME.length);
        this.partLinks.push({ ref: annotationRef, annotation, page, pageNumber, part, id: safeDecode(id) });
      }
    }
  }

  private startStructure(documentElement: PDFObject): JoinedStructure {
    const kids = this.context.obj([]);
    const documentRef = documentElement instanceof PDFRef ? documentElement : this.context.register(documentElement);
    const document = this.context.lookup(documentRef, PDFDict);
    document.set(TYPE, name('StructElem'));
    document.set(K, kids);
    this.structure = { documentRef, kids };
    return this.structure;
  }

  /**
   * Resolves the links between parts and returns the joined report. A link to an element no part printed is removed
   * (its text stays, no longer a link) and named in the warnings: a dead address would open nothing, or an error.
   */
  finish(): MergedReport {
    if (this.adding) throw new Error('A part is still being added: wait for it before finishing the report.');
    if (this.finished) throw new Error('The report’s parts are already joined.');
    if (this.broken) throw new Error(this.broken);
    this.finished = true;
    for (const link of this.partLinks) this.resolvePartLink(link);
    this.writeOutline();
    this.writeStructure();
    const { catalog } = this.document;
    if (this.dests.entries().length) catalog.set(name('Dests'), this.context.register(this.dests));
    const untagged = this.untaggedParts;
    if (untagged.length) {
      const which = untagged.length > 1 ? `Parts ${untagged.join(', ')} of the report carry` : `Part ${untagged[0]} of the report carries`;
      this.warnings.push(`${which} no tagged structure: the report is not marked as tagged.`);
    }
    return { document: this.document, warnings: [...this.warnings] };
  }

  private resolvePartLink(link: PartLink) {
    const { annotation } = link;
    annotation.delete(name('A'));
    if (this.dests.has(PDFName.of(link.id))) {
      annotation.set(name('Dest'), PDFName.of(link.id));
      return;
    }
    this.warnings.push(`A link on page ${link.pageNumber} (part ${link.part}) points to “${link.id}”, which no part of the report prints: the link was removed, its text kept.`);
    const annotations = link.page.lookupMaybe(ANNOTS, PDFArray);
    const index = annotations?.indexOf(link.ref);
    if (annotations && index !== undefined) annotations.remove(index);
    // Its structure element keeps the link's text, as a span: a Link element stands for an annotation.
    const key = annotation.lookupMaybe(STRUCT_PARENT, PDFNumber)?.asNumber();
    const element = key === undefined ? undefined : this.context.lookupMaybe(this.parentTree.get(key), PDFDict);
    if (key !== undefined) this.parentTree.delete(key);
    const kids = element?.lookupMaybe(K, PDFArray);
    const objectIndex = kids?.asArray().findIndex((kid) => this.context.lookupMaybe(kid, PDFDict)?.get(name('Obj')) === link.ref);
    if (kids && objectIndex !== undefined && objectIndex >= 0) kids.remove(objectIndex);
    if (element?.lookupMaybe(S, PDFName) === name('Link')) element.set(S, name('Span'));
    this.context.delete(link.ref);
  }

  /** Links the joined outline's items: parents, neighbours, and every count (every item open, as Chromium prints). */
  private writeOutline() {
    if (!this.outline.length) return;
    const rootRef = this.context.register(this.context.obj({ Type: 'Outlines' }));
    const visible = new Map<OutlineNode, number>();
    const countUnder = (children: readonly OutlineNode[]) => children.reduce((sum, child) => sum + 1 + (visible.get(child) ?? 0), 0);
    const link = (parentRef: PDFRef, children: readonly OutlineNode[]) => {
      const parent = this.context.lookup(parentRef, PDFDict);
      children.forEach((child, index) => {
        const item = this.context.lookup(child.ref, PDFDict);
        item.set(name('Parent'), parentRef);
        const previous = children[index - 1];
        const next = children[index + 1];
        if (previous) item.set(name('Prev'), previous.ref);
        if (next) item.set(NEXT, next.ref);
      });
      const first = children[0];
      const last = children.at(-1);
      if (!first || !last) return;
      parent.set(FIRST, first.ref);
      parent.set(name('Last'), last.ref);
      parent.set(name('Count'), PDFNumber.of(countUnder(children)));
    };
    const nodes = outlineNodes(this.outline);
    // Children before their parents, so each count is known when its parent's is summed.
    for (const node of [...nodes].reverse()) visible.set(node, countUnder(node.children));
    link(rootRef, this.outline);
    for (const node of nodes) link(node.ref, node.children);
    this.document.catalog.set(name('Outlines'), rootRef);
  }

  private writeStructure() {
    if (!this.structure) return;
    const root = this.context.obj({
      Type: 'StructTreeRoot',
      K: this.structure.documentRef,
      ParentTree: this.context.obj({ Nums: [...this.parentTree].sort(([a], [b]) => a - b).flatMap(([key, value]) => [PDFNumber.of(key), value]) }),
      ParentTreeNextKey: this.nextStructKey,
    });
    if (this.roleMap.entries().length) root.set(name('RoleMap'), this.roleMap);
    if (this.classMap.entries().length) root.set(name('ClassMap'), this.classMap);
    if (this.ids.size) {
      // A name tree's keys are in order.
      const sorted = [...this.ids].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      root.set(name('IDTree'), this.context.obj({ Names: sorted.flatMap(([id, value]) => [PDFString.of(id), value]) }));
    }
    const rootRef = this.context.register(root);
    this.context.lookup(this.structure.documentRef, PDFDict).set(P, rootRef);
    const { catalog } = this.document;
    catalog.set(name('StructTreeRoot'), rootRef);
    if (!this.untaggedParts.length) catalog.set(name('MarkInfo'), this.context.obj({ Marked: true }));
  }
}

function shiftKey(dict: PDFDict, key: PDFName, offset: number) {
  const value = dict.lookupMaybe(key, PDFNumber);
  if (value && offset) dict.set(key, PDFNumber.of(value.asNumber() + offset));
}

function safeDecode(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}
