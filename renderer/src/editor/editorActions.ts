import type { ChainedCommands, Editor } from '@tiptap/core';
import type { EditorCommandId } from '../../../shared/editorCommands';
import { NEW_TABLE } from './extensions/tables';

/** What one of the editor's commands does to the text, and whether the selection has it (a pressed button). */
export interface EditorAction {
  apply: (chain: ChainedCommands) => ChainedCommands;
  /** For commands that toggle something: whether the selection has it now. */
  isActive?: (editor: Editor) => boolean;
}

const mark = (name: string, apply: EditorAction['apply']): EditorAction => ({ apply, isActive: (editor) => editor.isActive(name) });
const heading = (level: 2 | 3 | 4): EditorAction => ({
  apply: (chain) => chain.toggleHeading({ level }),
  isActive: (editor) => editor.isActive('heading', { level }),
});

/**
 * Every editor command but Link… (which asks for the address first), as TipTap's commands: the toolbar, the
 * palette and the Format menu all do them through here.
 */
export const EDITOR_ACTIONS: Record<Exclude<EditorCommandId, 'editor.link'>, EditorAction> = {
  'editor.bold': mark('bold', (chain) => chain.toggleBold()),
  'editor.italic': mark('italic', (chain) => chain.toggleItalic()),
  'editor.underline': mark('underline', (chain) => chain.toggleUnderline()),
  'editor.strike': mark('strike', (chain) => chain.toggleStrike()),
  'editor.highlight': mark('highlight', (chain) => chain.toggleHighlight()),
  'editor.code': mark('code', (chain) => chain.toggleCode()),
  'editor.paragraph': { apply: (chain) => chain.setParagraph(), isActive: (editor) => editor.isActive('paragraph') },
  'editor.heading2': heading(2),
  'editor.heading3': heading(3),
  'editor.heading4': heading(4),
  'editor.bulletList': mark('bulletList', (chain) => chain.toggleBulletList()),
  'editor.orderedList': mark('orderedList', (chain) => chain.toggleOrderedList()),
  'editor.taskList': mark('taskList', (chain) => chain.toggleTaskList()),
  'editor.blockquote': mark('blockquote', (chain) => chain.toggleBlockquote()),
  'editor.codeBlock': mark('codeBlock', (chain) => chain.toggleCodeBlock()),
  'editor.horizontalRule': { apply: (chain) => chain.setHorizontalRule() },
  'editor.insertTable': { apply: (chain) => chain.insertTable(NEW_TABLE) },
  'editor.addRowAfter': { apply: (chain) => chain.addRowAfter() },
  'editor.addColumnAfter': { apply: (chain) => chain.addColumnAfter() },
  'editor.deleteRow': { apply: (chain) => chain.deleteRow() },
  'editor.deleteColumn': { apply: (chain) => chain.deleteColumn() },
  'editor.deleteTable': { apply: (chain) => chain.deleteTable() },
  'editor.undo': { apply: (chain) => chain.undo() },
  'editor.redo': { apply: (chain) => chain.redo() },
};

/** Whether the command can do something here (bold inside a code block cannot; undo with nothing done cannot). */
export function canRun(editor: Editor, id: Exclude<EditorCommandId, 'editor.link'>): boolean {
  return EDITOR_ACTIONS[id].apply(editor.can().chain().focus()).run();
}

/** Does the command, the focus back in the text. */
export function runAction(editor: Editor, id: Exclude<EditorCommandId, 'editor.link'>): boolean {
  return EDITOR_ACTIONS[id].apply(editor.chain().focus()).run();
}
