// @vitest-environment jsdom
import { NodeSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import type { RichText } from '../../../../../shared/domain';
import { richTextExtensions } from '../../extensions';
import { press, testEditor, typeText } from '../testing';
import { TrailingParagraph } from '../trailingParagraph';
import { TextEnds } from '.';

const QUOTE = { type: 'excerptQuote', attrs: { id: 'x1', quote: 'The cargo left at dawn', citation: '“Port log”, Harbour Herald.' } };
const NOTE: RichText = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'As logged:' }] }, QUOTE, { type: 'paragraph' }] };
const types = (editor: ReturnType<typeof testEditor>) => (editor.getJSON() as RichText).content!.map((node) => node.type);

describe('going to the ends of the text', () => {
  it('Ctrl+End from a selected quote block goes to the end, so typing keeps the quote', () => {
    const editor = testEditor(NOTE, [...richTextExtensions, TrailingParagraph, TextEnds]);
    editor.view.dispatch(editor.state.tr.setSelection(NodeSelection.create(editor.state.doc, editor.state.doc.firstChild!.nodeSize)));
    expect(press(editor, 'End', { ctrlKey: true })).toBe(true);
    typeText(editor, 'Paid by');
    expect(types(editor)).toEqual(['paragraph', 'excerptQuote', 'paragraph']);
    expect(editor.state.doc.lastChild!.textContent).toBe('Paid by');
  });

  it('Ctrl+Home goes to the start of the text', () => {
    const editor = testEditor(NOTE, [...richTextExtensions, TrailingParagraph, TextEnds]);
    expect(press(editor, 'Home', { ctrlKey: true })).toBe(true);
    typeText(editor, 'Note: ');
    expect(editor.state.doc.firstChild!.textContent).toBe('Note: As logged:');
  });
});
