// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { press, testEditor, typeText } from '../testing';
import { NEW_TABLE } from '.';

const shape = (html: string) => ({
  rows: html.match(/<tr>/g)?.length ?? 0,
  headers: html.match(/<th>/g)?.length ?? 0,
  cells: html.match(/<td>/g)?.length ?? 0,
});

describe('tables', () => {
  it('are inserted with a row of headings, written in, and grow and shrink by rows and columns', () => {
    const editor = testEditor('<p>Crew</p>');
    expect(editor.commands.insertTable(NEW_TABLE)).toBe(true);
    expect(shape(editor.getHTML())).toEqual({ rows: 3, headers: 3, cells: 6 });
    typeText(editor, 'Name');
    press(editor, 'Tab');
    typeText(editor, 'Role');
    expect(editor.getText()).toContain('Name');
    expect(editor.getHTML()).toMatch(/<th[^>]*><p>Name<\/p><\/th><th[^>]*><p>Role<\/p><\/th>/);

    editor.commands.addRowAfter();
    editor.commands.addColumnAfter();
    expect(shape(editor.getHTML())).toEqual({ rows: 4, headers: 4, cells: 12 });
    // To the first cell of the row just added, which goes with the first column.
    for (let cell = 0; cell < 3; cell++) press(editor, 'Tab');
    editor.commands.deleteRow();
    editor.commands.deleteColumn();
    expect(shape(editor.getHTML())).toEqual({ rows: 3, headers: 3, cells: 6 });
    editor.commands.deleteTable();
    expect(editor.getHTML()).not.toContain('<table');
  });
});
