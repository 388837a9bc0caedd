import type { Editor } from '@tiptap/react';
import { useEffect, useState, type RefObject } from 'react';
import { commandRegistry, useCommandTarget } from '../commands';
import { registerEditorCommands } from '../commands/editorCommands';
import type { EditorCommandId } from '../../../shared/editorCommands';
import { canRun, runAction } from './editorActions';

// The editor's commands join the registry with the editor's code (this module loads with it).
registerEditorCommands(commandRegistry);

/**
 * Whether the focus, going to `next`, has left the editor for good: not for its own toolbar or link box, not for
 * another dialog over it (the palette), and not for nothing in the page (the application menu, another window).
 */
function leftFor(next: EventTarget | null, editor: HTMLElement | null): boolean {
  if (!(next instanceof Element) || editor?.contains(next)) return false;
  const dialog = next.closest('dialog');
  return dialog === null || dialog.contains(editor);
}

/**
 * Offers `editor` to the editor's commands (palette, Format menu) while it has the focus, and while the focus is
 * in its own toolbar or link box, or has gone to the palette or to the application menu (a dialog, or nowhere in
 * the page): the command then runs on the text the researcher was writing. Focus anywhere else withdraws it.
 */
export function useEditorTarget(editor: Editor, around: RefObject<HTMLElement | null>, openLink: () => void): void {
  const [offered, setOffered] = useState(false);
  useEffect(() => {
    const onFocus = () => setOffered(true);
    const onBlur = ({ event }: { event: FocusEvent }) => {
      if (leftFor(event.relatedTarget, around.current)) setOffered(false);
    };
    editor.on('focus', onFocus);
    editor.on('blur', onBlur);
    return () => {
      editor.off('focus', onFocus);
      editor.off('blur', onBlur);
    };
  }, [editor, around]);
  // Leaving the toolbar or the link box for elsewhere withdraws it too.
  useEffect(() => {
    const element = around.current;
    if (!element || !offered) return;
    const onFocusOut = (event: FocusEvent) => {
      if (leftFor(event.relatedTarget, element)) setOffered(false);
    };
    element.addEventListener('focusout', onFocusOut);
    return () => element.removeEventListener('focusout', onFocusOut);
  }, [around, offered]);

  useCommandTarget(
    'editor',
    offered
      ? (id: EditorCommandId, how: 'can' | 'run') => {
          if (editor.isDestroyed) return false;
          if (id === 'editor.link') {
            if (how === 'run') openLink();
            return true;
          }
          return how === 'can' ? canRun(editor, id) : runAction(editor, id);
        }
      : null,
  );
}
