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
const editorSchema = (): Schema => (schema ??= getSchema(richTextExtensions));

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
 * Reads a stored rich-text value for the editor. A TipTap document the editor's schema accepts is shown as it is;
 * anything else (not a document, unknown node or mark types, a broken structure, text stored as a string) becomes
 * paragraphs of the text found in it, with the reason, so a damaged note shows what it held and never a blank pane.
 */
export function readStoredText(value: unknown): ReadableText {
  if (value === null || value === undefined) return { doc: null, problem: null };
  if (typeof value === 'string')
    return { doc: paragraphsOf([value]), problem: 'it was stored as plain text, not as formatted text' };
  if (typeof value !== 'object' || (value as { type?: unknown }).type !== 'doc')
    return { doc: paragraphsOf(textsOf(value)), problem: 'it is not a formatted-text document' };
  try {
    editorSchema().nodeFromJSON(value).check();
    return { doc: value as RichText, problem: null };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { doc: paragraphsOf(textsOf(value)), problem: `it holds what the editor cannot read (${detail})` };
  }
}
