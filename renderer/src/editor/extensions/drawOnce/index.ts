import { Extension, getExtensionField, type Editor } from '@tiptap/core';

const namesOf = (views: object | undefined) => Object.keys(views ?? {}).sort().join(' ');

/** The names of the editor's node (or mark) extensions that draw their own view, without building those views. */
const viewsOf = (editor: Editor, type: 'node' | 'mark', field: 'addNodeView' | 'addMarkView') =>
  editor.extensionManager.extensions
    .filter((extension) => extension.type === type && getExtensionField(extension, field))
    .map((extension) => extension.name)
    .sort()
    .join(' ');

/**
 * Draws the text once when the editor appears, not twice. TipTap hands the editor's view its node views when it makes
 * it, then again when `EditorContent` mounts (`createNodeViews`); built anew, they differ by identity, so ProseMirror
 * throws the whole drawn text away and draws it again: in a note of 100,000 words, most of the time it takes to open
 * (ueberdosis/tiptap#6286). The second hand-over is kept only where it changes something: never for this app's node
 * views, which are plain DOM (none renders React, which is what waits for `EditorContent`).
 */
export const DrawOnce = Extension.create({
  name: 'drawOnce',

  onBeforeCreate() {
    const { editor } = this;
    const given = editor.createNodeViews.bind(editor);
    editor.createNodeViews = () => {
      if (editor.isDestroyed || editor.view.isDestroyed) return;
      // Views the view does not have yet: hand them over, which draws again.
      if (viewsOf(editor, 'node', 'addNodeView') !== namesOf(editor.view.props.nodeViews) || viewsOf(editor, 'mark', 'addMarkView') !== namesOf(editor.view.props.markViews)) given();
    };
  },
});
