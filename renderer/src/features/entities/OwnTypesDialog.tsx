import { useState, type ReactNode } from 'react';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/Field';

interface OwnTypesDialogProps<T extends { id: string }> {
  title: string;
  /** The built-in types every case has, said before the case's own. */
  intro: ReactNode;
  /** The list's accessible name: "The case’s own entity types". */
  listLabel: string;
  /** The case's own types, in the order they are listed. */
  types: readonly T[];
  /** A type's name as its buttons say it: "Edit Authority", "Delete Authority". */
  nameOf(type: T): string;
  /** What a row shows before its buttons. */
  renderRow(type: T): ReactNode;
  /** The form that changes a type, in place of its row. */
  renderEdit(type: T, onDone: () => void): ReactNode;
  /** What asks before deleting a type, under its row. */
  renderDelete(type: T, onDone: () => void): ReactNode;
  /** The form that adds a type, below the list. */
  addForm: ReactNode;
  onClose(): void;
}

/**
 * The case's own types of something (entities, relationships) beside the built-in ones: each listed with *Edit*,
 * which puts its form in place of the row, and *Delete*, which asks under it; a form to add one; *Close*.
 */
export function OwnTypesDialog<T extends { id: string }>({
  title,
  intro,
  listLabel,
  types,
  nameOf,
  renderRow,
  renderEdit,
  renderDelete,
  addForm,
  onClose,
}: OwnTypesDialogProps<T>) {
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  return (
    <Dialog title={title} onClose={onClose}>
      {intro}
      {types.length > 0 ? (
        <ul className="links own-types" aria-label={listLabel}>
          {types.map((type) =>
            editing === type.id ? (
              <li key={type.id}>{renderEdit(type, () => setEditing(null))}</li>
            ) : (
              <li key={type.id}>
                {renderRow(type)}
                <button type="button" className="quiet small" aria-label={`Edit ${nameOf(type)}`} onClick={() => setEditing(type.id)}>
                  Edit
                </button>
                <button type="button" className="quiet small" aria-label={`Delete ${nameOf(type)}`} onClick={() => setDeleting(type.id)}>
                  Delete
                </button>
                {deleting === type.id && renderDelete(type, () => setDeleting(null))}
              </li>
            ),
          )}
        </ul>
      ) : (
        <p className="muted small">This case has no types of its own yet.</p>
      )}
      {addForm}
      <div className="row end">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

/**
 * Asks before deleting one of the case's own types: what happens to what has it (`children`), then *Keep it*, which
 * has the focus, and *Delete type*. The domain's refusal, if any, is shown above, as it says it.
 */
export function DeleteTypeGroup({
  label,
  error,
  busy,
  onKeep,
  onDelete,
  children,
}: {
  /** The group's accessible name: "Delete the type Authority". */
  label: string;
  error: string | null;
  busy: boolean;
  onKeep: () => void;
  onDelete: () => void;
  children: ReactNode;
}) {
  return (
    <div role="group" aria-label={label} className="notice own-type-delete">
      <FormError message={error} />
      {children}
      <div className="row end">
        <button type="button" onClick={onKeep} autoFocus>
          Keep it
        </button>
        <button type="button" className="danger solid" disabled={busy} onClick={onDelete}>
          Delete type
        </button>
      </div>
    </div>
  );
}

/** The end of a type's form: *Add type* under the list, or *Save type* and *Cancel* where a type is being edited. */
export function TypeFormActions({ editing, busy, onCancel }: { editing: boolean; busy: boolean; onCancel?: () => void }) {
  return (
    <div className="row end">
      {editing && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
      <button type="submit" className={editing ? 'primary' : undefined} disabled={busy}>
        {editing ? 'Save type' : 'Add type'}
      </button>
    </div>
  );
}
