import { EDITOR_COMMAND_IDS, EDITOR_COMMANDS } from '../../../shared/editorCommands';
import type { CommandRegistry } from './registry';
import type { Command } from './types';

/**
 * The editor's commands, acting on the editor that has the focus (its `editor` target). They are registered by the
 * editor's code when it loads, not with the app: they can run only where an editor is. The registry never runs them
 * from the keyboard: inside the editor, TipTap's keymap has the same keys and handles them once.
 */
const editorCommands: Command[] = EDITOR_COMMAND_IDS.map((id) => ({
  id,
  label: EDITOR_COMMANDS[id].label,
  shortcut: EDITOR_COMMANDS[id].shortcut,
  inTextFields: true,
  fromKeyboard: false,
  inPalette: true,
  enabled: ({ targets }) => targets.editor?.(id, 'can') ?? false,
  perform: ({ targets }) => void targets.editor?.(id, 'run'),
  whenUnavailable: 'Put the cursor in a text being written first.',
}));

/** Adds the editor's commands to the registry, once. */
export function registerEditorCommands(registry: CommandRegistry): void {
  if (!registry.get('editor.bold')) registry.register(editorCommands);
}
