import Dexie from 'dexie';
import type { Entity, Excerpt, TimelineEvent } from '../../../../shared/domain';
import type { CasebookDB } from '../schema';

/**
 * The case's timeline in order, through one index: a year before its months, a month before its days, a range by its
 * start, ties in the order they were added, undated events last (see `shared/eventDates.ts`).
 */
export function timeline(db: CasebookDB, caseId: string): Promise<TimelineEvent[]> {
  return db.events.where('[caseId+sortKey]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray();
}

/** One event, or null when it does not exist (so a view can tell "gone" from "still loading"). */
export async function eventById(db: CasebookDB, id: string): Promise<TimelineEvent | null> {
  return (await db.events.get(id)) ?? null;
}

/** An event with the records it names, as its page shows them; those deleted meanwhile are left out. */
export interface EventRecords {
  event: TimelineEvent;
  place: Entity | null;
  /** Each participant with its entity, in the event's order. */
  participants: { entity: Entity; role: string | null }[];
  evidence: Excerpt[];
}

export async function eventWithRecords(db: CasebookDB, id: string): Promise<EventRecords | null> {
  const event = await db.events.get(id);
  if (!event) return null;
  const [entities, evidence] = await Promise.all([
    db.entities.bulkGet([...event.participantIds, ...(event.placeId ? [event.placeId] : [])]),
    db.excerpts.bulkGet(event.evidenceIds),
  ]);
  const byId = new Map(entities.filter((entity): entity is Entity => entity !== undefined).map((entity) => [entity.id, entity]));
  return {
    event,
    place: (event.placeId && byId.get(event.placeId)) || null,
    participants: event.participants.flatMap(({ entityId, role }) => {
      const entity = byId.get(entityId);
      return entity ? [{ entity, role }] : [];
    }),
    evidence: evidence.filter((excerpt): excerpt is Excerpt => excerpt !== undefined),
  };
}

/** What a new event made from an excerpt starts with: the excerpt, and the entities offered as its participants. */
export interface EventSeed {
  excerpt: Excerpt;
  /** Entities linked to the excerpt (it mentions them), ticked at first. */
  linked: Entity[];
  /** Other entities of the case whose name or an alias its quote holds as whole words (case and accents aside). */
  named: Entity[];
}

/** Lower-cased, accents off, words only: "Zoë Müller," and "zoe muller" read the same. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}+/gu, '').toLocaleLowerCase();
const wordsOf = (text: string) => ` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

export async function eventSeedFromExcerpt(db: CasebookDB, excerptId: string): Promise<EventSeed | null> {
  const excerpt = await db.excerpts.get(excerptId);
  if (!excerpt) return null;
  const links = await db.links.where('ends').equals(excerptId).toArray();
  const linkedIds = [...new Set(links.flatMap((link) => [link.from, link.to]).filter((end) => end.type === 'entity').map((end) => end.id))];
  const linked = (await db.entities.bulkGet(linkedIds)).filter((entity): entity is Entity => entity !== undefined);
  const quote = wordsOf(excerpt.quote);
  const named = (await db.entities.where('caseId').equals(excerpt.caseId).toArray()).filter(
    (entity) =>
      !linkedIds.includes(entity.id) &&
      [entity.name, ...entity.aliases.map((alias) => alias.name)].some((name) => {
        const words = wordsOf(name);
        return words.trim() !== '' && quote.includes(words);
      }),
  );
  return { excerpt, linked, named: named.sort((a, b) => a.name.localeCompare(b.name)) };
}
