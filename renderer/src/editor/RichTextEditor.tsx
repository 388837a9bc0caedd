import './slot.css';
import { Deferred, lazyComponent } from '../components/Deferred';
import type { RichTextEditorProps } from './TipTapEditor';

const loadEditor = () => import('./TipTapEditor');

// TipTap and ProseMirror load with the first editor opened, not with the app.
const TipTapEditor = lazyComponent(loadEditor, 'TipTapEditor');

/**
 * Fetches the editor's code ahead of the first field that needs it (the reader calls it, so the comment box of the
 * first excerpt marked is there at once). Fetching twice fetches once.
 */
export function preloadEditor(): void {
  void loadEditor().catch(() => {
    // The field that needs it says so when it fails to load again.
  });
}

/**
 * A rich-text field: what it holds is TipTap JSON, stored as is. An empty editor gives null. Its place keeps the
 * editor's height while the code loads, so the form around it does not move under the pointer when it appears.
 */
export function RichTextEditor(props: RichTextEditorProps) {
  return (
    <div className={props.submitOnEnter ? 'rich-text-slot compact' : 'rich-text-slot'}>
      <Deferred what="the editor">
        <TipTapEditor {...props} />
      </Deferred>
    </div>
  );
}
