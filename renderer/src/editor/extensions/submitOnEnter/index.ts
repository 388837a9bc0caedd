import { Extension } from '@tiptap/core';

/**
 * For a short rich-text field in a quick form (a comment typed where an excerpt was just marked): Enter (or Mod+Enter)
 * sends the form the editor is in, as a one-line field would, and Shift+Enter starts a new line, as in a chat box. It
 * runs before StarterKit's own Enter (new paragraph, new list item). Outside a form, Enter is left to StarterKit.
 */
export const SubmitOnEnter = Extension.create({
  name: 'submitOnEnter',
  priority: 1000,
  addKeyboardShortcuts() {
    const submit = () => {
      const form = this.editor.view.dom.closest('form');
      if (!form) return false;
      form.requestSubmit();
      return true;
    };
    return { Enter: submit, 'Mod-Enter': submit };
  },
});
