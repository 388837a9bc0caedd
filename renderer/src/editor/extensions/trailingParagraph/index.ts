import { TrailingNode, type TrailingNodeOptions } from '@tiptap/extensions';

export const trailingParagraphOptions: TrailingNodeOptions = { node: 'paragraph', notAfter: ['paragraph'] };

/**
 * A text being written always ends in a paragraph: after a quote block, a table, a list or a rule put last there is
 * somewhere to go on typing. Without it, the caret sent to the end (Ctrl+End, a click below the text) lands on the last
 * block; on a quote block (an atom) that selects it, and the next key typed replaces the quote.
 */
export const TrailingParagraph = TrailingNode.configure(trailingParagraphOptions);
