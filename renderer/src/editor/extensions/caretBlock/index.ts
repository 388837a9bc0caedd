import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export interface CaretBlockOptions {
  /** The class the top-level blocks holding the selection's ends get. */
  className: string;
}

/** The top-level blocks the selection starts and ends in, as node decorations. */
function decorationsOf(state: EditorState, className: string): DecorationSet {
  const { doc, selection } = state;
  const blocks = new Map<number, Decoration>();
  for (const position of [selection.from, selection.to]) {
    const resolved = doc.resolve(position);
    // Between blocks (the whole text selected, a gap cursor): the block after, or before at the end.
    const between = doc.childAfter(position).node ? doc.childAfter(position) : doc.childBefore(position);
    const start = resolved.depth > 0 ? resolved.before(1) : between.offset;
    const end = resolved.depth > 0 ? resolved.after(1) : between.offset + (between.node?.nodeSize ?? 0);
    if (end > start && !blocks.has(start)) blocks.set(start, Decoration.node(start, end, { class: className }));
  }
  return DecorationSet.create(doc, [...blocks.values()]);
}

/**
 * Marks the top-level blocks where the selection is (`data-`-free: a class, written only in the editor's DOM, never
 * in the stored text). The editor's stylesheet lets the browser skip laying out and painting the blocks out of view
 * (`content-visibility: auto`), which keeps typing in a long note as quick as in a short one; the block being
 * written in must never be skipped, or Chromium can drop a key typed into a block just made by Enter.
 */
export const CaretBlock = Extension.create<CaretBlockOptions>({
  name: 'caretBlock',

  addOptions() {
    return { className: 'has-caret' };
  },

  addProseMirrorPlugins() {
    const { className } = this.options;
    return [
      new Plugin({
        key: new PluginKey('caretBlock'),
        props: { decorations: (state) => decorationsOf(state, className) },
      }),
    ];
  },
});
