// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { press, testEditor, typeText } from '../testing';

describe('bold, italic, underline, strikethrough and inline code', () => {
  it('are made by their Markdown shortcuts as they are typed', () => {
    const editor = testEditor();
    typeText(editor, 'Seen **twice** and *once*, ~~never~~ at `berth 4` ');
    expect(editor.getHTML()).toBe(
      '<p>Seen <strong>twice</strong> and <em>once</em>, <s>never</s> at <code>berth 4</code> </p>',
    );
  });

  it('are toggled on the selection by their keys', () => {
    const editor = testEditor('<p>Ship</p>');
    editor.commands.selectAll();
    press(editor, 'b', { ctrlKey: true });
    press(editor, 'i', { ctrlKey: true });
    press(editor, 'u', { ctrlKey: true });
    press(editor, 's', { ctrlKey: true, shiftKey: true });
    expect(['bold', 'italic', 'underline', 'strike'].filter((mark) => editor.isActive(mark))).toHaveLength(4);
    expect(editor.getHTML()).toMatch(/^<p><strong><em>(<s><u>|<u><s>)Ship/);
    press(editor, 'b', { ctrlKey: true });
    expect(editor.isActive('bold')).toBe(false);
  });
});
