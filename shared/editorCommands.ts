import { formatShortcut, menuCommandsOf, toAriaKeyShortcuts, type CommandDeclaration } from './commands';

/**
 * The rich-text editor's commands: formatting, blocks, tables and history. They act on the editor that has the focus,
 * so the renderer registers them with the editor's code (loaded on demand, not with the app) and they are declared
 * here, apart from `COMMANDS`, for the same reason: the start bundle does not carry them. Their shortcuts are TipTap's
 * own keys, which the editor handles itself; the registry shows them in the menu and the palette and never runs them
 * from the keyboard, so a key never acts twice. Undo and Redo are in the Edit menu already (Electron's roles, which
 * reach the editor's history), so only the palette lists the editor's own.
 */
const format = (label: string, shortcut: string | null = null): CommandDeclaration => ({ label, shortcut, menu: 'format' });

export const EDITOR_COMMANDS = {
  'editor.bold': format('Bold', 'Mod+B'),
  'editor.italic': format('Italic', 'Mod+I'),
  'editor.underline': format('Underline', 'Mod+U'),
  'editor.strike': format('Strikethrough', 'Mod+Shift+S'),
  'editor.highlight': format('Highlight', 'Mod+Shift+H'),
  'editor.code': format('Inline code', 'Mod+E'),
  'editor.link': format('Link…'),
  'editor.paragraph': format('Plain text', 'Mod+Alt+0'),
  'editor.heading2': format('Heading 2', 'Mod+Alt+2'),
  'editor.heading3': format('Heading 3', 'Mod+Alt+3'),
  'editor.heading4': format('Heading 4', 'Mod+Alt+4'),
  'editor.bulletList': format('Bulleted list', 'Mod+Shift+8'),
  'editor.orderedList': format('Numbered list', 'Mod+Shift+7'),
  'editor.taskList': format('Task list', 'Mod+Shift+9'),
  'editor.blockquote': format('Quote', 'Mod+Shift+B'),
  'editor.codeBlock': format('Code block', 'Mod+Alt+C'),
  'editor.horizontalRule': format('Horizontal rule'),
  'editor.insertTable': format('Insert table'),
  'editor.addRowAfter': format('Add table row'),
  'editor.addColumnAfter': format('Add table column'),
  'editor.deleteRow': format('Delete table row'),
  'editor.deleteColumn': format('Delete table column'),
  'editor.deleteTable': format('Delete table'),
  'editor.undo': { label: 'Undo', shortcut: 'Mod+Z', menu: null },
  'editor.redo': { label: 'Redo', shortcut: 'Mod+Shift+Z', menu: null },
} as const satisfies Record<`editor.${string}`, CommandDeclaration>;

export type EditorCommandId = keyof typeof EDITOR_COMMANDS;

export const EDITOR_COMMAND_IDS = Object.keys(EDITOR_COMMANDS) as EditorCommandId[];

/** What a toolbar button shows of its command: "Bold (Ctrl+B)" as its tooltip, and the shortcut for assistive technology. */
export function editorCommandHint(id: EditorCommandId, mac: boolean): { title: string; 'aria-keyshortcuts'?: string } {
  const { label, shortcut } = EDITOR_COMMANDS[id];
  if (!shortcut) return { title: label };
  return { title: `${label} (${formatShortcut(shortcut, mac)})`, 'aria-keyshortcuts': toAriaKeyShortcuts(shortcut, mac) };
}

/** The editor's commands the application's Format menu offers. */
export const EDITOR_MENU_COMMANDS = menuCommandsOf(EDITOR_COMMANDS);
