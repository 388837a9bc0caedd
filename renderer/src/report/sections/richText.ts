/**
 * Stored rich text (TipTap's JSON, as the editor's extensions write it) as the report's HTML, by TipTap's own static
 * renderer driven by the editor's schema (`richTextExtensions`): each node and mark is written as the editor writes it
 * as HTML, except the few the report prints its own way (below). Written from the JSON, never from stored HTML: the
 * renderer escapes every text and attribute, and only what the editor's schema knows is printed (an unknown node
 * prints its text), so nothing from the case can add markup, run or fetch. Links to web and mail addresses stay
 * links; records named in the text (mentions, quote blocks, images kept in the case) are resolved by the section
 * printing it, to links inside the report where the record is in it. A text the schema refuses is printed as far as
 * it can be, never by throwing.
 */
import { getAttributesFromExtensions, getSchemaByResolvedExtensions, resolveExtensions, splitExtensions } from '@tiptap/core';
import type { Mark, Node as ProseMirrorNode, Schema } from '@tiptap/pm/model';
import { escapeHTML, renderJSONContentToString, type MarkProps, type NodeProps } from '@tiptap/static-renderer/json/html-string';
import {
  domOutputSpecToHTMLString,
  mapMarkExtensionToReactNode,
  mapNodeExtensionToReactNode,
  serializeAttrsToHTMLString,
  serializeChildrenToHTMLString,
} from '@tiptap/static-renderer/pm/html-string';
import type { RichText } from '../../../../shared/domain';
import { EXCERPT_QUOTE_NODE, RECORD_LINK_NODE } from '../../../../shared/textReferences';
import { richTextExtensions } from '../../editor/extensions';
import { recoveredText } from '../../editor/recover';

export interface RichTextResolver {
  /** An inline link to a record (`recordLink`): its HTML. */
  recordLink(attrs: { type: string; id: string; label: string; as: string }): string;
  /** A quote block (`excerptQuote`): its HTML. */
  excerptQuote(attrs: { id: string; quote: string; citation: string }): string;
  /** An image (`image`): its HTML. */
  image(attrs: { src: string; alt: string }): string;
  /** The level a heading of the text is printed at (the section's own headings come first), or null for a paragraph. */
  headingLevel(level: number): number | null;
}

type Render = (props: NodeProps<ProseMirrorNode, string | string[]>) => string;
type RenderMark = (props: MarkProps<Mark, string | string[], ProseMirrorNode>) => string;

const FOLLOWABLE = /^\s*(?:https?:|mailto:)/i;
/** How deep a text that the schema refused is read (the walk of a damaged text is the report's own, so bounded). */
const MAX_DEPTH = 100;

