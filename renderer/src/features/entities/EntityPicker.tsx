import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Entity } from '../../../../shared/domain';
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
  const id = useId();
  const [query, setQuery] = useState(initial);
  const [active, setActive] = useState(0);
  const options = useMemo(() => matchingEntities(entities, query), [entities, query]);
  const current = Math.min(active, Math.max(0, options.length - 1));
  const optionId = (index: number) => `${id}-option-${index}`;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(event.key === 'ArrowDown' ? Math.min(current + 1, options.length - 1) : Math.max(current - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = options[current];
      if (chosen) onPick(chosen);
    }
  };

  return (
    <div className="field entity-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={options.length ? optionId(current) : undefined}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        autoComplete="off"
        placeholder="Type a name or an alias"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        autoFocus
      />
      <ul id={`${id}-list`} role="listbox" aria-label={`${label}: matches`} className="entity-options">
        {options.map((entity, index) => (
          <li
            key={entity.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            onMouseDown={(event) => {
              event.preventDefault();
              onPick(entity);
            }}
          >
            {entity.name} <span className="muted small">{entity.type}</span>
          </li>
        ))}
      </ul>
      {!options.length && <p className="muted small">No entity of this case is named like that.</p>}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
