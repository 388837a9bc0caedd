import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/** A modal dialog: focus moves into it, Escape closes it, and focus returns to where it was. */
export function Dialog({ title, onClose, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    dialog.showModal();
    return () => {
      dialog.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

interface ConfirmDialogProps {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  /** The safe choice, which has the focus. */
  cancelLabel?: string;
  onConfirm: () => void | Promise<void>;
  onCancel: () => void;
  error?: string | null;
  busy?: boolean;
}

/** Asks before something that cannot be undone; the safe choice has the focus. */
export function ConfirmDialog({ title, message, confirmLabel, cancelLabel = 'Cancel', onConfirm, onCancel, error, busy }: ConfirmDialogProps) {
  return (
    <Dialog title={title} onClose={onCancel}>
      <div>{message}</div>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <div className="row end">
        <button type="button" onClick={onCancel} autoFocus>
          {cancelLabel}
        </button>
        <button type="button" className="danger solid" disabled={busy} onClick={() => void onConfirm()}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
