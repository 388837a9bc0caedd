import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { ENTITY_TYPES, type CaseEntityType } from '../../../../shared/domain';
import { nextTagColour } from '../../../../shared/codebook';
import { operations, queries } from '../../app/casebook';
import { Field, FormError } from '../../components/Field';
import { useOperation } from '../../components/useOperation';
import { EntityTypeOptions, useOwnEntityTypes } from './EntityTypeOptions';
import { DeleteTypeGroup, OwnTypesDialog, TypeFormActions } from './OwnTypesDialog';
import { TypeBadge } from './TypeBadge';

/**
 * The case's own types of entity ("Authority", "Handle"), beside the built-in ones: add one (a name, a letter or two
 * for its badge, a colour), rename or recolour it, or delete it. A type its entities still have is deleted only with
 * the type they take instead, chosen here; the domain refuses anything else with its own message, shown as it is.
 */
export function EntityTypesDialog({ caseId, onClose }: { caseId: string; onClose(): void }) {
  const ownTypes = useOwnEntityTypes(caseId);
  const counts = useLiveQuery(() => queries.ownEntityTypeCounts(caseId), [caseId]);
  const countOf = (type: CaseEntityType) => counts?.get(type.id) ?? 0;
  return (
    <OwnTypesDialog
      title="Entity types"
      intro={<p className="muted small">Every case has these: {ENTITY_TYPES.join(', ')}. Add the types this case needs besides.</p>}
      listLabel="The case’s own entity types"
      types={ownTypes}
      nameOf={(type) => type.name}
      renderRow={(type) => (
        <>
          <TypeBadge type={type} />
          <span style={{ flex: 1 }}>
            {type.name} <span className="muted small">{countOf(type) === 1 ? '1 entity' : `${countOf(type).toLocaleString('en')} entities`}</span>
          </span>
        </>
      )}
      renderEdit={(type, onDone) => <EntityTypeForm caseId={caseId} existing={type} onDone={onDone} />}
      renderDelete={(type, onDone) => (
        <DeleteEntityType type={type} count={countOf(type)} others={ownTypes.filter((other) => other.id !== type.id)} onDone={onDone} />
      )}
      addForm={<EntityTypeForm caseId={caseId} colour={nextTagColour(ownTypes.length)} />}
      onClose={onClose}
    />
  );
}

/** Adds a type (without `existing`), or renames and recolours one. */
function EntityTypeForm({
  caseId,
  existing,
  colour: initialColour,
  onDone,
}: {
  caseId: string;
  existing?: CaseEntityType;
  colour?: string;
  onDone?: () => void;
}) {
  const [name, setName] = useState(existing?.name ?? '');
  const [letter, setLetter] = useState(existing?.letter ?? '');
  const [colour, setColour] = useState(existing?.colour ?? initialColour ?? '#64748b');
  const { run, busy, fieldErrors, formError } = useOperation();
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const input = { name, letter: letter.trim() || null, colour };
    const saved = await run(() => (existing ? operations.updateEntityType(existing.id, input) : operations.createEntityType(caseId, input)));
    if (!saved) return;
    if (!existing) {
      setName('');
      setLetter('');
    }
    onDone?.();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={existing ? `Edit the type ${existing.name}` : 'New entity type'} className="entity-type-form">
      <FormError message={formError} />
      <div className="row" style={{ alignItems: 'flex-end' }}>
        <Field label={existing ? 'Name' : 'New type'} error={fieldErrors.name}>
          {(control) => <input {...control} value={name} onChange={(e) => setName(e.target.value)} placeholder="Authority" autoFocus={Boolean(existing)} />}
        </Field>
        <Field label="Letter" error={fieldErrors.letter} hint="One or two characters">
          {(control) => <input {...control} value={letter} onChange={(e) => setLetter(e.target.value)} size={3} />}
        </Field>
        <Field label="Colour" error={fieldErrors.colour}>
          {(control) => <input {...control} type="color" value={colour} onChange={(e) => setColour(e.target.value)} />}
        </Field>
      </div>
      <TypeFormActions editing={Boolean(existing)} busy={busy} onCancel={onDone} />
    </form>
  );
}

/** Asks before deleting a type; its entities, if any, take the type chosen here. */
function DeleteEntityType({
  type,
  count,
  others,
  onDone,
}: {
  type: CaseEntityType;
  count: number;
  others: readonly CaseEntityType[];
  onDone: () => void;
}) {
  const [replaceWith, setReplaceWith] = useState('other');
  const { run, busy, fieldErrors, formError } = useOperation();
  const confirm = async () => {
    const done = await run(() => operations.deleteEntityType(type.id, { replaceWith: count ? replaceWith : null }));
    if (done) onDone();
  };
  return (
    <DeleteTypeGroup
      label={`Delete the type ${type.name}`}
      error={formError ?? fieldErrors.replaceWith ?? null}
      busy={busy}
      onKeep={onDone}
      onDelete={() => void confirm()}
    >
      {count > 0 ? (
        <Field label={`Its ${count === 1 ? 'entity becomes' : `${count.toLocaleString('en')} entities become`}`}>
          {(control) => (
            <select {...control} value={replaceWith} onChange={(e) => setReplaceWith(e.target.value)}>
              <EntityTypeOptions ownTypes={others} />
            </select>
          )}
        </Field>
      ) : (
        <p className="small">No entity has this type.</p>
      )}
    </DeleteTypeGroup>
  );
}
