/**
 * Every command a researcher can give, declared once: its id, its label, its shortcut and the application menu that
 * offers it. The renderer's registry (`renderer/src/commands/`) gives each one its behaviour and feeds the keyboard,
 * the buttons and the command palette; the Electron main process builds the application menu from this list, and
 * choosing an item sends its id back to the renderer, which runs it through the registry. Main never runs a command
 * itself and the renderer never sends menu code to main.
 * No runtime dependency, so main, preload and renderer all import it whole.
 */

/**
 * A key combination written `Mod+K`, `Alt+4` or `Mod+Shift+P`: modifiers first, the key last. `Mod` is Cmd on macOS
 * and Ctrl elsewhere. The key is one letter, one digit, or a named key (`Enter`, `Escape`, `F2`...); the arrow keys
 * are `Up`, `Down`, `Left` and `Right`, as Electron's accelerators write them.
 */
export type Shortcut = string;

import type { EditorCommandId } from './editorCommands';

/** The application menus commands appear in, in the order of their items. */
export type MenuName = 'file' | 'edit' | 'format' | 'view' | 'go';

export interface CommandDeclaration {
  label: string;
  shortcut: Shortcut | null;
  /** The application menu that offers it, or null when only the keyboard and the palette do. */
  menu: MenuName | null;
}

export const COMMANDS = {
  'palette.open': { label: 'Show all commands', shortcut: 'Mod+K', menu: 'view' },
  'documents.import': { label: 'Import files', shortcut: 'Mod+O', menu: 'file' },
  'new.document': { label: 'New document', shortcut: null, menu: 'file' },
  'new.excerpt': { label: 'New excerpt', shortcut: null, menu: 'file' },
  'new.entity': { label: 'New entity', shortcut: null, menu: 'file' },
  'new.event': { label: 'New event', shortcut: null, menu: 'file' },
  'new.note': { label: 'New note', shortcut: null, menu: 'file' },
  'report.export': { label: 'Export report…', shortcut: null, menu: 'file' },
  'archive.export': { label: 'Export case archive…', shortcut: null, menu: 'file' },
  'archive.import': { label: 'Open case archive…', shortcut: 'Mod+Shift+O', menu: 'file' },
  'backup.restore': { label: 'Restore from backup…', shortcut: null, menu: 'file' },
  'storage.show': { label: 'Storage and safety of your cases…', shortcut: null, menu: 'view' },
  'exchange.followTheMoney': { label: 'Export entities as FollowTheMoney…', shortcut: null, menu: 'file' },
  'exchange.refiQda': { label: 'Export codebook as REFI-QDA…', shortcut: null, menu: 'file' },
  'document.find': { label: 'Find in document', shortcut: 'Mod+F', menu: 'edit' },
  'excerpt.mark': { label: 'Mark excerpt', shortcut: 'Mod+E', menu: 'edit' },
  'excerpt.next': { label: 'Next excerpt', shortcut: 'Alt+Down', menu: 'edit' },
  'excerpt.previous': { label: 'Previous excerpt', shortcut: 'Alt+Up', menu: 'edit' },
  'entity.fromSelection': { label: 'New entity from selection', shortcut: null, menu: 'edit' },
  'entity.linkSelection': { label: 'Link selection to entity', shortcut: null, menu: 'edit' },
  'entity.suggest': { label: 'Suggest entities', shortcut: null, menu: 'edit' },
  'dates.find': { label: 'Find dates in this document', shortcut: null, menu: 'edit' },
  'event.fromExcerpt': { label: 'New event from excerpt', shortcut: null, menu: 'edit' },
  'go.library': { label: 'Go to all cases', shortcut: null, menu: 'go' },
  'go.overview': { label: 'Go to Overview', shortcut: 'Alt+1', menu: 'go' },
  'go.documents': { label: 'Go to Documents', shortcut: 'Alt+2', menu: 'go' },
  'go.excerpts': { label: 'Go to Excerpts', shortcut: 'Alt+3', menu: 'go' },
  'go.entities': { label: 'Go to Entities', shortcut: 'Alt+4', menu: 'go' },
  'go.timeline': { label: 'Go to Timeline', shortcut: 'Alt+5', menu: 'go' },
  'go.notes': { label: 'Go to Notes', shortcut: 'Alt+6', menu: 'go' },
  'codebook.open': { label: 'Open codebook', shortcut: null, menu: 'go' },
  'chart.open': { label: 'Open link chart', shortcut: null, menu: 'go' },
  'entityTypes.open': { label: 'Entity types…', shortcut: null, menu: 'go' },
  'relationshipTypes.open': { label: 'Relationship types…', shortcut: null, menu: 'go' },
} as const satisfies Record<string, CommandDeclaration>;

