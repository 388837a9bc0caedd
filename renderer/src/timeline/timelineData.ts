/**
 * What the timeline and the chronological list draw, as plain data: a case's events as the caller read them, with no
 * knowledge of the database (`fromEvents.ts` builds it from the case's records; the bench builds it from thin air).
 */
import type { Confidence, EventDate, EventStatus } from '../../../shared/domain';

/** What an event's lane can be chosen by. Each names a field of `TimelineItem['lanes']`. */
export const LANE_KINDS = ['participants', 'place', 'tags', 'documents'] as const;
export type LaneKind = (typeof LANE_KINDS)[number];

export const LANE_LABELS: Readonly<Record<LaneKind, { label: string; none: string }>> = {
  participants: { label: 'Participant', none: 'No participant' },
  place: { label: 'Place', none: 'No place' },
  tags: { label: 'Tag', none: 'No tag' },
  documents: { label: 'Document', none: 'No document' },
};

export interface TimelineItem {
  /** The event's id: what `onOpen` is called with. */
  id: string;
  title: string;
  /** When the event was added: it settles the order of events dated alike, as the stored order does. */
  createdAt: string;
  /** Null: undated, kept in its own lane until its date is found. */
  start: EventDate | null;
  /** Null: a single date, not a range. */
  end: EventDate | null;
  /** Ids of what the event belongs to, by kind of lane; their names are in `TimelineData.names`. */
  lanes: { participants: string[]; place: string | null; tags: string[]; documents: string[] };
  confidence: Confidence | null;
  status: EventStatus | null;
}

export interface TimelineData {
  items: TimelineItem[];
  /** The names of the entities, tags and documents the lanes refer to, by id. */
  names: Readonly<Record<string, string>>;
}

/** The ids of an item's lanes of one kind: none, one (a place) or several (participants). */
export function lanesOf(item: TimelineItem, kind: LaneKind): readonly string[] {
  const lanes = item.lanes[kind];
  return lanes === null ? [] : typeof lanes === 'string' ? [lanes] : lanes;
}
