import { useId } from 'react';
import { understoodAs } from '../../../../shared/eventDates';
import { eventDateForms, type EventDateReading } from '../../../../shared/readEventDate';

/**
 * The date of an event typed as people write it, with what it was understood as underneath while typing ("9 March
 * 2021, known to the day"), the forms it takes as its hint, and its refusal by name. A year outside 1000..2200 asks
 * for a tick before it is saved.
 */
export function EventDateField({
  value,
  onChange,
  reading,
  locale,
  error,
  confirmed,
  onConfirm,
}: {
  value: string;
  onChange(text: string): void;
  reading: EventDateReading;
  locale: string;
  /** The refusal to show at the field: the reader's on submit, or the domain's. */
  error: string | undefined;
  confirmed: boolean;
  onConfirm(confirmed: boolean): void;
}) {
  const id = useId();
  const unusual = reading.ok ? reading.unusualYears : [];
  return (
    <div className="field">
      <label htmlFor={id}>Date</label>
      <input
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder="9 March 2021, about 2019, undated…"
        aria-invalid={Boolean(error)}
        aria-describedby={`${id}-understood ${id}-hint${error ? ` ${id}-error` : ''}`}
      />
      <span id={`${id}-understood`} className="small" role="status">
        {reading.ok ? (
          <>
            Understood as: <strong>{understoodAs(reading.start, reading.end)}</strong>
          </>
        ) : (
          value.trim() && <span className="muted">Not read yet: {reading.message}</span>
        )}
      </span>
      <span id={`${id}-hint`} className="hint">
        Type it as you would write it: {eventDateForms(locale)}.
      </span>
      {unusual.length > 0 && (
        <label className="small">
          <input type="checkbox" checked={confirmed} onChange={(event) => onConfirm(event.target.checked)} /> The year{' '}
          {unusual.join(' and ')} is right
        </label>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
