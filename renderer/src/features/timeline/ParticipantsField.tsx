import { useId, useState } from 'react';
import type { Entity, EventParticipant } from '../../../../shared/domain';
import { EntityPicker } from '../entities/EntityPicker';

/**
 * The entities taking part in an event, each with its role ("buyer", "arrested"), removed one by one; *Add a
 * participant* finds another by name or alias. Entities offered (those an excerpt names) are ticked in or out.
 */
export function ParticipantsField({
  entities,
  value,
  onChange,
  offered = [],
  error,
}: {
  entities: readonly Entity[];
  value: readonly EventParticipant[];
  onChange(participants: EventParticipant[]): void;
  /** Entities to tick in or out as participants, with why they are offered. */
  offered?: readonly { entity: Entity; why: string }[];
  error: string | undefined;
}) {
  const id = useId();
  const [adding, setAdding] = useState(false);
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const has = (entityId: string) => value.some((participant) => participant.entityId === entityId);
  const add = (entityId: string) => onChange(has(entityId) ? [...value] : [...value, { entityId, role: null }]);
  const remove = (entityId: string) => onChange(value.filter((participant) => participant.entityId !== entityId));
  const setRole = (entityId: string, role: string) =>
    onChange(value.map((participant) => (participant.entityId === entityId ? { ...participant, role } : participant)));
  return (
    <fieldset className="event-participants" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>Participants{value.length ? ` (${value.length})` : ''}</legend>
      {offered.length > 0 && (
        <div role="group" aria-label="Participants offered from the excerpt">
          <p className="small muted">From the excerpt:</p>
          {offered.map(({ entity, why }) => (
            <label key={entity.id} className="small" style={{ display: 'block' }}>
              <input type="checkbox" checked={has(entity.id)} onChange={(event) => (event.target.checked ? add(entity.id) : remove(entity.id))} />{' '}
              {entity.name} <span className="muted">({why})</span>
            </label>
          ))}
        </div>
      )}
      {value.length > 0 && (
        <ul className="plain-list">
          {value.map((participant) => {
            const name = byId.get(participant.entityId)?.name ?? 'An entity deleted meanwhile';
            return (
              <li key={participant.entityId} className="row">
                <span style={{ flex: 1 }}>{name}</span>
                <input
                  aria-label={`Role of ${name}`}
                  placeholder="Role (optional)"
                  value={participant.role ?? ''}
                  onChange={(event) => setRole(participant.entityId, event.target.value)}
                />
                <button type="button" className="small" onClick={() => remove(participant.entityId)} aria-label={`Remove ${name}`}>
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {adding ? (
        <>
          <EntityPicker
            entities={entities.filter((entity) => !has(entity.id))}
            label="Add a participant"
            onPick={(entity) => {
              add(entity.id);
              setAdding(false);
            }}
          />
          <button type="button" className="small" onClick={() => setAdding(false)}>
            Done adding
          </button>
        </>
      ) : (
        <button type="button" className="small" onClick={() => setAdding(true)}>
          Add a participant
        </button>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
