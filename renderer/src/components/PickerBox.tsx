import { useId, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface PickerBoxProps<T> {
  label: string;
  placeholder: string;
  /** The choices for what is typed, best first. */
  matching(typed: string): T[];
  keyOf(option: T): string;
  /** An option as listed: its name and, muted, what tells it apart. */
  render(option: T): ReactNode;
  /** Said when nothing matches what is typed. */
  none: string;
  onPick(option: T): void;
  /** Escape gives up, where the form around it offers that. */
  onCancel?(): void;
  initial?: string;
  error?: string | null;
}

/**
 * A box that finds one of a list as the researcher types (a combobox in ARIA's terms): Up and Down move in the list,
 * Enter picks, Escape gives up when `onCancel` is given. Picking calls `onPick`; the form around it decides what
 * follows. The pickers of entities and events are this box with their own matching.
 */
export function PickerBox<T>({ label, placeholder, matching, keyOf, render, none, onPick, onCancel, initial = '', error }: PickerBoxProps<T>) {
  const id = useId();
  const [query, setQuery] = useState(initial);
  const [active, setActive] = useState(0);
  const options = useMemo(() => matching(query), [matching, query]);
  const current = Math.min(active, Math.max(0, options.length - 1));
  const optionId = (index: number) => `${id}-option-${index}`;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(event.key === 'ArrowDown' ? Math.min(current + 1, options.length - 1) : Math.max(current - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = options[current];
      if (chosen) onPick(chosen);
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <div className="field entity-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={options.length ? optionId(current) : undefined}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        autoComplete="off"
        placeholder={placeholder}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        autoFocus
      />
      <ul id={`${id}-list`} role="listbox" aria-label={`${label}: matches`} className="entity-options">
        {options.map((option, index) => (
          <li
            key={keyOf(option)}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            onMouseDown={(mouse) => {
              mouse.preventDefault();
              onPick(option);
            }}
          >
            {render(option)}
          </li>
        ))}
      </ul>
      {!options.length && <p className="muted small">{none}</p>}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
