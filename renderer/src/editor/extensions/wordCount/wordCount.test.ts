// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { richTextExtensions } from '../../extensions';
import { testEditor, typeText } from '../testing';
import { WordCounting, countWords } from '.';

describe('word count', () => {
  it('counts words across paragraphs, lists and tables, and characters of the text', () => {
    const editor = testEditor(
      '<h2>Crew</h2><p>Two  pilots,\u00a0one master.</p><ul><li><p>well-known</p></li></ul><table><tr><td><p>A</p></td><td><p>B</p></td></tr></table>',
      [...richTextExtensions, WordCounting],
    );
    expect(editor.storage.characterCount.words()).toBe(8);
    expect(editor.storage.characterCount.characters()).toBe(editor.state.doc.textBetween(0, editor.state.doc.content.size, undefined, ' ').length);
    typeText(editor, ' more');
    expect(editor.storage.characterCount.words()).toBe(9);
  });

  it('counts nothing in an empty text', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  \n ')).toBe(0);
    expect(countWords('one')).toBe(1);
  });
});
