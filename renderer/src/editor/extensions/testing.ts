// Test helpers for the editor's extensions: a real TipTap editor in the test's DOM, typed into as ProseMirror
// receives typing (so input rules run) and pressed as it receives keys (so keymaps run).
import { Editor, type Content, type Extensions } from '@tiptap/core';
import { afterEach } from 'vitest';
import { richTextExtensions } from '../extensions';

let current: Editor | undefined;
afterEach(() => {
  current?.destroy();
  current = undefined;
  document.body.replaceChildren();
});

/** An editor in the page holding `content`, with the caret at its end; destroyed after the test. */
export function testEditor(content: Content = '', extensions: Extensions = richTextExtensions): Editor {
  const element = document.body.appendChild(document.createElement('div'));
  current = new Editor({ element, extensions, content });
  current.commands.focus('end');
  return current;
}

/** Types `text` character by character at the caret, as the keyboard would: each input rule gets its chance. */
export function typeText(editor: Editor, text: string): void {
  const { view } = editor;
  for (const character of text) {
    const { from, to } = view.state.selection;
    const deflt = () => view.state.tr.insertText(character, from, to);
    const handled = view.someProp('handleTextInput', (handler) => handler(view, from, to, character, deflt));
    if (!handled) view.dispatch(deflt());
  }
}

/** Presses a key in the editor the way ProseMirror receives it; returns whether something handled it. */
export function press(editor: Editor, key: string, modifiers: KeyboardEventInit = {}): boolean {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers });
  editor.view.dom.dispatchEvent(event);
  return event.defaultPrevented;
}

/**
 * The document's top-level blocks as their node names, to say what the typing made; without the empty paragraph
 * StarterKit keeps after a last block that is not one (so the caret can leave a list or a table at the end).
 */
export function blocks(editor: Editor): (string | undefined)[] {
  const names = (editor.getJSON().content ?? []).map((node) => node.type);
  return names.at(-1) === 'paragraph' && editor.state.doc.lastChild?.content.size === 0 && names.length > 1 ? names.slice(0, -1) : names;
}

/** The editor's HTML without that empty last paragraph. */
export const html = (editor: Editor) => editor.getHTML().replace(/<p><\/p>$/, '');
