import { useCallback } from 'react';
import type { TimelineEvent } from '../../../../shared/domain';
import { eventWhen } from '../../../../shared/eventDates';
import { PickerBox } from '../../components/PickerBox';
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
  const matching = useCallback((typed: string) => matchingEvents(events, typed), [events]);
  return (
    <PickerBox
      label={label}
      placeholder="Type a title or a date"
      matching={matching}
      keyOf={(event) => event.id}
      render={(event) => (
        <>
          {event.title} <span className="muted small">{eventWhen(event)}</span>
        </>
      )}
      none="No other event of this case has a title or date like that."
      onPick={onPick}
      onCancel={onCancel}
    />
  );
}
