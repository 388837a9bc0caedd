/**
 * Where the case's dates disagree: events marked as the same happening whose dates do not meet, and events whose
 * evidence names dates none of which meets the event's. Two dates agree when the spans they cover overlap, as the
 * timeline draws them: "March 2021" agrees with "9 March 2021", "about 2019" with 2020 (about reaches a unit either
 * side), "before March 2021" with any earlier date. Undated events have nothing to disagree with and are left out.
 */
import type { EventDate, TimelineEvent } from '../../../shared/domain';
import type { FoundDate, ResolvedDate } from '../dates/types';
import { drawnSpan } from './span';

/** What the check reads of an event. */
export type CheckedEvent = Pick<TimelineEvent, 'id' | 'title' | 'start' | 'end' | 'sameAs' | 'evidenceIds'>;

/** An event with a date. */
export type DatedEvent = CheckedEvent & { start: EventDate };

export type Conflict =
  | {
      kind: 'same-happening';
      /** The group's id, shared by its events. */
      key: string;
      /** The group's dated events, in the order given. */
      events: DatedEvent[];
    }
  | {
      kind: 'evidence';
      /** The event's id and the excerpt's. */
      key: string;
      event: DatedEvent;
      excerptId: string;
      /** The dates the excerpt's quote names, resolved; none agrees with the event's. */
      dates: FoundDate[];
    };

/** The time a date or range can stand for: a span as drawn, with an open side ("before", "after") reaching without end. */
function reach(date: { start: EventDate; end: EventDate | null }): { start: number; end: number } {
  const span = drawnSpan(date.start, date.end);
  return { start: span.openStart ? -Infinity : span.start, end: span.openEnd ? Infinity : span.end };
}

/** Whether two dates (or ranges) can stand for the same time: their spans overlap. */
export function datesAgree(a: { start: EventDate; end: EventDate | null }, b: { start: EventDate; end: EventDate | null }): boolean {
  const one = reach(a);
  const other = reach(b);
  return one.start < other.end && other.start < one.end;
}

const isDated = (event: CheckedEvent): event is DatedEvent => event.start !== null;
const resolvedOf = (date: FoundDate): ResolvedDate | null => date.resolved;

/**
 * The conflicts among the events, in the order of the events given (the chronology's): a group where it first
 * appears, then each event's evidence in its own order. `datesOfExcerpt` holds the dates found in each evidence
 * excerpt's quote; an excerpt not in it (not read yet, or deleted) is not checked, nor a date the quote names only
 * relative to an unknown one.
 */
export function findConflicts(events: readonly CheckedEvent[], datesOfExcerpt: ReadonlyMap<string, readonly FoundDate[]>): Conflict[] {
  const groups = new Map<string, DatedEvent[]>();
  for (const event of events) if (event.sameAs && isDated(event)) groups.set(event.sameAs, [...(groups.get(event.sameAs) ?? []), event]);

  const conflicts: Conflict[] = [];
  const listed = new Set<string>();
  for (const event of events) {
    const group = event.sameAs ? groups.get(event.sameAs) : undefined;
    if (group && !listed.has(event.sameAs!)) {
      listed.add(event.sameAs!);
      const disagreeing = group.some((one, index) => group.slice(index + 1).some((other) => !datesAgree(one, other)));
      if (disagreeing) conflicts.push({ kind: 'same-happening', key: event.sameAs!, events: group });
    }
    if (!isDated(event)) continue;
    for (const excerptId of new Set(event.evidenceIds)) {
      const dates = (datesOfExcerpt.get(excerptId) ?? []).filter((date) => resolvedOf(date) !== null);
      if (dates.length && !dates.some((date) => datesAgree(event, date.resolved!)))
        conflicts.push({ kind: 'evidence', key: `${event.id} ${excerptId}`, event, excerptId, dates });
    }
  }
  return conflicts;
}

/** The excerpts whose quotes the check needs read: the evidence of dated events. */
export function excerptsToCheck(events: readonly CheckedEvent[]): string[] {
  return [...new Set(events.filter(isDated).flatMap((event) => event.evidenceIds))];
}
