import type { UndoRedoOptions } from '@tiptap/extensions';

/**
 * Undo and redo, from StarterKit's history: Mod+Z and Mod+Shift+Z (or Mod+Y), the Edit menu's Undo and Redo (which
 * reach it as the browser's own undo), and the toolbar. Typing within half a second is undone together.
 */
export const historyOptions: Partial<UndoRedoOptions> = { depth: 200, newGroupDelay: 500 };
