import type { TimelineEvent } from '../../../shared/domain';
import { sortKeyOf } from '../../../shared/partialDate';
import { eventInputSchema, type EventInput } from '../../../shared/validation';
import type { CasebookDB } from '../db/schema';
import { editRecord, newId, now, parseInput, quoted, writeCase } from './writeCase';

export async function createEvent(db: CasebookDB, caseId: string, input: EventInput): Promise<TimelineEvent> {
  const parsed = parseInput(eventInputSchema, input);
  const at = now();
  const event: TimelineEvent = {
    id: newId(),
    caseId,
    ...parsed,
    sortKey: sortKeyOf(parsed.start),
    createdAt: at,
    updatedAt: at,
  };
  return writeCase(db, caseId, ['events'], async () => {
    await db.events.add(event);
    return {
      result: event,
      change: {
        action: 'create',
        summary: `Added event ${quoted(event.title)}`,
        records: [{ type: 'event', id: event.id }],
      },
    };
  });
}

export async function updateEvent(db: CasebookDB, eventId: string, input: EventInput): Promise<TimelineEvent> {
  const parsed = parseInput(eventInputSchema, input);
  const missing = 'This event no longer exists. It may have been deleted in another window.';
  return editRecord(db, db.events, eventId, missing, [], async (existing) => {
    const updated: TimelineEvent = { ...existing, ...parsed, sortKey: sortKeyOf(parsed.start), updatedAt: now() };
    await db.events.put(updated);
    return {
      result: updated,
      change: {
        action: 'update',
        summary: `Edited event ${quoted(updated.title)}`,
        records: [{ type: 'event', id: eventId }],
      },
    };
  });
}
