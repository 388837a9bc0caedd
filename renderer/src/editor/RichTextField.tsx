import { RichTextEditor } from './RichTextEditor';
import type { RichTextEditorProps } from './TipTapEditor';

/** A labelled rich-text field in a form; `editorLabel` names the editing area itself for screen readers. */
export function RichTextField({ label, editorLabel, ...editor }: Omit<RichTextEditorProps, 'label'> & { label: string; editorLabel: string }) {
  return (
    <div className="field">
      <span className="label">{label}</span>
      <RichTextEditor label={editorLabel} {...editor} />
    </div>
  );
}
