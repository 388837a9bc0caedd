import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { CONFIDENCES, type Confidence, type Entity, type PartialDate, type Relationship, type RichText } from '../../../../shared/domain';
import { formatPartialDate, parsePartialDate } from '../../../../shared/partialDate';
import { operations, queries } from '../../app/casebook';
import { Field, FormActions, FormError } from '../../components/Field';
import { useOperation } from '../../components/useOperation';
import { ChoiceField } from '../../components/ChoiceField';
import { RichTextField } from '../../editor/RichTextField';
import { EntityPicker } from './EntityPicker';
import { RelationshipTypeDialog } from './RelationshipTypeDialog';
import { SupportingExcerptsPicker } from './SupportingExcerptsPicker';
import { relationshipTypeChoices } from './relationshipView';

const DATE_HINT = 'As precisely as you know it: 2021, 2021-03 or 2021-03-09';
const asText = (date: PartialDate | null | undefined) => date?.value.replace('T', ' ') ?? '';
/** An unreadable date goes to the domain as typed, so its validation puts the message beside the field. */
const dateOf = (text: string): PartialDate | null => (text.trim() ? (parsePartialDate(text) ?? { value: text.trim(), precision: 'day' }) : null);
const preview = (text: string, empty: string) => {
  if (!text.trim()) return empty;
  const parsed = parsePartialDate(text);
  return parsed ? `Reads as ${formatPartialDate(parsed)}` : DATE_HINT;
};

/**
 * Adds a relationship of an entity with another, or edits one: its type (built-in or the case's own, with a new one
 * made on the spot), which way it goes, the other entity, the dates it held, how sure it is, the excerpts that support
 * it and a note. The domain's refusals (the entity itself, a "located in" circle, one already recorded) show as it
 * words them, beside the field they concern.
 */
export function RelationshipForm({
  caseId,
  entity,
  existing,
  onDone,
}: {
  caseId: string;
  entity: Entity;
  existing?: Relationship;
  onDone: () => void;
}) {
  const entities = useLiveQuery(() => queries.entitiesByName(caseId), [caseId]);
  const ownTypes = useLiveQuery(() => queries.relationshipTypesOf(caseId), [caseId]) ?? [];
  const [type, setType] = useState(existing?.type ?? 'works-for');
  const [outgoing, setOutgoing] = useState(existing ? existing.from === entity.id : true);
  const [otherId, setOtherId] = useState(existing ? (existing.from === entity.id ? existing.to : existing.from) : '');
  const [start, setStart] = useState(asText(existing?.start));
  const [end, setEnd] = useState(asText(existing?.end));
  const [confidence, setConfidence] = useState<Confidence>(existing?.confidence ?? 'unverified');
  const [excerptIds, setExcerptIds] = useState<string[]>(existing?.excerptIds ?? []);
  const [note, setNote] = useState<RichText | null>(existing?.note ?? null);
  const [newType, setNewType] = useState(false);
  const { run, busy, fieldErrors, formError } = useOperation();
  const direction = useId();

  const choices = relationshipTypeChoices(ownTypes);
  const chosenType = choices.find((choice) => choice.value === type);
  const other = entities?.find((candidate) => candidate.id === otherId);
  const otherName = other?.name ?? 'the other entity';
  const label = chosenType?.label ?? 'related to';

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const [from, to] = outgoing ? [entity.id, otherId] : [otherId, entity.id];
    const input = { from, to, type, start: dateOf(start), end: dateOf(end), confidence, excerptIds, note };
    const saved = await run(() => (existing ? operations.updateRelationship(existing.id, input) : operations.createRelationship(caseId, input)));
    if (saved) onDone();
  };

  // The domain names the end it refuses ("to" for itself or a circle, "from" when read the other way round): here
  // that is always the other entity's field.
  if (entities === undefined) return null;
  const otherError = outgoing ? (fieldErrors.to ?? fieldErrors.from) : (fieldErrors.from ?? fieldErrors.to);
  return (
    <>
      <form onSubmit={submit} noValidate aria-label={existing ? 'Edit relationship' : 'New relationship'} className="relationship-form notice">
        <FormError message={formError} />
        <div className="row" style={{ alignItems: 'flex-end' }}>
          <Field label="Relationship" error={fieldErrors.type}>
            {(control) => (
              <select {...control} value={type} onChange={(e) => setType(e.target.value)}>
                {choices.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.symmetric ? choice.label : `${choice.label} (${choice.inverse})`}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="button" className="small" onClick={() => setNewType(true)}>
            New relationship type…
          </button>
        </div>
        {!chosenType?.symmetric && (
          <fieldset className="row">
            <legend>Direction</legend>
            <label>
              <input type="radio" name={direction} checked={outgoing} onChange={() => setOutgoing(true)} /> {entity.name} {label} {otherName}
            </label>
            <label>
              <input type="radio" name={direction} checked={!outgoing} onChange={() => setOutgoing(false)} /> {otherName} {label} {entity.name}
            </label>
          </fieldset>
        )}
        <EntityPicker
          entities={entities}
          label="Other entity"
          initial={existing ? (other?.name ?? '') : ''}
          error={otherError ?? null}
          onPick={(picked) => setOtherId(picked.id)}
        />
        <p className="small" role="status">
          {other ? (
            <>
              Reads: <strong>{outgoing || chosenType?.symmetric ? `${entity.name} ${label} ${other.name}` : `${other.name} ${label} ${entity.name}`}</strong>
            </>
          ) : (
            <span className="muted">Choose the other entity from the list (Up, Down, Enter).</span>
          )}
        </p>
        <div className="row">
          <Field label="From" error={fieldErrors.start} hint={preview(start, 'Optional')}>
            {(control) => <input {...control} value={start} onChange={(e) => setStart(e.target.value)} placeholder="YYYY-MM" />}
          </Field>
          <Field label="To" error={fieldErrors.end} hint={preview(end, 'Optional')}>
            {(control) => <input {...control} value={end} onChange={(e) => setEnd(e.target.value)} placeholder="YYYY-MM" />}
          </Field>
          <ChoiceField label="Confidence" error={fieldErrors.confidence} options={CONFIDENCES} value={confidence} onChange={setConfidence} />
        </div>
        <SupportingExcerptsPicker
          caseId={caseId}
          entityIds={otherId ? [entity.id, otherId] : [entity.id]}
          value={excerptIds}
          onChange={setExcerptIds}
          error={fieldErrors.excerptIds}
        />
        <RichTextField label="Note" editorLabel="Relationship note" value={note} onChange={setNote} />
        <FormActions submitLabel={existing ? 'Save relationship' : 'Add relationship'} busy={busy} onCancel={onDone} />
      </form>
      {newType && (
        <RelationshipTypeDialog
          caseId={caseId}
          onClose={() => setNewType(false)}
          onCreated={(created) => {
            setType(created.id);
            setNewType(false);
          }}
        />
      )}
    </>
  );
}
