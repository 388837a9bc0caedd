import { TaskItem, TaskList, type TaskItemOptions } from '@tiptap/extension-list';

/**
 * Task lists, beside StarterKit's bulleted and numbered lists (`- ` and `1. ` start those): `[ ] ` or `[x] ` at the
 * start of a line starts a list of things to check, Mod+Shift+9 turns lines into one. Tasks nest, as list items do;
 * a task's box is ticked by a click or, with the caret in the task, by typing in the text as usual.
 */
export const taskItemOptions: Partial<TaskItemOptions> = { nested: true };

export const taskLists = [TaskList, TaskItem.configure(taskItemOptions)];
