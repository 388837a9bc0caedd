import { Deferred, lazyComponent } from '../components/Deferred';
import type { RichTextEditorProps } from './TipTapEditor';

// TipTap and ProseMirror load with the first editor opened, not with the app.
const TipTapEditor = lazyComponent(() => import('./TipTapEditor'), 'TipTapEditor');

/** A rich-text field: what it holds is TipTap JSON, stored as is. An empty editor gives null. */
export function RichTextEditor(props: RichTextEditorProps) {
  return (
    <Deferred what="the editor">
      <TipTapEditor {...props} />
    </Deferred>
  );
}
