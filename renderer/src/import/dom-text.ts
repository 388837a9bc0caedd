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
}

interface Context {
  inCell: boolean;
}

class TextBuilder {
  readonly blocks: string[] = [];
  /** Lines of the list or table being read, kept together with single line breaks. */
  private lines: string[] | null = null;
  private inline = '';
  /** A list item's marker, waiting for the item's first text (which may sit in a paragraph of its own). */
  private marker = '';

  append(text: string) {
    this.inline += text;
  }

  /** Ends the inline run: its own paragraph, or a line of the list or table being read. */
  flush() {
    const text = this.inline
      .replace(/\s+/g, ' ')
      .replace(new RegExp(` ?${LINE_BREAK} ?`, 'g'), '\n')
      .replace(new RegExp(` ?${CELL_BREAK} ?`, 'g'), '\t')
      .split('\n')
      .map((line) => line.replace(/^\t+/, '').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    this.inline = '';
    this.add(text);
  }

  push(text: string) {
    this.flush();
    this.add(text);
  }

  startItem(marker: string) {
    this.flush();
    this.marker = `${marker} `;
  }

  private add(text: string) {
    if (!text) return;
    const line = this.marker + text;
    this.marker = '';
    if (this.lines) this.lines.push(line);
    else this.blocks.push(line);
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
    if (this.lines?.length) this.blocks.push(this.lines.join('\n'));
    this.lines = null;
  }
}

export function domToText(root: Node, options: TextOptions = {}): string {
  const builder = new TextBuilder();
  walk(root, builder, options.skip ?? new Set(), { inCell: false });
  builder.closeLines();
  return builder.blocks.join('\n\n');
}

function walk(node: Node, out: TextBuilder, skip: ReadonlySet<string>, context: Context) {
  if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
    out.append(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType === DOCUMENT_NODE || node.nodeType === DOCUMENT_FRAGMENT_NODE) {
    walkChildren(node, out, skip, context);
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
  if (SKIPPED.has(tag) || skip.has(tag) || element.hasAttribute('hidden')) return;

  if (tag === 'BR') {
    out.append(LINE_BREAK);
  } else if (tag === 'PRE') {
    out.push((element.textContent ?? '').replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, ''));
  } else if (context.inCell) {
    // Inside a table cell, paragraphs and lists run on: the row stays one line.
    out.append(' ');
    walkChildren(element, out, skip, context);
    out.append(' ');
  } else if (tag === 'TD' || tag === 'TH') {
    out.append(CELL_BREAK);
    walkChildren(element, out, skip, { ...context, inCell: true });
  } else if (GROUPS.has(tag)) {
    const opened = out.openLines();
    walkChildren(element, out, skip, context);
    if (opened) out.closeLines();
    else out.flush();
  } else if (tag === 'LI') {
    const ordered = (element.parentNode as Element | null)?.tagName?.toUpperCase() === 'OL';
    out.startItem(ordered ? `${itemNumber(element)}.` : '•');
    walkChildren(element, out, skip, context);
    out.flush();
  } else if (tag === 'TR' || tag === 'DT' || tag === 'DD' || BLOCKS.has(tag)) {
    out.flush();
    walkChildren(element, out, skip, context);
    out.flush();
  } else {
    walkChildren(element, out, skip, context);
  }
}

function walkChildren(node: Node, out: TextBuilder, skip: ReadonlySet<string>, context: Context) {
  for (let child = node.firstChild; child; child = child.nextSibling) walk(child, out, skip, context);
}

function itemNumber(item: Element): number {
  let number = Number.parseInt((item.parentNode as Element).getAttribute('start') ?? '1', 10) || 1;
  for (let sibling = item.previousSibling; sibling; sibling = sibling.previousSibling) {
    if (sibling.nodeType === ELEMENT_NODE && (sibling as Element).tagName.toUpperCase() === 'LI') number++;
  }
  return number;
}
