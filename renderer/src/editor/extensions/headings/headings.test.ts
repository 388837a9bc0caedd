// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { html, press, testEditor, typeText } from '../testing';

describe('headings', () => {
  it('are made by typing ##, ### or #### and a space at the start of a line', () => {
    for (const level of [2, 3, 4]) {
      const editor = testEditor();
      typeText(editor, `${'#'.repeat(level)} Crew list`);
      expect(html(editor)).toBe(`<h${level}>Crew list</h${level}>`);
      editor.destroy();
    }
  });

  it('are never level 1, the record’s own title: a single # stays text', () => {
    const editor = testEditor();
    typeText(editor, '# Crew');
    expect(editor.getHTML()).toBe('<p># Crew</p>');
  });

  it('come and go with Mod+Alt+2 to 4 and Mod+Alt+0', () => {
    const editor = testEditor('<p>Crew list</p>');
    press(editor, '3', { ctrlKey: true, altKey: true, code: 'Digit3' });
    expect(html(editor)).toBe('<h3>Crew list</h3>');
    press(editor, '0', { ctrlKey: true, altKey: true, code: 'Digit0' });
    expect(html(editor)).toBe('<p>Crew list</p>');
  });
});
