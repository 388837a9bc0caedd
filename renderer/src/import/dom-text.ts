/**
 * Plain text from a parsed HTML tree (linkedom in the worker: there is no DOM there, so node types are numbers).
 * Block elements become paragraphs separated by blank lines; list items and table rows become lines of their
 * list or table, cells separated by tabs; a <br> is a line break; scripts, styles and embeds contribute nothing.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

/** Stand-ins for a hard line break and a cell boundary, so collapsing the source's white space keeps them. */
const LINE_BREAK = '\u0001';
const CELL_BREAK = '\u0002';

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DETAILS', 'DIALOG', 'DIV', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LEGEND',
  'MAIN', 'NAV', 'P', 'SECTION', 'SUMMARY',
]);

const GROUPS = new Set(['UL', 'OL', 'MENU', 'DIR', 'DL', 'TABLE']);

const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'BASE', 'IFRAME', 'FRAME', 'FRAMESET',
  'OBJECT', 'EMBED', 'APPLET', 'SVG', 'MATH', 'CANVAS', 'VIDEO', 'AUDIO', 'SELECT', 'OPTION', 'BUTTON', 'INPUT',
  'TEXTAREA', 'DATALIST',
]);

export interface TextOptions {
  /** More elements to leave out, by upper-case tag name (site chrome when reading a whole page). */
  skip?: ReadonlySet<string>;
  /** Inline elements to write on lines of their own, as blocks are (a picture's credit inside its caption). */
  ownLine?: (element: Element) => boolean;
}

/** One line of the text, with where it came from in the tree. */
export interface TextLine {
  text: string;
  /** The innermost block, list item, table row or own-line element the line was written from; null for blank lines. */
  owner: Element | null;
  /** The text nodes that make up the line. */
  nodes: Node[];
}

interface Context {
  inCell: boolean;
  /** Whether the table being read lays out the page rather than holding data, or null outside a table. */
  layoutTable: boolean | null;
}

const blankLine = (): TextLine => ({ text: '', owner: null, nodes: [] });

class TextBuilder {
  /** Paragraphs, lists and tables, each its lines; the text puts a blank line between them. */
  readonly blocks: TextLine[][] = [];
  /** The blocks, list items, rows and own-line elements being read, innermost last: a line belongs to the last. */
  readonly owners: Element[] = [];
  /** Lines of the list or table being read, kept together with single line breaks. */
  private lines: TextLine[] | null = null;
  private inline = '';
  /** The text nodes of the inline run, with the number of line breaks before each. */
  private sources: { node: Node; segment: number }[] = [];
  private breaks = 0;
  /** A list item's marker, waiting for the item's first text (which may sit in a paragraph of its own). */
  private marker = '';

  constructor(private readonly root: Node) {}

  append(text: string, node?: Node) {
    if (node) this.sources.push({ node, segment: this.breaks });
    this.inline += text;
  }

  lineBreak() {
    this.inline += LINE_BREAK;
    this.breaks++;
  }

  private get owner(): Element | null {
    return this.owners.at(-1) ?? (this.root as Element);
  }

  /** Ends the inline run: its own paragraph, or a line of the list or table being read. */
  flush() {
    const segments = this.inline.split(LINE_BREAK).map((segment) =>
      segment
        .replace(/\s+/g, ' ')
        .replace(new RegExp(` ?${CELL_BREAK} ?`, 'g'), '\t')
        .replace(/^\t+/, '')
        .trim(),
    );
    const nodesOf = segments.map((): Node[] => []);
    for (const { node, segment } of this.sources) nodesOf[segment]!.push(node);
    const owner = this.owner;
    const lines: TextLine[] = [];
    segments.forEach((text, index) => {
      if (text) lines.push({ text, owner, nodes: nodesOf[index]! });
      // Blank lines in a run (two line breaks) stay, one at most, and never first or last.
      else if (lines.length && lines.at(-1)!.text) lines.push(blankLine());
    });
    while (lines.length && !lines.at(-1)!.text) lines.pop();
    this.inline = '';
    this.sources = [];
    this.breaks = 0;
    this.add(lines);
  }

  /** Adds text read whole (preformatted), owned by the element being read. */
  push(text: string, node: Node) {
    this.flush();
    this.add(text ? text.split('\n').map((line) => (line ? { text: line, owner: this.owner, nodes: [node] } : blankLine())) : []);
  }

  startItem(marker: string) {
    this.flush();
    this.marker = `${marker} `;
  }

  private add(lines: TextLine[]) {
    if (!lines.length) return;
    lines[0] = { ...lines[0]!, text: this.marker + lines[0]!.text };
    this.marker = '';
    if (this.lines) this.lines.push(...lines);
    else this.blocks.push(lines);
  }

  /** Starts collecting lines (a list or a table); returns whether this call opened the group. */
  openLines(): boolean {
    this.flush();
    if (this.lines) return false;
    this.lines = [];
    return true;
  }

  closeLines() {
    this.flush();
    if (this.lines?.length) this.blocks.push(this.lines);
    this.lines = null;
  }
}

