// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../../../../shared/limits';
import { richTextExtensions } from '../../extensions';
import { PasteLimit } from '.';

let editor: Editor | undefined;
afterEach(() => {
  editor?.destroy();
  document.body.replaceChildren();
});

/** Hands the editor a paste of this text, as the browser's paste event reaches ProseMirror's DOM handlers. */
function paste(editor: Editor, text: string): boolean {
  const event = {
    clipboardData: { files: [], getData: (type: string) => (type === 'text/plain' ? text : '') },
    preventDefault: () => undefined,
  } as unknown as ClipboardEvent;
  return editor.view.someProp('handleDOMEvents', (handlers) => handlers.paste?.(editor.view, event)) ?? false;
}

describe('PasteLimit', () => {
  it('refuses a paste over the limit whole, saying how long it was and what the limit is', () => {
    const onRefuse = vi.fn();
    editor = new Editor({
      element: document.body.appendChild(document.createElement('div')),
      extensions: [...richTextExtensions, PasteLimit.configure({ onRefuse })],
      content: '<p>Kept</p>',
    });
    const tenMegabytes = 'x'.repeat(10 * 1024 * 1024);
    expect(paste(editor, tenMegabytes)).toBe(true);
    expect(onRefuse).toHaveBeenCalledWith(
      'The text pasted is 10,485,760 characters; at most 1,000,000 can be pasted at once. Paste it in parts, or import it as a document.',
    );
    expect(editor.getHTML()).toBe('<p>Kept</p>');
    // Up to the limit, the paste is the editor's as usual.
    expect(paste(editor, 'x'.repeat(LIMITS.pasteLength))).toBe(false);
    expect(onRefuse).toHaveBeenCalledTimes(1);
  });
});
