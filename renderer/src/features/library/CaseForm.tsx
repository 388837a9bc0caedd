import { useState } from 'react';
import type { CaseFile, RichText } from '../../../../shared/domain';
import { Field, FormError, FormActions } from '../../components/Field';
import { useOperation } from '../../components/useOperation';
import { operations } from '../../app/casebook';
import { RichTextField } from '../../editor/RichTextField';

interface CaseFormProps {
  /** The case to rename or describe; a new case when absent. */
  existing?: CaseFile;
  onDone: (saved: CaseFile) => void;
  onCancel: () => void;
}

export function CaseForm({ existing, onDone, onCancel }: CaseFormProps) {
  const [name, setName] = useState(existing?.name ?? '');
  const [description, setDescription] = useState<RichText | null>(existing?.description ?? null);
  const { run, busy, fieldErrors, formError } = useOperation();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const input = { name, description };
    const saved = await run(() => (existing ? operations.updateCase(existing.id, input) : operations.createCase(input)));
    if (saved) onDone(saved);
  };

  return (
    <form onSubmit={submit} noValidate>
      <FormError message={formError} />
      <Field label="Case name" error={fieldErrors.name} hint="For example: Harbour contracts 2024">
        {(control) => <input {...control} value={name} onChange={(e) => setName(e.target.value)} autoFocus />}
      </Field>
      <RichTextField label="Description" editorLabel="Case description" value={description} onChange={setDescription} />
      <FormActions submitLabel={existing ? 'Save' : 'Create case'} busy={busy} onCancel={onCancel} />
    </form>
  );
}
