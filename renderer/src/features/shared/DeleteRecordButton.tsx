import { useState } from 'react';
import type { RecordRef } from '../../../../shared/domain';
import { ConfirmDialog } from '../../components/Dialog';
import { explainError, useOperation } from '../../components/useOperation';
import { RECORD_KINDS } from '../../../../shared/vocabulary';
import { operations } from '../../app/casebook';
import { describeCascade, type DeletionPlan } from '../../domain';

/** Deletes a record after a confirmation that says what else goes with it. */
export function DeleteRecordButton({ target, onDeleted }: { target: RecordRef; onDeleted: () => void }) {
  const [plan, setPlan] = useState<DeletionPlan | null>(null);
  const [planError, setPlanError] = useState<string | null>(null);
  const { run, busy, formError } = useOperation();
  const label = RECORD_KINDS[target.type].label;

  const ask = async () => {
    setPlanError(null);
    try {
      setPlan(await operations.planDeletion(target));
    } catch (error) {
      setPlanError(explainError(error));
    }
  };

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
            <p>
              {cascade
                ? `Its ${cascade} will be deleted with it. `
                : `Nothing else is linked to this ${label}. `}
              This cannot be undone.
            </p>
          }
          confirmLabel={`Delete ${label}`}
          busy={busy}
          error={formError}
          onCancel={() => setPlan(null)}
          onConfirm={async () => {
            if (await run(() => operations.deleteRecord(target))) {
              setPlan(null);
              onDeleted();
            }
          }}
        />
      )}
    </>
  );
}
