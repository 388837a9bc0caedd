// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { richTextExtensions } from '../../extensions';
import { press, testEditor, typeText } from '../testing';
import { CaretBlock } from '.';

const marked = (root: HTMLElement) => [...root.querySelectorAll(':scope > .has-caret')].map((block) => block.textContent);

describe('the block with the caret', () => {
  it('is marked, and the mark follows the caret into a block just made', () => {
    const editor = testEditor('<p>First</p><ul><li><p>Item</p></li></ul><p>Last</p>', [...richTextExtensions, CaretBlock]);
    expect(marked(editor.view.dom)).toEqual(['Last']);
    editor.commands.setTextSelection(3);
    expect(marked(editor.view.dom)).toEqual(['First']);
    press(editor, 'Enter');
    typeText(editor, 'new');
    expect(marked(editor.view.dom)).toEqual(['newrst']);
  });

  it('marks both ends of a selection, and is not part of the stored text', () => {
    const editor = testEditor('<p>First</p><p>Middle</p><p>Last</p>', [...richTextExtensions, CaretBlock]);
    editor.commands.selectAll();
    expect(marked(editor.view.dom)).toEqual(['First', 'Last']);
    expect(editor.getHTML()).not.toContain('has-caret');
  });
});
