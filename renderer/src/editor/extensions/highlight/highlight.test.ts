// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { press, testEditor, typeText } from '../testing';

describe('highlight', () => {
  it('is made by ==words== and written as <mark>', () => {
    const editor = testEditor();
    typeText(editor, 'Paid ==in cash== ');
    expect(editor.getHTML()).toBe('<p>Paid <mark>in cash</mark> </p>');
  });

  it('is toggled by Mod+Shift+H, in one colour only', () => {
    const editor = testEditor('<p>in cash</p>');
    editor.commands.selectAll();
    press(editor, 'h', { ctrlKey: true, shiftKey: true });
    expect(editor.getHTML()).toBe('<p><mark>in cash</mark></p>');
    expect(editor.commands.setHighlight({ color: 'red' })).toBe(true);
    expect(editor.getHTML()).toBe('<p><mark>in cash</mark></p>');
  });
});
