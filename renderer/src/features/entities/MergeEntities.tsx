import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Entity } from '../../../../shared/domain';
import { operations, queries } from '../../app/casebook';
import { Dialog } from '../../components/Dialog';
import { useOperation } from '../../components/useOperation';
import { formatDateTime } from '../../format';
import { EntityPicker } from './EntityPicker';

/**
 * Merges other entities into this one: they are chosen by typing their names or aliases, the dialog says what
 * follows, and one step merges them (their names become aliases, their attributes, tags, links and relationships
 * move here, and they are gone).
 */
export function MergeDialog({ caseId, kept, onClose }: { caseId: string; kept: Entity; onClose(): void }) {
  const entities = useLiveQuery(() => queries.entitiesByName(caseId), [caseId]);
  const [chosen, setChosen] = useState<Entity[]>([]);
  const { run, busy, fieldErrors, formError } = useOperation();
  const offered = (entities ?? []).filter((entity) => entity.id !== kept.id && !chosen.some((other) => other.id === entity.id));
  const merge = async () => {
    const merged = await run(() =>
      operations.mergeEntities(
        kept.id,
        chosen.map((entity) => entity.id),
      ),
    );
    if (merged) onClose();
  };
  const names = chosen.map((entity) => `“${entity.name}”`).join(', ');
  return (
    <Dialog title={`Merge into “${kept.name}”`} onClose={onClose}>
      <p className="small">
        The entities chosen become “{kept.name}”: their names and aliases are its aliases, their attributes and tags are
        kept, and every link, mention and relationship follows. The merge can be undone until a record it changed is
        changed again.
      </p>
      {entities && (
        <EntityPicker key={chosen.length} entities={offered} label="Entity to merge in" onPick={(entity) => setChosen([...chosen, entity])} />
      )}
      {chosen.length > 0 && (
        <ul aria-label="Entities to merge in" className="tag-chips">
          {chosen.map((entity) => (
            <li key={entity.id} className="badge">
              {entity.name}{' '}
              <button
                type="button"
                className="chip-remove"
                aria-label={`Do not merge ${entity.name}`}
                onClick={() => setChosen(chosen.filter((other) => other.id !== entity.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {(fieldErrors.mergeIds ?? fieldErrors.keepId ?? formError) && (
        <p className="field-error" role="alert">
          {fieldErrors.mergeIds ?? fieldErrors.keepId ?? formError}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={busy || !chosen.length} onClick={() => void merge()}>
          {chosen.length ? `Merge ${names} into “${kept.name}”` : 'Merge'}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}

/** The merges into this entity that can be undone, newest first, each with *Undo merge*. */
export function EntityMerges({ caseId, entityId }: { caseId: string; entityId: string }) {
  const merges = useLiveQuery(() => queries.mergesInto(caseId, entityId), [caseId, entityId]);
  const { run, busy, formError } = useOperation();
  const [undone, setUndone] = useState<string | null>(null);
  if (!merges?.length && !undone) return null;
  return (
    <section aria-label="Merges">
      {undone && (
        <p role="status" className="small">
          {undone}
        </p>
      )}
      {formError && (
        <p className="field-error" role="alert">
          {formError}
        </p>
      )}
      <ul>
        {(merges ?? []).map((entry) => (
          <li key={entry.seq}>
            {entry.summary} <span className="muted small">({formatDateTime(entry.at)})</span>{' '}
            <button
              type="button"
              disabled={busy}
              onClick={async () => {
                setUndone(null);
                const back = await run(() => operations.undoMerge(entry.seq!));
                if (back) setUndone(`Merge undone: ${back.filter((entity) => entity.id !== entityId).map((entity) => `“${entity.name}”`).join(', ')} back.`);
              }}
            >
              Undo merge
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
