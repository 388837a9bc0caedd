import type { Editor } from '@tiptap/react';
import { useEffect, useState, type RefObject } from 'react';
import type { EditorCommandId } from '../../../shared/editorCommands';
import { canRun, runAction } from './editorActions';

/** What the editor that has the focus offers the editor's commands: whether it can, or runs, one of them. */
export type EditorCommandTarget = (id: EditorCommandId, how: 'can' | 'run') => boolean;

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
 * Gives `onTarget` the editor's command target while the editor has the focus, and while the focus is in its own
 * toolbar or link box, or has gone to the palette or to the application menu: a command from there then runs on
 * the text the researcher was writing. Focus anywhere else withdraws it (`onTarget(null)`).
 */
export function useEditorTarget(
  editor: Editor | null,
  around: RefObject<HTMLElement | null>,
  openLink: () => void,
  onTarget: ((target: EditorCommandTarget | null) => void) | undefined,
): void {
  const [offered, setOffered] = useState(false);
  useEffect(() => {
    const onFocus = () => setOffered(true);
    const onBlur = ({ event }: { event: FocusEvent }) => {
      if (leftFor(event.relatedTarget, around.current)) setOffered(false);
    };
    if (!editor) return;
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

  useEffect(() => {
    if (!offered || !onTarget || !editor) return;
    onTarget((id, how) => {
      if (editor.isDestroyed) return false;
      if (id === 'editor.link') {
        if (how === 'run') openLink();
        return true;
      }
      return how === 'can' ? canRun(editor, id) : runAction(editor, id);
    });
    return () => onTarget(null);
  }, [offered, onTarget, editor, openLink]);
}
