import { useId, useState } from 'react';
import type { Entity } from '../../../../shared/domain';
import { EntityPicker } from '../entities/EntityPicker';

/** Where an event happened: one of the case's place entities, chosen by name or alias, changed or removed. */
export function PlaceField({
  places,
  value,
  onChange,
  error,
}: {
  /** The case's place entities. */
  places: readonly Entity[];
  value: string | null;
  onChange(placeId: string | null): void;
  error: string | undefined;
}) {
  const id = useId();
  const [choosing, setChoosing] = useState(false);
  const place = places.find((entity) => entity.id === value);
  return (
    <div className="field event-place" role="group" aria-labelledby={`${id}-label`} aria-describedby={error ? `${id}-error` : undefined}>
      <span id={`${id}-label`} className="label">
        Place
      </span>
      {choosing ? (
        <>
          <EntityPicker
            entities={places}
            label="Choose the place"
            onPick={(entity) => {
              onChange(entity.id);
              setChoosing(false);
            }}
          />
          <button type="button" className="small" onClick={() => setChoosing(false)}>
            Keep the place as it was
          </button>
        </>
      ) : (
        <div className="row">
          <span>{value ? (place?.name ?? 'A place deleted meanwhile') : <span className="muted">No place</span>}</span>
          <button type="button" className="small" onClick={() => setChoosing(true)}>
            {value ? 'Change the place' : 'Choose a place'}
          </button>
          {value && (
            <button type="button" className="small" onClick={() => onChange(null)}>
              Remove the place
            </button>
          )}
        </div>
      )}
      {!places.length && choosing && <p className="muted small">This case has no place entities yet: add one in Entities.</p>}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
