import { describe, expect, it } from 'vitest';
import {
  COMMANDS,
  COMMAND_IDS,
  MENU_COMMANDS,
  formatShortcut,
  parseShortcut,
  toAccelerator,
  toAriaKeyShortcuts,
} from './commands';

describe('shortcuts', () => {
  it('are parsed into modifiers and a key', () => {
    expect(parseShortcut('Mod+Shift+k')).toEqual({ mod: true, alt: false, shift: true, key: 'K' });
    expect(parseShortcut('Alt+4')).toEqual({ mod: false, alt: true, shift: false, key: '4' });
    expect(parseShortcut('Escape')).toEqual({ mod: false, alt: false, shift: false, key: 'Escape' });
    expect(parseShortcut('Alt+Down')).toEqual({ mod: false, alt: true, shift: false, key: 'ArrowDown' });
    expect(() => parseShortcut('Ctrl+K')).toThrow('“Ctrl+K” is not a shortcut');
    expect(() => parseShortcut('Mod+')).toThrow();
  });

  it('read as each system writes them', () => {
    expect(formatShortcut('Mod+K', false)).toBe('Ctrl+K');
    expect(formatShortcut('Mod+K', true)).toBe('⌘K');
    expect(formatShortcut('Alt+4', true)).toBe('⌥4');
    expect(formatShortcut('Mod+Shift+P', true)).toBe('⇧⌘P');
    expect(formatShortcut('Mod+Shift+P', false)).toBe('Ctrl+Shift+P');
    expect(formatShortcut('Alt+Down', false)).toBe('Alt+Down');
    expect(formatShortcut('Alt+Up', true)).toBe('⌥↑');
  });

  it('become Electron accelerators and aria-keyshortcuts', () => {
    expect(toAccelerator('Mod+O')).toBe('CommandOrControl+O');
    expect(toAccelerator('Alt+1')).toBe('Alt+1');
    expect(toAriaKeyShortcuts('Mod+F', false)).toBe('Control+F');
    expect(toAriaKeyShortcuts('Mod+F', true)).toBe('Meta+F');
    expect(toAccelerator('Alt+Down')).toBe('Alt+Down');
    expect(toAriaKeyShortcuts('Alt+Up', false)).toBe('Alt+ArrowUp');
  });
});

describe('the declared commands', () => {
  it('have distinct shortcuts, each of which parses', () => {
    const shortcuts = COMMAND_IDS.flatMap((id) => (COMMANDS[id].shortcut ? [COMMANDS[id].shortcut] : []));
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
    for (const shortcut of shortcuts) expect(() => parseShortcut(shortcut)).not.toThrow();
  });

  it('give the menu every command that names a menu, with its accelerator', () => {
    expect(MENU_COMMANDS.find((command) => command.id === 'palette.open')).toEqual({
      id: 'palette.open',
      label: 'Show all commands',
      menu: 'view',
      accelerator: 'CommandOrControl+K',
    });
    expect(MENU_COMMANDS.map((command) => command.id)).toEqual(COMMAND_IDS.filter((id) => COMMANDS[id].menu));
  });
});
