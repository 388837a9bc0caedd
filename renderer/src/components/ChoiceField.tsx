import { Field } from './Field';

/** A labelled choice among a fixed list of words (a confidence, a status), each shown as it is stored. */
export function ChoiceField<T extends string>({
  label,
  error,
  options,
  value,
  onChange,
}: {
  label: string;
  error?: string | undefined;
  options: readonly T[];
  value: NoInfer<T>;
  onChange(value: NoInfer<T>): void;
}) {
  return (
    <Field label={label} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value as T)}>
          {options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
