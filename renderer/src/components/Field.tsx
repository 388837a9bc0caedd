import { useId, type ReactNode } from 'react';
import { formatDateTime } from '../format';
import type { Draft } from './useDraft';

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string;
  /** Renders the control with the ids that tie it to its label, hint and error. */
  children: (control: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}

/** A labelled form control whose hint and error message are announced with it. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert">
      {message}
    </div>
  );
}

/** A form's closing row: Cancel, then the action that saves. */
export function FormActions({ submitLabel, busy, onCancel, cancelLabel = 'Cancel' }: { submitLabel: string; busy: boolean; onCancel: () => void; cancelLabel?: string }) {
  return (
    <div className="row end">
      <button type="button" onClick={onCancel}>
        {cancelLabel}
      </button>
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
    </div>
  );
}

/**
 * Offers back a draft this form kept from an earlier visit (a reload, a closed window, another record opened before
 * saving), until the researcher restores or discards it.
 */
export function DraftNotice({ draft }: { draft: Pick<Draft<never>, 'offer' | 'restore' | 'discard'> }) {
  if (!draft.offer) return null;
  return (
    <div className="notice row" role="group" aria-label="Unsaved draft" style={{ marginBottom: '0.75rem' }}>
      <span style={{ flex: 1 }}>This form has an unsaved draft from {formatDateTime(draft.offer.savedAt)}.</span>
      <button type="button" onClick={draft.restore}>
        Restore the unsaved draft
      </button>
      <button type="button" className="quiet" onClick={draft.discard}>
        Discard
      </button>
    </div>
  );
}
