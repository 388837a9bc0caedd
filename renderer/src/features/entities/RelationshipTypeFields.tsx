import { Field } from '../../components/Field';

/** A relationship type's two labels: how it reads from the entity it starts at, and back. */
export function RelationshipTypeFields({
  label,
  inverse,
  onLabel,
  onInverse,
  errors,
  caption = 'Label',
  autoFocus = false,
}: {
  label: string;
  inverse: string;
  onLabel: (label: string) => void;
  onInverse: (inverse: string) => void;
  errors: Partial<Record<string, string>>;
  /** What the first field is called: "Label", or "New type" where the form adds one below a list of types. */
  caption?: string;
  autoFocus?: boolean;
}) {
  return (
    <>
      <Field label={caption} error={errors.label} hint="How it reads from the entity it starts at: “director of”">
        {(control) => <input {...control} value={label} onChange={(e) => onLabel(e.target.value)} autoFocus={autoFocus} />}
      </Field>
      <Field
        label="Inverse label"
        error={errors.inverse}
        hint="How it reads from the other end: “directed by”. Leave empty for one that reads the same both ways (“married to”)."
      >
        {(control) => <input {...control} value={inverse} onChange={(e) => onInverse(e.target.value)} />}
      </Field>
    </>
  );
}
