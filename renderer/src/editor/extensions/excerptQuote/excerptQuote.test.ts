// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { RichText } from '../../../../../shared/domain';
import { fakeCase, type FakeCase } from '../../../../../tests/unit/caseText';
import { connectCaseText } from '../../connectCaseText';
import { richTextExtensions } from '../../extensions';

let editor: Editor | undefined;
let disconnect: (() => void) | undefined;
afterEach(() => {
  disconnect?.();
  editor?.destroy();
  document.body.replaceChildren();
});

const QUOTE = { type: 'excerptQuote', attrs: { id: 'x1', quote: 'The cargo left at dawn', citation: '“Port log”, Harbour Herald.' } };
const NOTE: RichText = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'As logged:' }] }, QUOTE] };
const EXCERPT = {
  ref: { type: 'excerpt' as const, id: 'x1' },
  title: 'The cargo left at dawn',
  missing: false,
  path: '/case/c/excerpts/x1',
  quote: 'The cargo left the quay at dawn',
  citation: '“Port log”, Harbour Herald, 9 March 2021.',
  sourcePath: '/case/c/documents/d1?excerpt=x1',
};

function editorWith(content: RichText, theCase?: FakeCase) {
  editor = new Editor({ element: document.body.appendChild(document.createElement('div')), extensions: richTextExtensions, content });
  if (theCase) disconnect = connectCaseText(editor, theCase);
  return editor;
}

const figure = () => editor!.view.dom.querySelector<HTMLElement>('figure.excerpt-quote')!;

describe('ExcerptQuote', () => {
  it('is stored by the excerpt’s id with its quote and citation, and read back from its HTML', () => {
    const editor = editorWith(NOTE);
    expect(editor.getJSON()).toEqual(NOTE);
    const html = editor.getHTML();
    expect(html).toContain('<figure class="excerpt-quote" data-excerpt-quote="" data-record-type="excerpt" data-record-id="x1">');
    editor.commands.setContent(html);
    // A text ending in a quote block gets a paragraph after it, to write on in.
    expect(editor.getJSON()).toEqual({ ...NOTE, content: [...NOTE.content!, { type: 'paragraph' }] });
  });

  it('shows the excerpt’s quote and citation as they are now, and opens its source at the quote', () => {
    const theCase = fakeCase([EXCERPT]);
    editorWith(NOTE, theCase);
    expect(figure().querySelector('blockquote')?.textContent).toBe('The cargo left the quay at dawn');
    expect(figure().querySelector('figcaption')?.textContent).toContain('9 March 2021');
    figure().querySelector<HTMLButtonElement>('button')!.click();
    expect(theCase.open).toHaveBeenCalledWith('/case/c/documents/d1?excerpt=x1');
  });

  it('keeps what it had once the excerpt is deleted, marked so, with nothing to open', () => {
    const theCase = fakeCase([EXCERPT]);
    editorWith(NOTE, theCase);
    theCase.change(EXCERPT.ref, null);
    expect(figure().classList.contains('missing')).toBe(true);
    expect(figure().querySelector('blockquote')?.textContent).toBe('The cargo left at dawn');
    expect(figure().querySelector('figcaption')?.textContent).toContain('(excerpt deleted)');
    expect(figure().querySelector('button')?.hidden).toBe(true);
  });
});
