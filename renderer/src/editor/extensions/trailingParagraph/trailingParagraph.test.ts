// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { RichText } from '../../../../../shared/domain';
import { richTextExtensions } from '../../extensions';
import { testEditor, typeText } from '../testing';
import { TrailingParagraph } from '.';

const QUOTE = { type: 'excerptQuote', attrs: { id: 'x1', quote: 'The cargo left at dawn', citation: '“Port log”, Harbour Herald.' } };
const lastTypes = (doc: RichText) => doc.content!.map((node) => node.type).slice(-2);

describe('the paragraph a text ends in', () => {
  it('follows a quote block put last, and typing at the end goes there, keeping the quote', () => {
    const editor = testEditor('<p>As logged:</p>', [...richTextExtensions, TrailingParagraph]);
    editor.commands.insertContentAt(editor.state.doc.content.size, QUOTE);
    expect(lastTypes(editor.getJSON() as RichText)).toEqual(['excerptQuote', 'paragraph']);
    editor.commands.focus('end');
    typeText(editor, 'Paid by');
    const doc = editor.getJSON() as RichText;
    expect(doc.content!.map((node) => node.type)).toEqual(['paragraph', 'excerptQuote', 'paragraph']);
    expect(editor.getText()).toContain('Paid by');
  });

  it('follows a table, a list and a rule, and is not added after a paragraph', () => {
    for (const html of ['<table><tr><td><p>cell</p></td></tr></table>', '<ul><li><p>item</p></li></ul>', '<p>above</p><hr>']) {
      const editor = testEditor('<p>start</p>', [...richTextExtensions, TrailingParagraph]);
      editor.commands.setContent(html, { emitUpdate: true });
      expect((editor.getJSON() as RichText).content!.at(-1)!.type).toBe('paragraph');
      editor.destroy();
    }
    const plain = testEditor('<p>one</p><p>two</p>', [...richTextExtensions, TrailingParagraph]);
    typeText(plain, '!');
    expect((plain.getJSON() as RichText).content).toHaveLength(2);
  });
});
