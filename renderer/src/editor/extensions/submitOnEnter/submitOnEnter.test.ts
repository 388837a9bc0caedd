// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { richTextExtensions } from '../../extensions';
import { SubmitOnEnter } from '.';

let editor: Editor | undefined;
afterEach(() => {
  editor?.destroy();
  document.body.replaceChildren();
});

/** An editor in `parent` holding "Seen at dawn", with the caret at its end. */
function editorIn(parent: HTMLElement) {
  editor = new Editor({ element: parent, extensions: [...richTextExtensions, SubmitOnEnter], content: '<p>Seen at dawn</p>' });
  editor.commands.focus('end');
  return editor;
}

/** Presses a key in the editor the way ProseMirror receives it from the keyboard. */
function press(editor: Editor, key: string, modifiers: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers });
  editor.view.dom.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('SubmitOnEnter', () => {
  it('sends the form with Enter and leaves the text as typed', () => {
    const form = document.body.appendChild(document.createElement('form'));
    const submitted = vi.fn((event: Event) => event.preventDefault());
    form.addEventListener('submit', submitted);
    const editor = editorIn(form);
    expect(press(editor, 'Enter')).toBe(true);
    expect(submitted).toHaveBeenCalledTimes(1);
    expect(editor.getHTML()).toBe('<p>Seen at dawn</p>');
  });

  it('starts a new line with Shift+Enter instead', () => {
    const form = document.body.appendChild(document.createElement('form'));
    const submitted = vi.fn((event: Event) => event.preventDefault());
    form.addEventListener('submit', submitted);
    const editor = editorIn(form);
    press(editor, 'Enter', { shiftKey: true });
    expect(submitted).not.toHaveBeenCalled();
    expect(editor.getHTML()).toBe('<p>Seen at dawn<br></p>');
  });

  it('leaves Enter to the editor outside a form: a new paragraph', () => {
    const editor = editorIn(document.body.appendChild(document.createElement('div')));
    press(editor, 'Enter');
    expect(editor.getHTML()).toBe('<p>Seen at dawn</p><p></p>');
  });
});