export function domToText(root: Node, options: TextOptions = {}): string {
  return domToLines(root, options).text;
}

/** The text of a tree, as `domToText` writes it, with each line's origin: `lines[i]` is `text.split('\n')[i]`. */
export function domToLines(root: Node, options: TextOptions = {}): { text: string; lines: TextLine[] } {
  const builder = new TextBuilder(root);
  walk(root, builder, options, { inCell: false, layoutTable: null });
  builder.closeLines();
  const lines: TextLine[] = [];
  builder.blocks.forEach((block, index) => {
    if (index) lines.push(blankLine());
    lines.push(...block);
  });
  return { text: lines.map((line) => line.text).join('\n'), lines };
}

function walk(node: Node, out: TextBuilder, options: TextOptions, context: Context) {
  if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
    out.append(node.nodeValue ?? '', node);
    return;
  }
  if (node.nodeType === DOCUMENT_NODE || node.nodeType === DOCUMENT_FRAGMENT_NODE) {
    walkChildren(node, out, options, context);
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const element = node as Element;
  const tag = element.tagName.toUpperCase();
  if (tag === 'INPUT' && element.getAttribute('type')?.toLowerCase() === 'checkbox') {
    // A form's tick boxes carry meaning ("I confirm…"): kept as the characters a typed form would use.
    out.append(element.hasAttribute('checked') ? '☒ ' : '☐ ');
    return;
  }
  if (SKIPPED.has(tag) || options.skip?.has(tag) || element.hasAttribute('hidden')) return;

  if (tag === 'BR') {
    out.lineBreak();
  } else if (tag === 'PRE') {
    out.flush();
    out.owners.push(element);
    out.push((element.textContent ?? '').replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, ''), element);
    out.owners.pop();
  } else if (context.inCell) {
    // Inside a table cell, paragraphs and lists run on: the row stays one line.
    out.append(' ');
    walkChildren(element, out, options, context);
    out.append(' ');
  } else if ((tag === 'TD' || tag === 'TH') && context.layoutTable !== false) {
    // A cell of a page's layout (or left without its table by Readability) is a column of the page: its paragraphs
    // and lines stay its own, not runs of a row.
    readBlock(element, out, options, context);
  } else if (tag === 'TABLE' && isLayoutTable(element)) {
    readBlock(element, out, options, { ...context, layoutTable: true });
  } else if (tag === 'TD' || tag === 'TH') {
    out.append(CELL_BREAK);
    walkChildren(element, out, options, { ...context, inCell: true });
  } else if (GROUPS.has(tag)) {
    const opened = out.openLines();
    walkChildren(element, out, options, tag === 'TABLE' ? { ...context, layoutTable: false } : context);
    if (opened) out.closeLines();
    else out.flush();
  } else if (tag === 'LI') {
    const ordered = (element.parentNode as Element | null)?.tagName?.toUpperCase() === 'OL';
    out.startItem(ordered ? `${itemNumber(element)}.` : '•');
    out.owners.push(element);
    walkChildren(element, out, options, context);
    out.flush();
    out.owners.pop();
  } else if (tag === 'TR' || tag === 'DT' || tag === 'DD' || BLOCKS.has(tag) || options.ownLine?.(element)) {
    readBlock(element, out, options, context);
  } else {
    walkChildren(element, out, options, context);
  }
}

function readBlock(element: Element, out: TextBuilder, options: TextOptions, context: Context) {
  out.flush();
  out.owners.push(element);
  walkChildren(element, out, options, context);
  out.flush();
  out.owners.pop();
}

function walkChildren(node: Node, out: TextBuilder, options: TextOptions, context: Context) {
  for (let child = node.firstChild; child; child = child.nextSibling) walk(child, out, options, context);
}

/**
 * A table that lays out a page (a row of menu, article and sidebar columns, a footer's row of links) rather than
 * holding data, by Readability's signs: one that says so (role="presentation"); else, unless it has a caption or
 * header cells, one that holds another table (as the table-built sites of the 2000s nest theirs) or has a single row
 * or a single column.
 */
function isLayoutTable(table: Element): boolean {
  const role = table.getAttribute('role')?.toLowerCase();
  if (role === 'presentation' || role === 'none') return true;
  if (table.querySelector('caption, th, thead, tfoot')) return false;
  if (table.querySelector('table')) return true;
  const rows = table.querySelectorAll('tr');
  let columns = 0;
  for (const row of rows) {
    let width = 0;
    for (const cell of row.children) if (/^T[DH]$/i.test(cell.tagName)) width += Number.parseInt(cell.getAttribute('colspan') ?? '1', 10) || 1;
    columns = Math.max(columns, width);
  }
  return rows.length === 1 || columns === 1;
}

function itemNumber(item: Element): number {
  let number = Number.parseInt((item.parentNode as Element).getAttribute('start') ?? '1', 10) || 1;
  for (let sibling = item.previousSibling; sibling; sibling = sibling.previousSibling) {
    if (sibling.nodeType === ELEMENT_NODE && (sibling as Element).tagName.toUpperCase() === 'LI') number++;
  }
  return number;
}
