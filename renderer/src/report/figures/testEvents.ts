/** Events for the figures' unit tests, dated as a researcher would date them. */
import type { DateQualifier, EventDate, EventStatus, TimelineEvent } from '../../../../shared/domain';
import { eventSortKey } from '../../../../shared/eventOrder';
import { precisionOf } from '../../../../shared/partialDate';

export function date(value: string, qualifier: DateQualifier | null = null): EventDate {
  return { value, precision: precisionOf(value)!, qualifier };
}

let added = 0;

export function event(id: string, start: EventDate | null, extra: Partial<TimelineEvent> & { status?: EventStatus } = {}): TimelineEvent {
  const createdAt = new Date(Date.UTC(2026, 0, 1) + added++ * 1000).toISOString();
  return {
    id,
    caseId: 'case',
    createdAt,
    updatedAt: createdAt,
    title: id,
    start,
    end: null,
    sortKey: eventSortKey(start, createdAt),
    placeId: null,
    participants: [],
    participantIds: [],
    evidenceIds: [],
    tags: [],
    confidence: 'confirmed',
    status: 'undisputed',
    sameAs: null,
    description: null,
    ...extra,
  };
}
