// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { Slice } from '@tiptap/pm/model';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { richTextExtensions } from '../../extensions';
import { ImageFiles } from '.';

let editor: Editor | undefined;
afterEach(() => {
  editor?.destroy();
  document.body.replaceChildren();
});

const editorWith = (content: string, onPasteImage: ((file: File) => Promise<string | null>) | null = null) =>
  (editor = new Editor({
    element: document.body.appendChild(document.createElement('div')),
    extensions: [...richTextExtensions, ImageFiles.configure({ onPasteImage })],
    content,
  }));

/** Hands the editor a paste of these files, as ProseMirror hands its plugins a paste event. */
function pasteFiles(editor: Editor, files: File[]): boolean {
  const event = { clipboardData: { files, getData: () => '' } } as unknown as ClipboardEvent;
  return editor.view.someProp('handlePaste', (handle) => handle(editor.view, event, Slice.empty)) ?? false;
}

describe('AttachmentImage', () => {
  it('reads only images kept in the case from HTML: a web image is dropped, never fetched', () => {
    const editor = editorWith('<p>Quay</p><img src="https://tracker.example/pixel.png"><img data-attachment="a1" alt="quay.png"><img src="attachment:a2">');
    const images = editor.getJSON().content!.filter((node) => node.type === 'image');
    expect(images.map((node) => node.attrs!.src)).toEqual(['attachment:a1', 'attachment:a2']);
    expect(editor.getHTML()).not.toContain('tracker.example');
    // Written back out, an image names its attachment and has no address to fetch.
    expect(editor.getHTML()).toContain('<img alt="quay.png" data-attachment="a1">');
    expect(editor.getHTML()).not.toMatch(/src=/);
  });
});

describe('ImageFiles', () => {
  it('keeps an image file pasted and inserts it where the caret is; files it does not keep leave the text alone', async () => {
    const keep = vi.fn(async (file: File) => (file.name === 'huge.png' ? null : 'attachment:kept-1'));
    const editor = editorWith('<p>Before</p>', keep);
    editor.commands.setTextSelection(editor.state.doc.content.size - 1);
    expect(pasteFiles(editor, [new File([new Uint8Array(4)], 'quay.png', { type: 'image/png' })])).toBe(true);
    await vi.waitFor(() => expect(editor.getJSON().content!.some((node) => node.type === 'image')).toBe(true));
    expect(keep).toHaveBeenCalledWith(expect.objectContaining({ name: 'quay.png' }));
    expect(editor.getJSON().content!.find((node) => node.type === 'image')!.attrs).toMatchObject({ src: 'attachment:kept-1', alt: 'quay.png' });

    const before = editor.getJSON();
    expect(pasteFiles(editor, [new File([new Uint8Array(4)], 'huge.png', { type: 'image/png' })])).toBe(true);
    await vi.waitFor(() => expect(keep).toHaveBeenCalledTimes(2));
    expect(editor.getJSON()).toEqual(before);
    // Not an image: left to the editor's usual paste.
    expect(pasteFiles(editor, [new File(['x'], 'notes.txt', { type: 'text/plain' })])).toBe(false);
  });

  it('takes no files in a field that keeps none', () => {
    const editor = editorWith('<p>Before</p>');
    expect(pasteFiles(editor, [new File([new Uint8Array(4)], 'quay.png', { type: 'image/png' })])).toBe(false);
  });
});
