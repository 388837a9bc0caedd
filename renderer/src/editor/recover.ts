import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import type { RichText } from '../../../shared/domain';
import { richTextExtensions } from './extensions';

/** Stored rich text as the editor can show it: the document, or the text recovered from one it cannot read. */
export interface ReadableText {
  doc: RichText | null;
  /** Why the stored value could not be shown as it is, or null when it could. */
  problem: string | null;
}

let schema: Schema | null = null;
/** The editor's schema, made once. */
export const editorSchema = (): Schema => (schema ??= getSchema(richTextExtensions));

/** Every piece of text in a JSON value, in document order, a block's pieces joined into one paragraph. */
function textsOf(value: unknown, depth = 0): string[] {
  if (depth > 200) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((item) => textsOf(item, depth + 1));
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Record<string, unknown>;
  if (typeof node.text === 'string') return [node.text];
  if (Array.isArray(node.content)) {
    const inner = node.content.flatMap((child) => textsOf(child, depth + 1));
    // A block holding only inline text is one paragraph; a block of blocks keeps its blocks apart.
    const inline = (node.content as unknown[]).every((child) => typeof child === 'object' && child !== null && typeof (child as { text?: unknown }).text === 'string');
    return inline ? [inner.join('')] : inner;
  }
  return Object.values(node).flatMap((item) => textsOf(item, depth + 1));
}

const paragraphsOf = (texts: string[]): RichText => ({
  type: 'doc',
  content: texts
    .flatMap((text) => text.split(/\n+/))
    .filter((text) => text.trim())
    .map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

/**
 * The stored value's shape, without reading the document itself: null, text stored as a string, or something that
 * is not a document are settled here; a document is handed on as it is (`unread`), for whoever parses it to check.
 */
export function readStoredShape(value: unknown): ReadableText & { unread: boolean } {
  if (value === null || value === undefined) return { doc: null, problem: null, unread: false };
  if (typeof value === 'string')
    return { doc: paragraphsOf([value]), problem: 'it was stored as plain text, not as formatted text', unread: false };
  if (typeof value !== 'object' || (value as { type?: unknown }).type !== 'doc')
    return { doc: paragraphsOf(textsOf(value)), problem: 'it is not a formatted-text document', unread: false };
  return { doc: value as RichText, problem: null, unread: true };
}

/** A document the editor's schema refused, as the paragraphs of text it holds, with the reason. */
export function recoveredText(value: unknown, error: unknown): ReadableText {
  // TipTap wraps ProseMirror's complaint ("Invalid JSON content") around the one that says what is wrong.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const detail = cause instanceof Error ? cause.message : String(cause);
  return { doc: paragraphsOf(textsOf(value)), problem: `it holds what the editor cannot read (${detail})` };
}

/**
 * Reads a stored rich-text value for the editor. A TipTap document the editor's schema accepts is shown as it is;
 * anything else (not a document, unknown node or mark types, a broken structure, text stored as a string) becomes
 * paragraphs of the text found in it, with the reason, so a damaged note shows what it held and never a blank pane.
 * (The editor itself checks the document as it parses it, once: see TipTapEditor.)
 */
export function readStoredText(value: unknown): ReadableText {
  const { doc, problem, unread } = readStoredShape(value);
  if (!unread) return { doc, problem };
  try {
    editorSchema().nodeFromJSON(value).check();
    return { doc, problem: null };
  } catch (error) {
    return recoveredText(value, error);
  }
}
