import { useCallback } from 'react';
import type { Entity } from '../../../../shared/domain';
import { PickerBox } from '../../components/PickerBox';
import { fold } from '../../search/fold';

/** How many entities the list shows at once: enough to choose from, short enough to read. */
const SHOWN = 8;

/**
 * The entities whose name or an alias holds what was typed (case and accents aside): names that begin with it first
 * ("Vellport" before "Office of the Public Prosecutor, Vellport"), then names holding it, then aliases.
 */
export function matchingEntities(entities: readonly Entity[], typed: string): Entity[] {
  const key = fold(typed.trim());
  if (!key) return entities.slice(0, SHOWN);
  const byName = entities.filter((entity) => fold(entity.name).includes(key));
  const starting = byName.filter((entity) => fold(entity.name).startsWith(key));
  const byAlias = entities.filter((entity) => !byName.includes(entity) && entity.aliases.some((alias) => fold(alias.name).includes(key)));
  return [...starting, ...byName.filter((entity) => !starting.includes(entity)), ...byAlias].slice(0, SHOWN);
}

/**
 * A box that finds one of the case's entities as the researcher types (name or alias, case and accents aside): Up
 * and Down move in the list, Enter picks. Picking calls `onPick`; the form around it decides what follows.
 */
export function EntityPicker({
  entities,
  label,
  initial = '',
  error,
  onPick,
}: {
  entities: readonly Entity[];
  label: string;
  initial?: string;
  error?: string | null;
  onPick(entity: Entity): void;
}) {
  const matching = useCallback((typed: string) => matchingEntities(entities, typed), [entities]);
  return (
    <PickerBox
      label={label}
      placeholder="Type a name or an alias"
      matching={matching}
      keyOf={(entity) => entity.id}
      render={(entity) => (
        <>
          {entity.name} <span className="muted small">{entity.type}</span>
        </>
      )}
      none="No entity of this case is named like that."
      onPick={onPick}
      initial={initial}
      error={error ?? null}
    />
  );
}