const stringAttr = (attrs: Record<string, unknown> | undefined, name: string): string => {
  const value = attrs?.[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
};

const children = (props: { children?: string | string[] }) => serializeChildrenToHTMLString(props.children);

/**
 * The editor's schema and each node's and mark's HTML as its extension writes it, made once: TipTap's
 * `renderToHTMLString` makes them again on every call (a millisecond or two), and a report prints thousands of texts,
 * twice over (the contents' second pass). These are the pieces it is made of, from the same package.
 */
let made: { schema: Schema; nodes: Record<string, Render>; marks: Record<string, RenderMark> } | null = null;

function editorRendering(): NonNullable<typeof made> {
  if (made) return made;
  const extensions = resolveExtensions(richTextExtensions);
  const attributes = getAttributesFromExtensions(extensions);
  const { nodeExtensions, markExtensions } = splitExtensions(extensions);
  made = {
    schema: getSchemaByResolvedExtensions(extensions),
    nodes: {
      ...Object.fromEntries(nodeExtensions.map((extension) => mapNodeExtensionToReactNode(domOutputSpecToHTMLString, extension, attributes))),
      doc: children,
      text: ({ node }) => escapeHTML(node.text ?? ''),
    },
    marks: Object.fromEntries(markExtensions.map((extension) => mapMarkExtensionToReactNode(domOutputSpecToHTMLString, extension, attributes))),
  };
  return made;
}

/**
 * What the report prints its own way: records and images through the section's resolver, headings at the section's
 * levels, task boxes as printed marks (the editor writes a checkbox), tables without the column widths the editor
 * writes into a style, code blocks without a class named by the stored language, and only web and mail links.
 */
function reportNodes(resolver: RichTextResolver): Record<string, Render> {
  return {
    heading: (props) => {
      const level = resolver.headingLevel(Math.min(6, Math.max(1, Number(props.node.attrs.level) || 1)));
      return level ? `<h${level} class="text-heading">${children(props)}</h${level}>` : `<p class="text-heading">${children(props)}</p>`;
    },
    taskList: (props) => `<ul class="tasks">${children(props)}</ul>`,
    taskItem: (props) => {
      const checked = props.node.attrs.checked === true;
      return `<li class="task${checked ? ' done' : ''}"><span class="box" aria-hidden="true">${checked ? '☑' : '☐'}</span><span class="visually-hidden">${checked ? 'Done: ' : 'To do: '}</span>${children(props)}</li>`;
    },
    table: (props) => `<table class="text-table"><tbody>${children(props)}</tbody></table>`,
    codeBlock: (props) => `<pre><code>${children(props)}</code></pre>`,
    image: ({ node }) => resolver.image({ src: stringAttr(node.attrs, 'src'), alt: stringAttr(node.attrs, 'alt') }),
    [RECORD_LINK_NODE]: ({ node }) =>
      resolver.recordLink({
        type: stringAttr(node.attrs, 'type'),
        id: stringAttr(node.attrs, 'id'),
        label: stringAttr(node.attrs, 'label'),
        as: stringAttr(node.attrs, 'as'),
      }),
    [EXCERPT_QUOTE_NODE]: ({ node }) =>
      resolver.excerptQuote({ id: stringAttr(node.attrs, 'id'), quote: stringAttr(node.attrs, 'quote'), citation: stringAttr(node.attrs, 'citation') }),
  };
}

const reportMarks: Record<string, RenderMark> = {
  // Only addresses outside the app stay links, as in the app's own views; the rest is its text.
  link: (props) => {
    const href = stringAttr(props.mark.attrs, 'href').trim();
    return FOLLOWABLE.test(href) ? `<a${serializeAttrsToHTMLString({ href })}>${children(props)}</a>` : children(props);
  },
};

type Json = { type?: unknown; text?: unknown; attrs?: unknown; content?: unknown; marks?: unknown };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The marks the schema knows, each with attributes it can read. */
function knownMarks(marks: unknown, schema: Schema): { type: string; attrs?: Record<string, unknown> }[] | undefined {
  if (!Array.isArray(marks)) return undefined;
  return marks
    .filter((mark): mark is Json => isObject(mark) && typeof mark.type === 'string' && mark.type in schema.marks)
    .map((mark) => ({ type: mark.type as string, ...(isObject(mark.attrs) ? { attrs: mark.attrs } : {}) }));
}

/**
 * A text the schema refused, as the nodes of it that the schema can read: an unknown node gives its text, or its
 * contents in its place; an unknown mark is left off; a text node with no text, and what lies deeper than MAX_DEPTH,
 * are left out.
 */
function readable(node: unknown, schema: Schema, depth: number): Json[] {
  if (!isObject(node) || depth > MAX_DEPTH) return [];
  const { type, text, attrs, content, marks } = node as Json;
  const inner = () => (Array.isArray(content) ? content.flatMap((child) => readable(child, schema, depth + 1)) : []);
  if (type === 'text' || (typeof text === 'string' && !(typeof type === 'string' && type in schema.nodes)))
    return typeof text === 'string' && text ? [{ type: 'text', text, marks: knownMarks(marks, schema) }] : [];
  if (typeof type === 'string' && type in schema.nodes)
    return [{ type, ...(isObject(attrs) ? { attrs } : {}), content: inner(), marks: knownMarks(marks, schema) }];
  return inner();
}

/** The text as HTML ('' for none). Never throws: what the schema refuses is printed as far as it can be. */
export function richTextHtml(doc: RichText | null | undefined, resolver: RichTextResolver): string {
  if (!doc) return '';
  const { schema, nodes, marks } = editorRendering();
  const render = renderJSONContentToString<Mark, ProseMirrorNode>({
    nodeMapping: { ...nodes, ...reportNodes(resolver) },
    markMapping: { ...marks, ...reportMarks },
  });
  const attempts = [
    () => schema.nodeFromJSON(doc),
    () => {
      const nodes = readable(doc, schema, 0);
      return schema.nodeFromJSON(nodes.length === 1 && nodes[0]!.type === 'doc' ? nodes[0] : { type: 'doc', content: nodes });
    },
    // Last, the text alone, paragraph by paragraph, as the editor recovers a text it cannot read.
    () => schema.nodeFromJSON(recoveredText(doc, null).doc),
  ];
  for (const attempt of attempts) {
    try {
      return render({ content: attempt() });
    } catch {
      // Not printable as it is: the next attempt reads less of it.
    }
  }
  return '';
}

/** Whether a text holds anything to print. */
export function hasText(doc: RichText | null | undefined): boolean {
  return Boolean(doc?.content?.some((node) => node.type !== 'paragraph' || (node.content?.length ?? 0) > 0));
}
