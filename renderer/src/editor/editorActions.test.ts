// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { EDITOR_COMMANDS, EDITOR_COMMAND_IDS } from '../../../shared/editorCommands';
import { EDITOR_ACTIONS, canRun, runAction } from './editorActions';
import { press, testEditor } from './extensions/testing';

/** The key a declared shortcut is pressed with, as the keyboard sends it. */
function keyOf(shortcut: string): { key: string; init: KeyboardEventInit } {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  return {
    key: key.length === 1 ? key.toLowerCase() : key,
    init: {
      ctrlKey: parts.includes('Mod'),
      altKey: parts.includes('Alt'),
      shiftKey: parts.includes('Shift'),
      ...(/^\d$/.test(key) ? { code: `Digit${key}` } : {}),
    },
  };
}

describe('the editor’s commands', () => {
  it('declare the keys TipTap really has: each shortcut pressed in the editor does what the command does', () => {
    for (const id of EDITOR_COMMAND_IDS) {
      const { shortcut } = EDITOR_COMMANDS[id];
      if (!shortcut || id === 'editor.undo' || id === 'editor.redo' || id === 'editor.link') continue;
      // Plain text is what Mod+Alt+0 makes of a heading.
      const start = id === 'editor.paragraph' ? '<h2>Crew list</h2>' : '<p>Crew list</p>';
      const byKey = testEditor(start);
      byKey.commands.selectAll();
      const { key, init } = keyOf(shortcut);
      expect(press(byKey, key, init), `${id} (${shortcut})`).toBe(true);
      const byCommand = testEditor(start);
      byCommand.commands.selectAll();
      runAction(byCommand, id);
      expect(byKey.getHTML(), `${id} (${shortcut})`).toBe(byCommand.getHTML());
      expect(byKey.getHTML(), `${id} changed something`).not.toBe(start);
      byKey.destroy();
      byCommand.destroy();
    }
  });

  it('say when they cannot act, and what the selection has', () => {
    const editor = testEditor('<p>Crew</p>');
    expect(canRun(editor, 'editor.undo')).toBe(false);
    expect(canRun(editor, 'editor.addRowAfter')).toBe(false);
    runAction(editor, 'editor.insertTable');
    expect(canRun(editor, 'editor.addRowAfter')).toBe(true);
    expect(canRun(editor, 'editor.undo')).toBe(true);
    editor.commands.setContent('<p>Crew</p>');
    editor.commands.selectAll();
    runAction(editor, 'editor.bold');
    expect(EDITOR_ACTIONS['editor.bold'].isActive?.(editor)).toBe(true);
    expect(EDITOR_ACTIONS['editor.italic'].isActive?.(editor)).toBe(false);
  });
});
