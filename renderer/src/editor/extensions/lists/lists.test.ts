// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { blocks, press, testEditor, typeText } from '../testing';

describe('lists', () => {
  it('start with "- ", "1. " and "[ ] " at the start of a line', () => {
    for (const [typed, list] of [
      ['- ', 'bulletList'],
      ['1. ', 'orderedList'],
      ['[ ] ', 'taskList'],
    ] as const) {
      const editor = testEditor();
      typeText(editor, `${typed}Call the pilot`);
      expect(blocks(editor)).toEqual([list]);
      expect(editor.getText().trim()).toBe('Call the pilot');
      editor.destroy();
    }
  });

  it('keep whether a task is done, and write it as a checkbox', () => {
    const editor = testEditor();
    typeText(editor, '[x] Call the pilot');
    expect(editor.state.doc.firstChild?.firstChild?.attrs).toEqual({ checked: true });
    expect(editor.getHTML()).toContain('data-checked="true"');
    expect(editor.getHTML()).toContain('type="checkbox"');
  });

  it('come with Mod+Shift+8, 7 and 9', () => {
    const editor = testEditor('<p>Call the pilot</p>');
    press(editor, '9', { ctrlKey: true, shiftKey: true, code: 'Digit9' });
    expect(blocks(editor)).toEqual(['taskList']);
    press(editor, '9', { ctrlKey: true, shiftKey: true, code: 'Digit9' });
    press(editor, '8', { ctrlKey: true, shiftKey: true, code: 'Digit8' });
    expect(blocks(editor)).toEqual(['bulletList']);
  });
});
