import { useState } from 'react';
import { ENTITY_TYPES, type Entity, type EntityType, type RichText } from '../../../../shared/domain';
import { Field, FormError, FormActions } from '../../components/Field';
import { useOperation } from '../../components/useOperation';
import { operations } from '../../app/casebook';
import { RichTextField } from '../../editor/RichTextField';

interface EntityFormProps {
  caseId: string;
  existing?: Entity;
  onDone: (entity: Entity) => void;
  onCancel: () => void;
}

export function EntityForm({ caseId, existing, onDone, onCancel }: EntityFormProps) {
  const [name, setName] = useState(existing?.name ?? '');
  const [type, setType] = useState<EntityType>(existing?.type ?? 'person');
  const [aliases, setAliases] = useState(existing?.aliases.join('; ') ?? '');
  const [description, setDescription] = useState<RichText | null>(existing?.description ?? null);
  const { run, busy, fieldErrors, formError } = useOperation();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const input = { name, type, aliases: aliases.split(';'), description };
    const saved = await run(() => (existing ? operations.updateEntity(existing.id, input) : operations.createEntity(caseId, input)));
    if (saved) onDone(saved);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={existing ? `Edit ${existing.name}` : 'New entity'}>
      <h2>{existing ? `Edit ${existing.name}` : 'New entity'}</h2>
      <FormError message={formError} />
      <Field label="Name" error={fieldErrors.name}>
        {(control) => <input {...control} value={name} onChange={(e) => setName(e.target.value)} autoFocus />}
      </Field>
      <Field label="Type" error={fieldErrors.type}>
        {(control) => (
          <select {...control} value={type} onChange={(e) => setType(e.target.value as EntityType)}>
            {ENTITY_TYPES.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Aliases" error={fieldErrors.aliases} hint="Other names or spellings, separated by semicolons">
        {(control) => <input {...control} value={aliases} onChange={(e) => setAliases(e.target.value)} />}
      </Field>
      <RichTextField label="Description" editorLabel="Entity description" value={description} onChange={setDescription} />
      <FormActions submitLabel={existing ? 'Save' : 'Add entity'} busy={busy} onCancel={onCancel} />
    </form>
  );
}
