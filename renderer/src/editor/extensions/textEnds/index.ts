import { Extension, isMacOS } from '@tiptap/core';

/**
 * Ctrl+End and Ctrl+Home (on a Mac also Cmd+Down and Cmd+Up) go to the end and the start of the text from wherever
 * the selection is. The browser moves the caret itself only from within text: from a selected quote block or image
 * it does not move, and the next key typed would replace what is selected.
 */
export const TextEnds = Extension.create({
  name: 'textEnds',

  addKeyboardShortcuts() {
    const toEnd = () => this.editor.commands.focus('end', { scrollIntoView: true });
    const toStart = () => this.editor.commands.focus('start', { scrollIntoView: true });
    return {
      'Mod-End': toEnd,
      'Mod-Home': toStart,
      ...(isMacOS() ? { 'Mod-ArrowDown': toEnd, 'Mod-ArrowUp': toStart } : {}),
    };
  },
});
