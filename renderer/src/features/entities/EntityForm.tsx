import type { Entity } from '../../../../shared/domain';
import { draftKey } from '../../components/drafts';
import { DraftNotice, Field, FormError, FormActions } from '../../components/Field';
import { useDraft } from '../../components/useDraft';
import { useOperation } from '../../components/useOperation';
import { operations } from '../../app/casebook';
import { RichTextField } from '../../editor/RichTextField';
import { ValidationError } from '../../domain/errors';
import { TagPicker } from '../codebook/TagPicker';
import { AttributesEditor } from './AttributesEditor';
import { attributeInputsOf, attributeRowsOf, issuesNamingRows } from './attributeRows';
import { NamedRecordLink } from './NamedRecordLink';
import { EntityTypeOptions, useOwnEntityTypes } from './EntityTypeOptions';

interface EntityFormProps {
  caseId: string;
  existing?: Entity;
  onDone: (entity: Entity) => void;
  onCancel: () => void;
}

export function EntityForm({ caseId, existing, onDone, onCancel }: EntityFormProps) {
  const draft = useDraft(
    draftKey('entity', existing?.id, caseId),
    {
      name: existing?.name ?? '',
      type: existing?.type ?? 'person',
      aliases: existing?.aliases.map((alias) => alias.name).join('; ') ?? '',
      attributes: attributeRowsOf(existing?.attributes ?? []),
      tags: existing?.tags ?? [],
      description: existing?.description ?? null,
    },
    existing ? `the entity “${existing.name}”` : 'the new entity',
  );
  const { name, type, aliases, attributes, tags, description } = draft.values;
  const { name: setName, type: setType, aliases: setAliases, attributes: setAttributes, tags: setTags, description: setDescription } = draft.set;
  const { run, busy, fieldErrors, formError, fieldRecords } = useOperation();
  const ownTypes = useOwnEntityTypes(caseId);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const input = { name, type, aliases: aliases.split(';'), attributes: attributeInputsOf(attributes), tags, description };
    const save = () => (existing ? operations.updateEntity(existing.id, input) : operations.createEntity(caseId, input));
    // A problem with an attribute is told on the attributes, naming its row.
    const saving = () =>
      save().catch((error: unknown) => {
        throw error instanceof ValidationError ? new ValidationError(issuesNamingRows(error.issues, attributes)) : error;
      });
    const saved = await draft.save(run(saving));
    if (saved) onDone(saved);
  };

  const cancel = () => {
    draft.clear();
    onCancel();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={existing ? `Edit ${existing.name}` : 'New entity'}>
      <h2>{existing ? `Edit ${existing.name}` : 'New entity'}</h2>
      <FormError message={formError} />
      <DraftNotice draft={draft} />
      <Field label="Name" error={fieldErrors.name}>
        {(control) => <input {...control} value={name} onChange={(e) => setName(e.target.value)} autoFocus />}
      </Field>
      <NamedRecordLink caseId={caseId} record={fieldRecords.name} />
      <Field label="Type" error={fieldErrors.type}>
        {(control) => (
          <select {...control} value={type} onChange={(e) => setType(e.target.value)}>
            <EntityTypeOptions ownTypes={ownTypes} />
          </select>
        )}
      </Field>
      <Field label="Aliases" error={fieldErrors.aliases} hint="Other names or spellings, separated by semicolons">
        {(control) => <input {...control} value={aliases} onChange={(e) => setAliases(e.target.value)} />}
      </Field>
      <NamedRecordLink caseId={caseId} record={fieldRecords.aliases} />
      <AttributesEditor rows={attributes} onChange={setAttributes} error={fieldErrors.attributes} />
      <TagPicker caseId={caseId} value={tags} onChange={setTags} error={fieldErrors.tags} />
      <RichTextField key={draft.revision} label="Description" editorLabel="Entity description" value={description} onChange={setDescription} />
      <FormActions submitLabel={existing ? 'Save' : 'Add entity'} busy={busy} onCancel={cancel} />
    </form>
  );
}
