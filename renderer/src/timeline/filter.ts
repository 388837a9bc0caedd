/** The filters the timeline and the chronological list share, and what they can be set to in a case. */
import type { Confidence, EventStatus } from '../../../shared/domain';
import { CONFIDENCES, EVENT_STATUSES } from '../../../shared/domain';
import type { TimelineData, TimelineItem } from './timelineData';

/** What the researcher asked to see; null: any. */
export interface TimelineFilter {
  /** An entity taking part in the event or its place. */
  entity: string | null;
  tag: string | null;
  confidence: Confidence | null;
  status: EventStatus | null;
}

export const NO_FILTER: TimelineFilter = { entity: null, tag: null, confidence: null, status: null };

export function matchesFilter(item: TimelineItem, filter: TimelineFilter): boolean {
  return (
    (filter.entity === null || item.lanes.place === filter.entity || item.lanes.participants.includes(filter.entity)) &&
    (filter.tag === null || item.lanes.tags.includes(filter.tag)) &&
    (filter.confidence === null || item.confidence === filter.confidence) &&
    (filter.status === null || item.status === filter.status)
  );
}

export function filterItems(items: readonly TimelineItem[], filter: TimelineFilter): readonly TimelineItem[] {
  const none = filter.entity === null && filter.tag === null && filter.confidence === null && filter.status === null;
  return none ? items : items.filter((item) => matchesFilter(item, filter));
}

export interface FilterChoices {
  /** Entities the events involve or take place at, by name. */
  entities: { id: string; name: string }[];
  tags: { id: string; name: string }[];
  confidences: Confidence[];
  statuses: EventStatus[];
}

/** What each filter can be set to: only values some event has, so no choice empties the chronology by itself. */
export function filterChoices({ items, names }: TimelineData): FilterChoices {
  const entities = new Set<string>();
  const tags = new Set<string>();
  const confidences = new Set<Confidence>();
  const statuses = new Set<EventStatus>();
  for (const item of items) {
    for (const id of item.lanes.participants) entities.add(id);
    if (item.lanes.place) entities.add(item.lanes.place);
    for (const id of item.lanes.tags) tags.add(id);
    if (item.confidence) confidences.add(item.confidence);
    if (item.status) statuses.add(item.status);
  }
  const named = (ids: Set<string>) =>
    [...ids].map((id) => ({ id, name: names[id] ?? id })).sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  return {
    entities: named(entities),
    tags: named(tags),
    confidences: CONFIDENCES.filter((value) => confidences.has(value)),
    statuses: EVENT_STATUSES.filter((value) => statuses.has(value)),
  };
}
