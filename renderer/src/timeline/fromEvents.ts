/**
 * The case's events as the timeline draws them: the one place that knows both the stored event and `TimelineItem`,
 * so a change to the event model changes only this adapter.
 */
import type { TimelineEvent } from '../../../shared/domain';
import type { TimelineRecords } from '../db/queries/timelineView';
import type { TimelineData, TimelineItem } from './timelineData';

export function timelineDataOf({ events, links, names, excerptDocuments }: TimelineRecords): TimelineData {
  const items = new Map<string, TimelineItem>(
    events.map((event: TimelineEvent) => [
      event.id,
      {
        id: event.id,
        title: event.title,
        createdAt: event.createdAt,
        start: event.start,
        end: event.end,
        lanes: {
          participants: [...new Set(event.participants.map((participant) => participant.entityId))],
          place: event.placeId,
          tags: [...event.tags],
          documents: [],
        },
        confidence: event.confidence,
        status: event.status,
      },
    ]),
  );
  // An event's documents are those its evidence quotes (and any document linked to it as evidence).
  for (const event of events) {
    const lanes = items.get(event.id)!.lanes;
    for (const excerptId of event.evidenceIds) {
      const documentId = excerptDocuments[excerptId];
      if (documentId && !lanes.documents.includes(documentId)) lanes.documents.push(documentId);
    }
  }
  for (const link of links) {
    const lanes = items.get(link.from.id)?.lanes;
    if (lanes && link.to.type === 'document' && !lanes.documents.includes(link.to.id)) lanes.documents.push(link.to.id);
  }
  return { items: [...items.values()], names };
}
