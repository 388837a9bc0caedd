/**
 * What falls in a time range (the range brush set on the timeline), decided once for every section it filters:
 *
 * - an event, when the span it is drawn over meets the range (`overlaps`): a month-precision date is that whole month,
 *   "about 2019" reaches a year either side, a range from the start of its start to the end of its end; an undated
 *   event never falls in a range;
 * - a relationship, when its dates meet the range: from the start of its start to the end of its end, "from 2019" open
 *   towards the future, "until 2019" open towards the past; an undated relationship never falls in a range (the chart
 *   then shows only what the sources date to the range, not every tie its entities have);
 * - an entity, when it takes part in such an event, is its place, or is an end of such a relationship;
 * - an excerpt, when it is evidence of such an event or supports such a relationship. A document's published date is
 *   not used: an article of 2023 may well be about 2020, and its date says when it was written, not what happened.
 *
 * In the link chart, the entities in the range are drawn with the relationships in the range (both of whose ends are
 * in it by the rule above).
 */
import type { EventDate, PartialDate } from '../../../shared/domain';
import { drawnSpan, overlaps, spanOf } from './span';

/** A stretch of time in milliseconds since 1970 (UTC), its end excluded. */
export interface TimeWindow {
  start: number;
  end: number;
}

/** What of an event the rules read. */
export interface RangeEvent {
  id: string;
  start: EventDate | null;
  end: EventDate | null;
  participants: readonly { entityId: string }[];
  placeId: string | null;
  evidenceIds: readonly string[];
}

/** What of a relationship the rules read. */
export interface RangeRelationship {
  id: string;
  from: string;
  to: string;
  start: PartialDate | null;
  end: PartialDate | null;
  excerptIds: readonly string[];
}

export interface RangeRecords {
  events: readonly RangeEvent[];
  relationships: readonly RangeRelationship[];
}

/** The ids of what falls in a range, by kind. */
export interface InRange {
  events: ReadonlySet<string>;
  relationships: ReadonlySet<string>;
  entities: ReadonlySet<string>;
  excerpts: ReadonlySet<string>;
}

/** The time a relationship's dates cover, an open side unbounded; null when it has no date at all. */
export function relationshipSpan({ start, end }: Pick<RangeRelationship, 'start' | 'end'>): TimeWindow | null {
  if (!start && !end) return null;
  return { start: start ? spanOf(start).start : -Infinity, end: end ? spanOf(end).end : Infinity };
}

export function relationshipInRange(relationship: Pick<RangeRelationship, 'start' | 'end'>, range: TimeWindow): boolean {
  const span = relationshipSpan(relationship);
  return span !== null && span.start < range.end && span.end > range.start;
}

export function inRange({ events, relationships }: RangeRecords, range: TimeWindow): InRange {
  const result = { events: new Set<string>(), relationships: new Set<string>(), entities: new Set<string>(), excerpts: new Set<string>() };
  for (const event of events) {
    if (!overlaps(event, range)) continue;
    result.events.add(event.id);
    for (const { entityId } of event.participants) result.entities.add(entityId);
    if (event.placeId) result.entities.add(event.placeId);
    for (const id of event.evidenceIds) result.excerpts.add(id);
  }
  for (const relationship of relationships) {
    if (!relationshipInRange(relationship, range)) continue;
    result.relationships.add(relationship.id);
    result.entities.add(relationship.from);
    result.entities.add(relationship.to);
    for (const id of relationship.excerptIds) result.excerpts.add(id);
  }
  return result;
}

/** The range typed dates cover, as the timeline draws them: "September 2020" to "April 2021" is 1 September 2020 up to 1 May 2021. */
export function windowOfDates(start: EventDate, end: EventDate | null = null): TimeWindow {
  const span = drawnSpan(start, end);
  return { start: span.start, end: span.end };
}

const dayWords = (ms: number) => new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A range in words, its first and last days: "15 September 2020 and 24 April 2021" (the end is excluded, so its day is the one before). */
export function rangeWords(range: TimeWindow): { from: string; to: string } {
  return { from: dayWords(range.start), to: dayWords(Math.max(range.start, range.end - 1)) };
}
