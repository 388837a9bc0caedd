import type { RichText } from '../../../shared/domain';
import { RichTextEditor } from './RichTextEditor';

/** A labelled rich-text field in a form. */
export function RichTextField(props: { label: string; editorLabel: string; value: RichText | null; onChange: (value: RichText | null) => void }) {
  return (
    <div className="field">
      <span className="label">{props.label}</span>
      <RichTextEditor label={props.editorLabel} value={props.value} onChange={props.onChange} />
    </div>
  );
}
