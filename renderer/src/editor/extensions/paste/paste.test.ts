// @vitest-environment jsdom
import { Node, type Editor } from '@tiptap/core';
import { describe, expect, it, vi } from 'vitest';
import { richTextExtensions } from '../../extensions';
import { blocks, testEditor } from '../testing';
import { PastedContent, type PastedContentOptions } from '.';

import webPaste from '../../../../../tests/fixtures/web-paste.html?raw';
import wordPaste from '../../../../../tests/fixtures/word-paste.html?raw';

/** Pastes as the browser does: a paste event whose clipboard holds `html` (and its text), or files. */
function paste(editor: Editor, { html = '', text = '', files = [] as File[] }) {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  const types = [...(html ? ['text/html'] : []), ...(text ? ['text/plain'] : []), ...(files.length ? ['Files'] : [])];
  Object.defineProperty(event, 'clipboardData', {
    value: { types, files, getData: (type: string) => (type === 'text/html' ? html : type === 'text/plain' ? text : '') },
  });
  editor.view.dom.dispatchEvent(event);
}

/** A stand-in for the image node the notes add (helper C's): enough to show where a pasted image lands. */
const Image = Node.create({
  name: 'image',
  group: 'block',
  addAttributes: () => ({ src: { default: null }, alt: { default: null } }),
  parseHTML: () => [{ tag: 'img[src]' }],
  renderHTML: ({ HTMLAttributes }) => ['img', HTMLAttributes],
});

function pasteEditor(options: Partial<PastedContentOptions> = {}, withImages = false) {
  const onLeftOut = vi.fn();
  const editor = testEditor('', [...richTextExtensions, ...(withImages ? [Image] : []), PastedContent.configure({ onLeftOut, ...options })]);
  return { editor, onLeftOut };
}

describe('pasting from a web page', () => {
  it('keeps headings, emphasis, links, lists, the table and the quote, and nothing that runs or fetches', () => {
    const { editor, onLeftOut } = pasteEditor();
    paste(editor, { html: webPaste, text: 'Trawler seized' });
    const html = editor.getHTML();
    expect(html).toContain('<h2>Trawler seized off the north quay</h2>');
    expect(html).toContain('<h3>What was found</h3>');
    expect(html).toContain('<strong>Kestrel Moor</strong>');
    expect(html).toMatch(/<a [^>]*href="https:\/\/example.org\/customs"[^>]*>the agency said<\/a>/);
    expect(html).toMatch(/<a [^>]*href="mailto:press@example.org"/);
    expect(blocks(editor)).toEqual(expect.arrayContaining(['bulletList', 'orderedList', 'table', 'blockquote']));
    expect(html).toContain('<em>log book</em>');
    expect(html).toMatch(/<th[^>]*><p>Item<\/p><\/th>/);
    // The only style left is the one TipTap gives every table.
    expect(html.replaceAll(/ style="min-width: \d+px;"/g, '')).not.toMatch(/script|onclick|onerror|javascript:|iframe|tracker\.example|images\.example|style=|class=/);
    expect(editor.getText()).toContain('Share');
    expect(editor.getText()).not.toContain('fetch(');
    expect(onLeftOut).toHaveBeenCalledWith('2 pictures were left out: Casebook never loads a picture from an address on the web or on the computer.');
  });
});

describe('pasting from Word', () => {
  it('makes real lists of Word’s list paragraphs, keeps the table and link, and drops the mso- markup', () => {
    const { editor } = pasteEditor();
    paste(editor, { html: wordPaste, text: 'Inspection' });
    const json = editor.getJSON();
    expect(blocks(editor)).toEqual(['heading', 'paragraph', 'heading', 'bulletList', 'paragraph', 'orderedList', 'table', 'paragraph']);
    const bullets = json.content![3]!;
    // Two items, the first with a nested list of one: the level-2 paragraph.
    expect(bullets.content).toHaveLength(2);
    expect(editor.getHTML()).toMatch(/<li><p>Seals broken on two containers<\/p><ul><li><p>Container MSKU 448 210<\/p><\/li><\/ul><\/li>/);
    expect(editor.getHTML()).toContain('<li><p>Call the harbour master</p></li>');
    expect(editor.getHTML()).toContain('<strong>06:40</strong>');
    expect(editor.getHTML()).toMatch(/href="https:\/\/example.org\/manifest"/);
    expect(editor.getText()).not.toMatch(/·|mso|Symbol|StartFragment|^o$/m);
    expect(editor.getHTML().replaceAll(/ style="min-width: \d+px;"/g, '')).not.toMatch(/mso-|o:p|onmouseover|file:|style=|class=/);
    expect(editor.getText()).toContain('[image: Seal photo]');
  });
});

describe('pasting what was copied from an editor', () => {
  it('keeps what only the editor’s own attributes say: a task list and whether each task is done', () => {
    const source = testEditor('<ul data-type="taskList"><li data-type="taskItem" data-checked="true"><p>Call the pilot</p></li></ul>');
    const copied = `<meta charset="utf-8">${source.view.serializeForClipboard(source.state.doc.slice(0, source.state.doc.content.size)).dom.innerHTML}`;
    source.destroy();
    const { editor } = pasteEditor();
    paste(editor, { html: copied, text: 'Call the pilot' });
    expect(blocks(editor)).toEqual(['taskList']);
    expect(editor.state.doc.firstChild?.firstChild?.attrs).toEqual({ checked: true });
  });
});

describe('pasting images', () => {
  const pixel = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

  it('leaves them out with a message when the field cannot keep them', () => {
    const { editor, onLeftOut } = pasteEditor();
    paste(editor, { files: [new File([Uint8Array.from(atob(pixel), (c) => c.charCodeAt(0))], 'shot.png', { type: 'image/png' })] });
    expect(onLeftOut).toHaveBeenCalledWith('1 picture was left out: pictures cannot be pasted here.');
    expect(editor.isEmpty).toBe(true);
  });

  it('hands them to onPasteImage, which stores them, and shows what it gives back', async () => {
    const onPasteImage = vi.fn(async (file: File) => `attachment:${file.name}`);
    const { editor } = pasteEditor({ onPasteImage }, true);
    paste(editor, { html: `<p>Seal</p><img src="data:image/png;base64,${pixel}" alt="seal">` });
    await vi.waitFor(() => expect(editor.getHTML()).toContain('src="attachment:pasted-image-1.png"'));
    expect(onPasteImage.mock.calls[0]![0].type).toBe('image/png');
    expect(editor.getText()).toContain('Seal');
  });

  it('drops one the seam refuses', async () => {
    const onPasteImage = vi.fn(async () => null);
    const { editor } = pasteEditor({ onPasteImage }, true);
    paste(editor, { files: [new File(['x'], 'big.png', { type: 'image/png' })] });
    await vi.waitFor(() => expect(onPasteImage).toHaveBeenCalled());
    expect(editor.getHTML()).not.toContain('<img');
  });
});
