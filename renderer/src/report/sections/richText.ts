/**
 * Stored rich text (TipTap's JSON, as the editor's extensions write it) as the report's HTML. Written from the JSON,
 * never from stored HTML: every text and attribute is escaped, and only what the editor can write is printed (an
 * unknown node prints its text), so nothing from the case can add markup, run or fetch. Links to web and mail
 * addresses stay links; records named in the text (mentions, quote blocks, images kept in the case) are resolved by
 * the section printing it, to links inside the report where the record is in it.
 */
import type { RichText } from '../../../../shared/domain';
import { EXCERPT_QUOTE_NODE, RECORD_LINK_NODE } from '../../../../shared/textReferences';
import { esc } from './html';

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

type Node = { type?: unknown; text?: unknown; attrs?: Record<string, unknown>; content?: unknown; marks?: unknown };

const FOLLOWABLE = /^\s*(?:https?:|mailto:)/i;
const MAX_DEPTH = 100;

const stringAttr = (attrs: Record<string, unknown> | undefined, name: string): string => {
  const value = attrs?.[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
};

function markedText(text: string, marks: unknown): string {
  let html = esc(text);
  if (!Array.isArray(marks)) return html;
  for (const mark of marks as { type?: unknown; attrs?: Record<string, unknown> }[]) {
    switch (mark?.type) {
      case 'bold':
        html = `<strong>${html}</strong>`;
        break;
      case 'italic':
        html = `<em>${html}</em>`;
        break;
      case 'underline':
        html = `<u>${html}</u>`;
        break;
      case 'strike':
        html = `<s>${html}</s>`;
        break;
      case 'code':
        html = `<code>${html}</code>`;
        break;
      case 'highlight':
        html = `<mark>${html}</mark>`;
        break;
      case 'link': {
        const href = stringAttr(mark.attrs, 'href').trim();
        // Only addresses outside the app stay links, as in the app's own views.
        if (FOLLOWABLE.test(href)) html = `<a href="${esc(href)}">${html}</a>`;
        break;
      }
      default:
        break;
    }
  }
  return html;
}

function nodeHtml(node: unknown, resolver: RichTextResolver, depth: number): string {
  if (typeof node !== 'object' || node === null || depth > MAX_DEPTH) return '';
  const { type, text, attrs, content, marks } = node as Node;
  const inner = () => (Array.isArray(content) ? content.map((child) => nodeHtml(child, resolver, depth + 1)).join('') : '');
  switch (type) {
    case 'text':
      return typeof text === 'string' ? markedText(text, marks) : '';
    case 'doc':
      return inner();
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading': {
      const level = resolver.headingLevel(Math.min(6, Math.max(1, Number(attrs?.level) || 1)));
      return level ? `<h${level} class="text-heading">${inner()}</h${level}>` : `<p class="text-heading">${inner()}</p>`;
    }
    case 'bulletList':
      return `<ul>${inner()}</ul>`;
    case 'orderedList': {
      const start = Number(attrs?.start);
      return `<ol${Number.isInteger(start) && start !== 1 ? ` start="${start}"` : ''}>${inner()}</ol>`;
    }
    case 'listItem':
      return `<li>${inner()}</li>`;
    case 'taskList':
      return `<ul class="tasks">${inner()}</ul>`;
    case 'taskItem': {
      const checked = attrs?.checked === true;
      return `<li class="task${checked ? ' done' : ''}"><span class="box" aria-hidden="true">${checked ? '☑' : '☐'}</span><span class="visually-hidden">${checked ? 'Done: ' : 'To do: '}</span>${inner()}</li>`;
    }
    case 'blockquote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'codeBlock':
      return `<pre><code>${inner()}</code></pre>`;
    case 'horizontalRule':
      return '<hr>';
    case 'hardBreak':
      return '<br>';
    case 'table':
      return `<table class="text-table"><tbody>${inner()}</tbody></table>`;
    case 'tableRow':
      return `<tr>${inner()}</tr>`;
    case 'tableHeader':
    case 'tableCell': {
      const tag = type === 'tableHeader' ? 'th' : 'td';
      const span = (name: string) => {
        const value = Number(attrs?.[name]);
        return Number.isInteger(value) && value > 1 && value < 100 ? ` ${name}="${value}"` : '';
      };
      return `<${tag}${span('colspan')}${span('rowspan')}>${inner()}</${tag}>`;
    }
    case 'image':
      return resolver.image({ src: stringAttr(attrs, 'src'), alt: stringAttr(attrs, 'alt') });
    case RECORD_LINK_NODE:
      return resolver.recordLink({
        type: stringAttr(attrs, 'type'),
        id: stringAttr(attrs, 'id'),
        label: stringAttr(attrs, 'label'),
        as: stringAttr(attrs, 'as'),
      });
    case EXCERPT_QUOTE_NODE:
      return resolver.excerptQuote({ id: stringAttr(attrs, 'id'), quote: stringAttr(attrs, 'quote'), citation: stringAttr(attrs, 'citation') });
    default:
      // A node this report does not know: its text, so nothing is lost.
      return typeof text === 'string' ? markedText(text, marks) : inner();
  }
}

/** The text as HTML ('' for none). */
export function richTextHtml(doc: RichText | null | undefined, resolver: RichTextResolver): string {
  return doc ? nodeHtml(doc, resolver, 0) : '';
}

/** Whether a text holds anything to print. */
export function hasText(doc: RichText | null | undefined): boolean {
  return Boolean(doc?.content?.some((node) => node.type !== 'paragraph' || (node.content?.length ?? 0) > 0));
}
