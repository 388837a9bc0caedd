import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { TimelineEvent } from '../../../../shared/domain';
import { eventWhen } from '../../../../shared/eventDates';
import { fold } from '../../search/fold';

/** How many events the list shows at once: enough to choose from, short enough to read. */
const SHOWN = 8;

/** The events whose title or date (as shown: "9 March 2021", "about 2019") holds what was typed, case and accents aside. */
export function matchingEvents(events: readonly TimelineEvent[], typed: string): TimelineEvent[] {
  const key = fold(typed.trim());
  if (!key) return events.slice(0, SHOWN);
  return events.filter((event) => fold(event.title).includes(key) || fold(eventWhen(event)).includes(key)).slice(0, SHOWN);
}

/**
 * A box that finds one of the case's events as the researcher types its title or its date: Up and Down move in the
 * list, Enter picks, Escape gives up.
 */
export function EventPicker({
  events,
  label,
  onPick,
  onCancel,
}: {
  events: readonly TimelineEvent[];
  label: string;
  onPick(event: TimelineEvent): void;
  onCancel(): void;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const options = useMemo(() => matchingEvents(events, query), [events, query]);
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
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
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
        autoComplete="off"
        placeholder="Type a title or a date"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        autoFocus
      />
      <ul id={`${id}-list`} role="listbox" aria-label={`${label}: matches`} className="entity-options">
        {options.map((event, index) => (
          <li
            key={event.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            onMouseDown={(mouse) => {
              mouse.preventDefault();
              onPick(event);
            }}
          >
            {event.title} <span className="muted small">{eventWhen(event)}</span>
          </li>
        ))}
      </ul>
      {!options.length && <p className="muted small">No other event of this case has a title or date like that.</p>}
    </div>
  );
}
