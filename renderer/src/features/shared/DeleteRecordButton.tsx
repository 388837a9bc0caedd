import { useState } from 'react';
import type { RecordRef } from '../../../../shared/domain';
import { ConfirmDialog } from '../../components/Dialog';
import { explainError, useOperation } from '../../components/useOperation';
import { RECORD_KINDS } from '../../../../shared/vocabulary';
import { operations } from '../../app/casebook';
import { describeCascade, type DeletionPlan, type ExcerptsOnDelete } from '../../domain';

/**
 * Deletes a record after a confirmation that says what else goes with it. A document with excerpts asks what happens
 * to them: deleted too, or kept as detached quotes that keep its citation.
 */
export function DeleteRecordButton({ target, onDeleted }: { target: RecordRef; onDeleted: () => void }) {
  const [plans, setPlans] = useState<Record<ExcerptsOnDelete, DeletionPlan> | null>(null);
  const [choice, setChoice] = useState<ExcerptsOnDelete>('delete');
  const [planError, setPlanError] = useState<string | null>(null);
  const { run, busy, formError } = useOperation();
  const label = RECORD_KINDS[target.type].label;

  const ask = async () => {
    setPlanError(null);
    try {
      const [deleting, detaching] = await Promise.all([
        operations.planDeletion(target, { excerpts: 'delete' }),
        operations.planDeletion(target, { excerpts: 'detach' }),
      ]);
      setChoice('delete');
      setPlans({ delete: deleting, detach: detaching });
    } catch (error) {
      setPlanError(explainError(error));
    }
  };

  const plan = plans?.[choice] ?? null;
  const excerptCount = plans?.delete.excerptIds.length ?? 0;
  const cascade = plan ? describeCascade(plan) : '';
  return (
    <>
      <button type="button" className="danger" onClick={ask}>
        Delete {label}
      </button>
      {planError && (
        <span className="field-error" role="alert">
          {planError}
        </span>
      )}
      {plan && (
        <ConfirmDialog
          title={`Delete ${label} “${plan.title}”?`}
          message={
            <>
              {excerptCount > 0 && (
                <fieldset className="excerpt-choice">
                  <legend>
                    This document has {excerptCount === 1 ? '1 excerpt' : `${excerptCount.toLocaleString('en')} excerpts`}. What
                    happens to {excerptCount === 1 ? 'it' : 'them'}?
                  </legend>
                  <label className="row">
                    <input type="radio" name="excerpts" checked={choice === 'delete'} onChange={() => setChoice('delete')} />
                    Delete {excerptCount === 1 ? 'it' : 'them'} too
                  </label>
                  <label className="row">
                    <input type="radio" name="excerpts" checked={choice === 'detach'} onChange={() => setChoice('detach')} />
                    Keep {excerptCount === 1 ? 'it' : 'them'} as detached quotes, with the document’s citation
                  </label>
                </fieldset>
              )}
              <p>
                {cascade
                  ? `Its ${cascade} will be deleted with it. `
                  : `Nothing else is linked to this ${label}. `}
                This cannot be undone.
              </p>
            </>
          }
          confirmLabel={`Delete ${label}`}
          busy={busy}
          error={formError}
          onCancel={() => setPlans(null)}
          onConfirm={async () => {
            if (await run(() => operations.deleteRecord(target, { excerpts: choice }))) {
              setPlans(null);
              onDeleted();
            }
          }}
        />
      )}
    </>
  );
}
