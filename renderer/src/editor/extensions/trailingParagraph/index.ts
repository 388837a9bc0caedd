import { TrailingNode, type TrailingNodeOptions } from '@tiptap/extensions';
import type { RichText } from '../../../../../shared/domain';

export const trailingParagraphOptions: TrailingNodeOptions = { node: 'paragraph', notAfter: ['paragraph'] };

/**
 * A text being written always ends in a paragraph: after a quote block, a table, a list or a rule put last there is
 * somewhere to go on typing. Without it, the caret sent to the end (Ctrl+End, a click below the text) lands on the last
 * block; on a quote block (an atom) that selects it, and the next key typed replaces the quote.
 */
export const TrailingParagraph = TrailingNode.configure(trailingParagraphOptions);

/**
 * A stored text as the editor opens it: ending in a paragraph already, so that the paragraph TrailingParagraph would
 * add at the first click (a change, saved, in the history) is there from the start and only saved with a real edit.
 */
export function endingInParagraph(doc: RichText): RichText {
  const last = doc.content?.at(-1);
  return last && last.type !== 'paragraph' ? { ...doc, content: [...doc.content!, { type: 'paragraph' }] } : doc;
}
