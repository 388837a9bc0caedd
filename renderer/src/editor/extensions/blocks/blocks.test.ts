// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { blocks, html, press, testEditor, typeText } from '../testing';

describe('quotes, code blocks and rules', () => {
  it('are made by "> ", "```" and "---" at the start of a line', () => {
    const quote = testEditor();
    typeText(quote, '> Nothing to declare');
    expect(html(quote)).toBe('<blockquote><p>Nothing to declare</p></blockquote>');
    quote.destroy();

    const code = testEditor();
    typeText(code, '``` ais 244123000');
    expect(blocks(code)).toEqual(['codeBlock']);
    expect(code.getText().trim()).toBe('ais 244123000');
    code.destroy();

    const rule = testEditor();
    typeText(rule, '---');
    expect(blocks(rule)[0]).toBe('horizontalRule');
  });

  it('come with Mod+Shift+B and Mod+Alt+C', () => {
    const editor = testEditor('<p>Nothing to declare</p>');
    press(editor, 'b', { ctrlKey: true, shiftKey: true });
    expect(blocks(editor)).toEqual(['blockquote']);
    press(editor, 'b', { ctrlKey: true, shiftKey: true });
    press(editor, 'c', { ctrlKey: true, altKey: true });
    expect(blocks(editor)).toEqual(['codeBlock']);
  });
});
