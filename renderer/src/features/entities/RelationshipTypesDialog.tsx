import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { CaseRelationshipType } from '../../../../shared/domain';
import { operations, queries } from '../../app/casebook';
import { FormError } from '../../components/Field';
import { useOperation } from '../../components/useOperation';
import { DeleteTypeGroup, OwnTypesDialog, TypeFormActions } from './OwnTypesDialog';
import { RelationshipTypeFields } from './RelationshipTypeFields';
import { inverseForEditing, relationshipTypeChoices, relationshipTypeWords } from './relationshipView';

const relationshipsCount = (count: number) => (count === 1 ? '1 relationship' : `${count.toLocaleString('en')} relationships`);

/**
 * The case's own types of relationship ("director of" / "directed by"), beside the built-in ones: add one, change how
 * it reads either way, or delete it. A type relationships still have is not deleted: the domain says so, and how many.
 */
export function RelationshipTypesDialog({ caseId, onClose }: { caseId: string; onClose(): void }) {
  const ownTypes = useLiveQuery(() => queries.relationshipTypesOf(caseId), [caseId]) ?? [];
  const counts = useLiveQuery(() => queries.ownRelationshipTypeCounts(caseId), [caseId]);
  const countOf = (type: CaseRelationshipType) => counts?.get(type.id) ?? 0;
  const choices = relationshipTypeChoices(ownTypes);
  const builtIn = choices.filter((choice) => !choice.own);
  return (
    <OwnTypesDialog
      title="Relationship types"
      intro={
        <p className="muted small">
          Every case has these: {builtIn.map(relationshipTypeWords).join(', ')}. Add the types this case needs besides, each with how
          it reads back.
        </p>
      }
      listLabel="The case’s own relationship types"
      types={ownTypes}
      nameOf={(type) => type.label}
      renderRow={(type) => (
        <span style={{ flex: 1 }}>
          {relationshipTypeWords(choices.find((choice) => choice.value === type.id)!)}{' '}
          <span className="muted small">{relationshipsCount(countOf(type))}</span>
        </span>
      )}
      renderEdit={(type, onDone) => <RelationshipTypeForm caseId={caseId} existing={type} onDone={onDone} />}
      renderDelete={(type, onDone) => <DeleteRelationshipType type={type} count={countOf(type)} onDone={onDone} />}
      addForm={<RelationshipTypeForm caseId={caseId} />}
      onClose={onClose}
    />
  );
}

/** Adds a type (without `existing`), or changes how one reads either way. */
function RelationshipTypeForm({ caseId, existing, onDone }: { caseId: string; existing?: CaseRelationshipType; onDone?: () => void }) {
  const [label, setLabel] = useState(existing?.label ?? '');
  const [inverse, setInverse] = useState(existing ? inverseForEditing(existing) : '');
  const { run, busy, fieldErrors, formError } = useOperation();
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const input = { label, inverse: inverse.trim() || null };
    const saved = await run(() =>
      existing ? operations.updateRelationshipType(existing.id, input) : operations.createRelationshipType(caseId, input),
    );
    if (!saved) return;
    if (!existing) {
      setLabel('');
      setInverse('');
    }
    onDone?.();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={existing ? `Edit the type ${existing.label}` : 'New relationship type'}>
      <FormError message={formError} />
      <RelationshipTypeFields
        label={label}
        inverse={inverse}
        onLabel={setLabel}
        onInverse={setInverse}
        errors={fieldErrors}
        caption={existing ? 'Label' : 'New type'}
        autoFocus={Boolean(existing)}
      />
      <TypeFormActions editing={Boolean(existing)} busy={busy} onCancel={onDone} />
    </form>
  );
}

/** Asks before deleting a type, saying how many relationships have it; the domain refuses while any do, and says why. */
function DeleteRelationshipType({ type, count, onDone }: { type: CaseRelationshipType; count: number; onDone: () => void }) {
  const { run, busy, formError } = useOperation();
  const confirm = async () => {
    const deleted = await run(async () => {
      await operations.deleteRelationshipType(type.id);
      return true;
    });
    if (deleted) onDone();
  };
  return (
    <DeleteTypeGroup label={`Delete the type ${type.label}`} error={formError} busy={busy} onKeep={onDone} onDelete={() => void confirm()}>
      <p className="small">{count ? `${relationshipsCount(count)} ${count === 1 ? 'has' : 'have'} this type.` : 'No relationship has this type.'}</p>
    </DeleteTypeGroup>
  );
}
