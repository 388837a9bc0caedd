import { useState } from 'react';
import type { CaseRelationshipType } from '../../../../shared/domain';
import { operations } from '../../app/casebook';
import { Dialog } from '../../components/Dialog';
import { FormActions, FormError } from '../../components/Field';
import { useOperation } from '../../components/useOperation';
import { RelationshipTypeFields } from './RelationshipTypeFields';

/** Makes a type of relationship of the case's own, as it reads both ways: "director of", and back "directed by". */
export function RelationshipTypeDialog({
  caseId,
  onCreated,
  onClose,
}: {
  caseId: string;
  onCreated: (type: CaseRelationshipType) => void;
  onClose: () => void;
}) {
  const [label, setLabel] = useState('');
  const [inverse, setInverse] = useState('');
  const { run, busy, fieldErrors, formError } = useOperation();
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const created = await run(() => operations.createRelationshipType(caseId, { label, inverse: inverse.trim() || null }));
    if (created) onCreated(created);
  };
  return (
    <Dialog title="New relationship type" onClose={onClose}>
      <form onSubmit={submit} noValidate aria-label="New relationship type">
        <FormError message={formError} />
        <RelationshipTypeFields label={label} inverse={inverse} onLabel={setLabel} onInverse={setInverse} errors={fieldErrors} autoFocus />
        <FormActions submitLabel="Add type" busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
