/**
 * The case's events as the timeline draws them: the one place that knows both the stored event and `TimelineItem`,
 * so a change to the event model changes only this adapter.
 */
import type { PartialDate, TimelineEvent } from '../../../shared/domain';
import type { TimelineRecords } from '../db/queries/timelineView';
import type { TimelineData, TimelineItem } from './timelineData';

const dated = (date: PartialDate) => ({ value: date.value, precision: date.precision, qualifier: null });

export function timelineDataOf({ events, links, names, excerptDocuments }: TimelineRecords): TimelineData {
  const items = new Map<string, TimelineItem>(
    events.map((event: TimelineEvent) => [
      event.id,
      {
        id: event.id,
        title: event.title,
        start: dated(event.start),
        end: event.end ? dated(event.end) : null,
        lanes: { participants: [], place: null, tags: [], documents: [] },
        confidence: null,
        status: null,
      },
    ]),
  );
  for (const link of links) {
    const lanes = items.get(link.from.id)?.lanes;
    if (!lanes) continue;
    if (link.kind === 'involves' && link.to.type === 'entity' && !lanes.participants.includes(link.to.id)) lanes.participants.push(link.to.id);
    if (link.kind === 'located-in' && link.to.type === 'entity') lanes.place ??= link.to.id;
    if (link.kind === 'evidence') {
      const documentId = link.to.type === 'document' ? link.to.id : excerptDocuments[link.to.id];
      if (documentId && !lanes.documents.includes(documentId)) lanes.documents.push(documentId);
    }
  }
  return { items: [...items.values()], names };
}
