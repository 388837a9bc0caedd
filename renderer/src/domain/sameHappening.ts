/**
 * Events the researcher marks as the same happening, recorded by different sources (often with different dates): they
 * share one id in `sameAs`, the id of one of them, so the conflicts view can set their dates side by side. Marking two
 * events of different groups joins the groups; an event taken out leaves the rest together, and a group of one is no
 * group.
 */
import type { TimelineEvent } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { NotFoundError, ValidationError } from './errors';
import { now, quoted, writeCase } from './writeCase';

const MISSING = 'This event no longer exists. It may have been deleted in another window.';

const refusal = (message: string) => new ValidationError([{ field: 'sameAs', message }]);

/** The events sharing a group id, the one named by it included. */
const groupOf = (db: CasebookDB, groupId: string): Promise<TimelineEvent[]> => db.events.where('sameAs').equals(groupId).toArray();

/**
 * Gives the events left in a group one id again: the group's own while that event is still in it, else the earliest
 * made of them; a lone event is no group any more.
 */
async function regroup(db: CasebookDB, members: readonly TimelineEvent[], at: string): Promise<void> {
  const ids = new Set(members.map((member) => member.id));
  const first = [...members].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))[0];
  const groupId = members.length < 2 ? null : members.find((member) => member.sameAs && ids.has(member.sameAs))?.sameAs ?? first!.id;
  const changed = members.filter((member) => member.sameAs !== groupId);
  await db.events.bulkPut(changed.map((member) => ({ ...member, sameAs: groupId, updatedAt: at })));
}

/**
 * Marks an event as the same happening as another of its case. Their groups, where they have them, become one: every
 * event of either shares the other event's group id (or the other event's own id when it had no group).
 */
export async function markSameHappening(db: CasebookDB, eventId: string, otherId: string): Promise<TimelineEvent[]> {
  if (eventId === otherId) throw refusal('An event cannot be marked as the same happening as itself: choose another event.');
  const found = await db.events.get(eventId);
  if (!found) throw new NotFoundError(MISSING);
  return writeCase(db, found.caseId, ['events'], async () => {
    const [event, other] = await db.events.bulkGet([eventId, otherId]);
    if (!event) throw new NotFoundError(MISSING);
    if (!other)
      throw refusal('The event chosen as the same happening no longer exists (deleted in another window?). Choose it again.');
    if (other.caseId !== event.caseId)
      throw refusal(`${quoted(other.title)} is an event of another case: only events of the same case can be the same happening.`);
    if (event.sameAs && event.sameAs === other.sameAs)
      throw refusal(`${quoted(event.title)} is already marked as the same happening as ${quoted(other.title)}.`);
    const groupId = other.sameAs ?? other.id;
    const members = new Map<string, TimelineEvent>([
      [event.id, event],
      [other.id, other],
    ]);
    for (const id of [event.sameAs, other.sameAs]) if (id) for (const member of await groupOf(db, id)) members.set(member.id, member);
    const at = now();
    const joined = [...members.values()].map((member) => ({ ...member, sameAs: groupId, updatedAt: at }));
    await db.events.bulkPut(joined.filter((member) => members.get(member.id)!.sameAs !== groupId));
    return {
      result: joined,
      change: {
        action: 'update',
        summary: `Marked event ${quoted(event.title)} as the same happening as ${quoted(other.title)}`,
        records: joined.map((member) => ({ type: 'event' as const, id: member.id })),
      },
    };
  });
}

/** Takes an event out of the group it was marked as the same happening with ("Not the same any more"). */
export async function separateSameHappening(db: CasebookDB, eventId: string): Promise<TimelineEvent> {
  const found = await db.events.get(eventId);
  if (!found) throw new NotFoundError(MISSING);
  return writeCase(db, found.caseId, ['events'], async () => {
    const event = await db.events.get(eventId);
    if (!event) throw new NotFoundError(MISSING);
    if (!event.sameAs) throw refusal(`${quoted(event.title)} is not marked as the same happening as any other event.`);
    const at = now();
    const others = (await groupOf(db, event.sameAs)).filter((member) => member.id !== eventId);
    const separated = { ...event, sameAs: null, updatedAt: at };
    await db.events.put(separated);
    await regroup(db, others, at);
    return {
      result: separated,
      change: {
        action: 'update',
        summary: `Marked event ${quoted(event.title)} as not the same happening as the ${others.length === 1 ? 'other event' : `${others.length} others`} any more`,
        records: [event, ...others].map((member) => ({ type: 'event' as const, id: member.id })),
      },
    };
  });
}

/**
 * Keeps the group of an event being deleted together without it, inside the deletion's transaction (which must
 * include `events`): the rest keep one id that names an event still there.
 */
export async function leaveSameHappening(db: CasebookDB, eventId: string): Promise<void> {
  const event = await db.events.get(eventId);
  if (!event?.sameAs) return;
  const others = (await groupOf(db, event.sameAs)).filter((member) => member.id !== eventId);
  await regroup(db, others, now());
}
