import Dexie from 'dexie';
import type { TimelineEvent } from '../../../../shared/domain';
import type { CasebookDB } from '../schema';

/** The case's timeline, in date order. */
export function timeline(db: CasebookDB, caseId: string): Promise<TimelineEvent[]> {
  return db.events.where('[caseId+sortKey]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray();
}

/** One event, or null when it does not exist (so a view can tell "gone" from "still loading"). */
export async function eventById(db: CasebookDB, id: string): Promise<TimelineEvent | null> {
  return (await db.events.get(id)) ?? null;
}
