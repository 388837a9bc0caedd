import { Node, mergeAttributes } from '@tiptap/core';
import { EXCERPT_QUOTE_NODE, type ExcerptQuoteAttrs } from '../../../../../shared/textReferences';
import { caseTextOf, shownRecordsOf } from '../../connectCaseText';

export interface ExcerptQuoteOptions {
  HTMLAttributes: Record<string, unknown>;
}

/** The HTML a quote block is stored and shown as, read back by `parseHTML`. */
const QUOTE_TAG = 'figure[data-excerpt-quote]';

/**
 * An excerpt as a quote block: its quote and its citation, stored by the excerpt's id with both as they were when
 * inserted. It shows the excerpt as the case has it now (its quote re-attached or corrected, its document's details
 * edited), or what it had once the excerpt is deleted, marked so; *Open source* opens the document at the quote.
 */
export const ExcerptQuote = Node.create<ExcerptQuoteOptions>({
  name: EXCERPT_QUOTE_NODE,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return {
      id: { default: '', parseHTML: (element) => element.getAttribute('data-record-id'), renderHTML: () => ({}) },
      quote: { default: '', parseHTML: (element) => element.querySelector('blockquote')?.textContent ?? '', renderHTML: () => ({}) },
      citation: { default: '', parseHTML: (element) => element.querySelector('figcaption')?.textContent ?? '', renderHTML: () => ({}) },
    };
  },

  parseHTML() {
    return [{ tag: QUOTE_TAG }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const attrs = node.attrs as ExcerptQuoteAttrs;
    return [
      'figure',
      mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, {
        class: 'excerpt-quote',
        'data-excerpt-quote': '',
        'data-record-type': 'excerpt',
        'data-record-id': attrs.id,
      }),
      ['blockquote', {}, attrs.quote],
      ['figcaption', {}, attrs.citation],
    ];
  },

  renderText({ node }) {
    const { quote, citation } = node.attrs as ExcerptQuoteAttrs;
    return `“${quote}”${citation ? `\n${citation}` : ''}`;
  },

  addNodeView() {
    return ({ node, editor }) => {
      const dom = document.createElement('figure');
      dom.className = 'excerpt-quote';
      dom.contentEditable = 'false';
      dom.dataset.excerptQuote = '';
      dom.dataset.recordType = 'excerpt';
      const quote = document.createElement('blockquote');
      const caption = document.createElement('figcaption');
      const citation = document.createElement('span');
      const missing = document.createElement('span');
      missing.className = 'visually-hidden';
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'quiet small';
      open.textContent = 'Open source';
      caption.append(citation, missing, ' ', open);
      dom.append(quote, caption);
      const shown = shownRecordsOf(editor);
      let attrs = node.attrs as ExcerptQuoteAttrs;
      const paint = () => {
        const excerpt = shown.get({ type: 'excerpt', id: attrs.id });
        const gone = shown.known && (!excerpt || excerpt.missing);
        dom.dataset.recordId = attrs.id;
        dom.classList.toggle('missing', gone);
        quote.textContent = excerpt?.quote ?? attrs.quote;
        citation.textContent = excerpt?.citation ?? attrs.citation;
        missing.textContent = gone ? ' (excerpt deleted)' : '';
        open.hidden = gone || !excerpt;
        open.setAttribute('aria-label', `Open the source of “${(excerpt?.quote ?? attrs.quote).slice(0, 60)}”`);
      };
      open.addEventListener('mousedown', (event) => event.preventDefault());
      open.addEventListener('click', () => {
        const excerpt = shown.get({ type: 'excerpt', id: attrs.id });
        const caseText = caseTextOf(editor);
        if (excerpt && caseText) caseText.open(excerpt.sourcePath ?? excerpt.path);
      });
      paint();
      const stop = shown.subscribe(paint);
      return {
        dom,
        update: (updated) => {
          if (updated.type.name !== EXCERPT_QUOTE_NODE) return false;
          attrs = updated.attrs as ExcerptQuoteAttrs;
          paint();
          return true;
        },
        destroy: stop,
        ignoreMutation: () => true,
        stopEvent: (event) => event.target === open,
      };
    };
  },
});