/** A command of the app's own, declared here. */
export type CommandId = keyof typeof COMMANDS;

/** Any command: the app's, or the rich-text editor's (declared in `editorCommands.ts`, loaded with the editor). */
export type AnyCommandId = CommandId | EditorCommandId;

const MODIFIERS = new Set(['Mod', 'Alt', 'Shift']);

/** The arrow keys as shortcuts write them, and as KeyboardEvent.key names them. */
const ARROW_KEYS: Readonly<Record<string, string>> = { Up: 'ArrowUp', Down: 'ArrowDown', Left: 'ArrowLeft', Right: 'ArrowRight' };
const ARROW_NAMES = new Map(Object.entries(ARROW_KEYS).map(([name, key]) => [key, name]));
const MAC_ARROWS: Readonly<Record<string, string>> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };

/** A parsed key as shortcuts and Electron's accelerators write it: `Down` for `ArrowDown`. */
const writtenKey = (key: string) => ARROW_NAMES.get(key) ?? key;

export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];

/** What the main process needs to put a command in the application menu. */
export interface MenuCommand {
  id: AnyCommandId;
  label: string;
  menu: MenuName;
  /** In Electron's accelerator syntax, for display beside the item; undefined when it has no shortcut. */
  accelerator: string | undefined;
}

/** The commands of a table of declarations that a menu offers, in declaration order. */
export function menuCommandsOf(declarations: Readonly<Record<string, CommandDeclaration>>): MenuCommand[] {
  return Object.entries(declarations).flatMap(([id, { label, shortcut, menu }]): MenuCommand[] =>
    menu ? [{ id: id as AnyCommandId, label, menu, accelerator: shortcut ? toAccelerator(shortcut) : undefined }] : [],
  );
}

/** The app's own commands the application menu offers, in declaration order (the editor's: `EDITOR_MENU_COMMANDS`). */
export const MENU_COMMANDS: readonly MenuCommand[] = menuCommandsOf(COMMANDS);

/** The ids a "menu command chosen" event may carry. */
export const MENU_COMMAND_IDS = MENU_COMMANDS.map((command) => command.id);

export interface ParsedShortcut {
  mod: boolean;
  alt: boolean;
  shift: boolean;
  /** A letter in upper case, a digit, or a named key as KeyboardEvent.key spells it. */
  key: string;
}

export function parseShortcut(shortcut: Shortcut): ParsedShortcut {
  const parts = shortcut.split('+');
  const key = parts.pop();
  if (!key || parts.some((part) => !MODIFIERS.has(part))) throw new Error(`“${shortcut}” is not a shortcut`);
  return {
    mod: parts.includes('Mod'),
    alt: parts.includes('Alt'),
    shift: parts.includes('Shift'),
    key: key.length === 1 ? key.toUpperCase() : (ARROW_KEYS[key] ?? key),
  };
}

/** `Mod+K` as Electron's accelerator `CommandOrControl+K`. */
export function toAccelerator(shortcut: Shortcut): string {
  const { mod, alt, shift, key } = parseShortcut(shortcut);
  return [mod && 'CommandOrControl', alt && 'Alt', shift && 'Shift', writtenKey(key)].filter(Boolean).join('+');
}

/** The shortcut as people read it on their system: `Ctrl+K` and `Alt+Down`, or `⌘K` and `⌥↓` on a Mac. */
export function formatShortcut(shortcut: Shortcut, mac: boolean): string {
  const { mod, alt, shift, key } = parseShortcut(shortcut);
  if (mac) return [alt && '⌥', shift && '⇧', mod && '⌘', MAC_ARROWS[key] ?? key].filter(Boolean).join('');
  return [mod && 'Ctrl', alt && 'Alt', shift && 'Shift', writtenKey(key)].filter(Boolean).join('+');
}

/** The shortcut in the syntax of the `aria-keyshortcuts` attribute: `Control+K`, or `Meta+K` on a Mac. */
export function toAriaKeyShortcuts(shortcut: Shortcut, mac: boolean): string {
  const { mod, alt, shift, key } = parseShortcut(shortcut);
  return [mod && (mac ? 'Meta' : 'Control'), alt && 'Alt', shift && 'Shift', key].filter(Boolean).join('+');
}
