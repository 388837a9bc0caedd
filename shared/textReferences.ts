import type { RecordRef, RecordType, RichText, RichTextNode } from './domain';
import { RECORD_TYPES } from './vocabulary';

/**
 * The records a rich text refers to, read from its stored TipTap JSON. The editor writes two kinds of node that name
 * a record: an inline `recordLink` (an `@` mention of an entity, a `[[` link to any record, an event's dated line) and
 * a block `excerptQuote` (an excerpt shown as a quote with its citation). Both store the record by type and id, with
 * the title it had when written (`label`), so a text still reads when the record is gone. Pure: the domain keeps the
 * link graph in step with these, search indexes the names, and pages show the sentence around a mention.
 */

export const RECORD_LINK_NODE = 'recordLink';
export const EXCERPT_QUOTE_NODE = 'excerptQuote';

/** How an inline record link reads: an entity's `@` mention, a `[[` link, or an event as its date and title. */
export const RECORD_LINK_STYLES = ['mention', 'link', 'dated'] as const;
export type RecordLinkStyle = (typeof RECORD_LINK_STYLES)[number];

/** The stored attributes of a `recordLink` node. */
export interface RecordLinkAttrs {
  type: RecordType;
  id: string;
  /** The record's title when it was written (or last saved): what shows once the record is deleted. */
  label: string;
  as: RecordLinkStyle;
}

/** The stored attributes of an `excerptQuote` node: the excerpt, and its quote and citation when written. */
export interface ExcerptQuoteAttrs {
  id: string;
  quote: string;
  citation: string;
}

const isRecordType = (value: unknown): value is RecordType => (RECORD_TYPES as readonly unknown[]).includes(value);

/** The record a node names, or null for any other node (or one whose stored attributes are broken). */
export function recordOfNode(node: RichTextNode): RecordRef | null {
  const attrs = node.attrs ?? {};
  if (node.type === RECORD_LINK_NODE && isRecordType(attrs.type) && typeof attrs.id === 'string' && attrs.id)
    return { type: attrs.type, id: attrs.id };
  if (node.type === EXCERPT_QUOTE_NODE && typeof attrs.id === 'string' && attrs.id) return { type: 'excerpt', id: attrs.id };
  return null;
}

/** The title a node was written with: a link's label, a quote block's quote. */
export function labelOfNode(node: RichTextNode): string {
  const attrs = node.attrs ?? {};
  const label = node.type === EXCERPT_QUOTE_NODE ? attrs.quote : attrs.label;
  return typeof label === 'string' ? label : '';
}

/** Calls `visit` on every node of a text, depth first, in reading order. */
function walk(node: RichTextNode, visit: (node: RichTextNode) => void): void {
  visit(node);
  for (const child of node.content ?? []) walk(child, visit);
}

export const refKey = (ref: RecordRef): string => `${ref.type}:${ref.id}`;

/** Every record a text refers to, each once, in the order first referred to. */
export function referencesIn(text: RichText | null | undefined): RecordRef[] {
  if (!text) return [];
  const found = new Map<string, RecordRef>();
  walk(text, (node) => {
    const ref = recordOfNode(node);
    if (ref && !found.has(refKey(ref))) found.set(refKey(ref), ref);
  });
  return [...found.values()];
}

/** The names and titles a text's record nodes were written with, each once: what search finds the text by. */
export function referencedNames(text: RichText | null | undefined): string[] {
  if (!text) return [];
  const names = new Set<string>();
  walk(text, (node) => {
    if (recordOfNode(node) && node.type === RECORD_LINK_NODE) {
      const label = labelOfNode(node).trim();
      if (label) names.add(label);
    }
  });
  return [...names];
}

/** The plain text of a block, with each record node as the title `titleOf` gives it (its stored label without one). */
function blockText(block: RichTextNode, titleOf: (ref: RecordRef, node: RichTextNode) => string): string {
  let text = '';
  walk(block, (node) => {
    if (node.type === 'text') text += node.text ?? '';
    else if (node.type === 'hardBreak') text += ' ';
    else {
      const ref = recordOfNode(node);
      if (ref && node.type === RECORD_LINK_NODE) text += titleOf(ref, node);
    }
  });
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The sentences a text refers to a record in: for each mention, the text of the block holding it (a paragraph, a
 * list item, a heading), with every record named in it by its current title. A block that refers to the record
 * twice gives its sentence once. An excerpt shown as a quote block gives its quote.
 */
export function passagesMentioning(
  text: RichText | null | undefined,
  target: RecordRef,
  titleOf: (ref: RecordRef, node: RichTextNode) => string = (_ref, node) => labelOfNode(node),
  matches: (ref: RecordRef) => boolean = (ref) => ref.type === target.type && ref.id === target.id,
): string[] {
  if (!text) return [];
  const passages: string[] = [];
  const visit = (node: RichTextNode, block: RichTextNode | null) => {
    const ref = recordOfNode(node);
    if (ref && matches(ref)) {
      const passage = node.type === EXCERPT_QUOTE_NODE ? `“${titleOf(ref, node)}”` : block ? blockText(block, titleOf) : titleOf(ref, node);
      if (passage && !passages.includes(passage)) passages.push(passage);
      return;
    }
    // The innermost textblock holds the sentence: a paragraph inside a list item, not the whole list.
    const isTextBlock = (node.content ?? []).some((child) => child.type === 'text' || child.type === RECORD_LINK_NODE);
    for (const child of node.content ?? []) visit(child, isTextBlock && node.type !== 'doc' ? node : block);
  };
  visit(text, null);
  return passages;
}

/**
 * The text with each record node's stored title brought up to date: `titleOf` gives a link's current title (field
 * `label`) or a quote block's current quote (field `quote`), or null for a record that is gone, which keeps what it
 * had. Returns the same object when nothing changed.
 */
export function withCurrentLabels(text: RichText, titleOf: (ref: RecordRef, field: 'label' | 'quote') => string | null): RichText {
  const update = (node: RichTextNode): RichTextNode => {
    const ref = recordOfNode(node);
    if (ref) {
      const key = node.type === EXCERPT_QUOTE_NODE ? 'quote' : 'label';
      const title = titleOf(ref, key);
      return title === null || node.attrs?.[key] === title ? node : { ...node, attrs: { ...node.attrs, [key]: title } };
    }
    if (!node.content) return node;
    const content = node.content.map(update);
    return content.every((child, index) => child === node.content![index]) ? node : { ...node, content };
  };
  return update(text as RichTextNode) as RichText;
}
