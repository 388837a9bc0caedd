import './slot.css';
import { useCallback, useState } from 'react';
import { commandRegistry, useCommandTarget } from '../commands';
import { IS_MAC } from '../commands/shortcuts';
import { notify } from '../components/notices';
import { Deferred, lazyComponent } from '../components/Deferred';
import type { RichTextEditorProps } from './TipTapEditor';
import type { EditorCommandTarget } from './useEditorTarget';

// The editor's commands join the registry with the editor's code: they can run only where an editor is.
const loadEditor = () =>
  Promise.all([import('./TipTapEditor'), import('../commands/editorCommands')]).then(([editor, commands]) => {
    commands.registerEditorCommands(commandRegistry);
    return editor;
  });

// TipTap and ProseMirror load with the first editor opened, not with the app.
const TipTapEditor = lazyComponent(loadEditor, 'TipTapEditor');

const leftOut = (message: string) => notify('info', message);

/**
 * Fetches the editor's code ahead of the first field that needs it (the reader calls it, so the comment box of the
 * first excerpt marked is there at once). Fetching twice fetches once.
 */
export function preloadEditor(): void {
  TipTapEditor.preload().catch(() => {
    // The field that needs it says so when it fails to load again.
  });
}

/**
 * A rich-text field: what it holds is TipTap JSON, stored as is. An empty editor gives null. Its place keeps the
 * editor's height while the code loads, so the form around it does not move under the pointer when it appears.
 * The focused editor is offered to the editor's commands (palette, Format menu) from here, on the app's side.
 */
export function RichTextEditor(props: RichTextEditorProps) {
  const [target, setTarget] = useState<EditorCommandTarget | null>(null);
  useCommandTarget('editor', target);
  const onCommandTarget = useCallback((next: EditorCommandTarget | null) => setTarget(() => next), []);
  return (
    <div className={props.submitOnEnter ? 'rich-text-slot compact' : 'rich-text-slot'}>
      <Deferred what="the editor">
        <TipTapEditor {...props} onCommandTarget={onCommandTarget} notify={leftOut} mac={IS_MAC} />
      </Deferred>
    </div>
  );
}
