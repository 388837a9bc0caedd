import { describe, expect, it } from 'vitest';
import { COMMANDS, parseShortcut } from './commands';
import { menuCommandEventSchema } from './contractSchemas';
import { EDITOR_COMMAND_IDS, EDITOR_COMMANDS, EDITOR_MENU_COMMANDS, editorCommandHint } from './editorCommands';

describe('the editor’s commands', () => {
  it('have distinct shortcuts, each of which parses, apart from the app’s own but Mod+E', () => {
    const shortcuts = EDITOR_COMMAND_IDS.flatMap((id) => (EDITOR_COMMANDS[id].shortcut ? [EDITOR_COMMANDS[id].shortcut] : []));
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
    for (const shortcut of shortcuts) expect(() => parseShortcut(shortcut)).not.toThrow();
    // Mod+E marks an excerpt in a document, and is inline code in the editor, where TipTap has it.
    const appShortcuts = new Set<string | null>(Object.values(COMMANDS).map((command) => command.shortcut));
    expect(shortcuts.filter((shortcut) => appShortcuts.has(shortcut))).toEqual(['Mod+E']);
  });

  it('are offered by the Format menu, all but Undo and Redo, which Edit has', () => {
    expect(EDITOR_MENU_COMMANDS.every((command) => command.menu === 'format')).toBe(true);
    expect(EDITOR_MENU_COMMANDS.map((command) => command.id)).toEqual(EDITOR_COMMAND_IDS.filter((id) => id !== 'editor.undo' && id !== 'editor.redo'));
  });

  it('may be chosen from the menu: the host event carrying one is valid', () => {
    expect(menuCommandEventSchema.safeParse({ commandId: 'editor.insertTable' }).success).toBe(true);
    expect(menuCommandEventSchema.safeParse({ commandId: 'editor.undo' }).success).toBe(false);
  });

  it('show their shortcut as each system writes it', () => {
    expect(editorCommandHint('editor.bold', false)).toEqual({ title: 'Bold (Ctrl+B)', 'aria-keyshortcuts': 'Control+B' });
    expect(editorCommandHint('editor.heading2', true)).toEqual({ title: 'Heading 2 (⌥⌘2)', 'aria-keyshortcuts': 'Meta+Alt+2' });
    expect(editorCommandHint('editor.insertTable', false)).toEqual({ title: 'Insert table' });
  });
});
