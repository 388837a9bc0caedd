// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { press, testEditor, typeText } from '../testing';

describe('undo and redo', () => {
  it('take back formatting and typing, and bring them back', () => {
    const editor = testEditor('<p>Crew</p>');
    editor.commands.selectAll();
    press(editor, 'b', { ctrlKey: true });
    expect(editor.getHTML()).toBe('<p><strong>Crew</strong></p>');
    press(editor, 'z', { ctrlKey: true });
    expect(editor.getHTML()).toBe('<p>Crew</p>');
    press(editor, 'z', { ctrlKey: true, shiftKey: true });
    expect(editor.getHTML()).toBe('<p><strong>Crew</strong></p>');
    expect(editor.can().undo()).toBe(true);
  });

  it('undo a Markdown shortcut back to what was typed', () => {
    const editor = testEditor();
    typeText(editor, '## ');
    expect(editor.isActive('heading', { level: 2 })).toBe(true);
    editor.commands.undo();
    expect(editor.getHTML()).toBe('<p>## </p>');
  });
});
