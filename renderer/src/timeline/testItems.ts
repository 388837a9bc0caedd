/** Timeline items for the unit tests, written as the researcher would date them. */
import type { DateQualifier, EventDate } from '../../../shared/domain';
import { precisionOf } from '../../../shared/partialDate';
import type { TimelineItem } from './timelineData';

export function date(value: string, qualifier: DateQualifier | null = null): EventDate {
  return { value, precision: precisionOf(value)!, qualifier };
}

export function item(id: string, start: EventDate | null, extra: Partial<TimelineItem> = {}): TimelineItem {
  return {
    id,
    title: id,
    createdAt: '2026-01-01T00:00:00.000Z',
    start,
    end: null,
    lanes: { participants: [], place: null, tags: [], documents: [] },
    confidence: null,
    status: null,
    ...extra,
  };
}
