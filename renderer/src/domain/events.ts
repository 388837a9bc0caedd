/**
 * Events of the timeline: their date as precise as known (or none), place, participants with roles, evidence, tags,
 * confidence and status. The event's fields are the truth; the links other views read ("involves" its participants,
 * "evidence" its excerpts, "located in" its place) are kept in step in the same transaction, and a link made or
 * removed from the links panel changes the fields likewise (`linkChangedEvent`).
 */
import type { Entity, Link, LinkKind, RecordRef, TimelineEvent } from '../../../shared/domain';
import { eventSortKey } from '../../../shared/eventOrder';
import { eventInputSchema, type EventInput } from '../../../shared/validation';
import { quoteTitle } from '../../../shared/vocabulary';
import type { CasebookDB } from '../db/schema';
import { NotFoundError, ValidationError } from './errors';
import { checkTagsInCase } from './tags';
import { newId, now, parseInput, quoted, writeCase } from './writeCase';

const MISSING = 'This event no longer exists. It may have been deleted in another window.';

export type ParsedEvent = ReturnType<typeof eventInputSchema.parse>;

const fieldError = (field: string, message: string) => new ValidationError([{ field, message }]);

/** The event's fields a link mirrors, by the link's kind. */
const MIRRORED = {
  involves: (event: Pick<TimelineEvent, 'participantIds'>) => event.participantIds,
  evidence: (event: Pick<TimelineEvent, 'evidenceIds'>) => event.evidenceIds,
  'located-in': (event: Pick<TimelineEvent, 'placeId'>) => (event.placeId ? [event.placeId] : []),
} as const satisfies Partial<Record<LinkKind, (event: TimelineEvent) => string[]>>;
type MirroredKind = keyof typeof MIRRORED;
const MIRRORED_KINDS = Object.keys(MIRRORED) as MirroredKind[];
const targetType = (kind: MirroredKind): RecordRef['type'] => (kind === 'evidence' ? 'excerpt' : 'entity');

/** The tables an event's write reads and writes: the codebook only for an event given tags. */
export const eventTables = (parsed: ParsedEvent) => ['events', 'entities', 'excerpts', 'links', ...(parsed.tags.length ? (['tags'] as const) : [])] as const;

/** Refuses, at its field, what is not the case's own any more: a place (or one that is no place), participants, evidence, tags. */
async function checkEvent(db: CasebookDB, caseId: string, parsed: ParsedEvent, eventId: string | null): Promise<void> {
  if (parsed.placeId) {
    const place = await db.entities.get(parsed.placeId);
    if (!place || place.caseId !== caseId)
      throw fieldError('placeId', 'The place chosen is not in this case any more (deleted in another window?). Choose the place again.');
    if (place.type !== 'place')
      throw fieldError('placeId', `${quoted(place.name)} is not a place entity. Choose a place, or add ${quoted(place.name)} as a participant.`);
  }
  if (parsed.participants.length) {
    const entities = await db.entities.bulkGet(parsed.participants.map((participant) => participant.entityId));
    const missing = entities.filter((entity) => !entity || entity.caseId !== caseId).length;
    if (missing)
      throw fieldError(
        'participants',
        `${missing === 1 ? 'A participant' : `${missing} participants`} chosen ${missing === 1 ? 'is' : 'are'} not in this case any more (deleted in another window?). Remove ${missing === 1 ? 'it' : 'them'}, or choose again.`,
      );
  }
  if (parsed.evidenceIds.length) {
    const excerpts = await db.excerpts.bulkGet(parsed.evidenceIds);
    const other = excerpts.find((excerpt) => excerpt && excerpt.caseId !== caseId);
    if (other)
      throw fieldError('evidenceIds', `The excerpt ${quoted(quoteTitle(other.quote))} is from another case: an event’s evidence is its own case’s excerpts.`);
    const missing = excerpts.filter((excerpt) => !excerpt).length;
    if (missing)
      throw fieldError(
        'evidenceIds',
        `${missing === 1 ? 'An excerpt' : `${missing} excerpts`} chosen as evidence ${missing === 1 ? 'was' : 'were'} deleted meanwhile (in another window?). Choose the evidence again.`,
      );
  }
  if (parsed.tags.length) await checkTagsInCase(db, caseId, parsed.tags);
  if (parsed.sameAs && parsed.sameAs !== eventId) {
    const same = await db.events.get(parsed.sameAs);
    if (!same || same.caseId !== caseId)
      throw fieldError('sameAs', 'The event marked as the same happening is not in this case any more. Choose it again.');
  }
}

/** The stored event from its parsed input. */
function eventOf(parsed: ParsedEvent, base: Pick<TimelineEvent, 'id' | 'caseId' | 'createdAt' | 'updatedAt'>): TimelineEvent {
  const { confirmUnusualYear: _confirmed, ...fields } = parsed;
  return {
    ...base,
    ...fields,
    participantIds: fields.participants.map((participant) => participant.entityId),
    sortKey: eventSortKey(fields.start, base.createdAt),
  };
}

/**
 * Makes the event's links say what its fields say: adds the links its new participants, evidence and place need,
 * and removes those of the ones it no longer has (`before`); links made independently of other ids are left alone.
 */
async function mirrorLinks(db: CasebookDB, event: TimelineEvent, before: TimelineEvent | null): Promise<void> {
  const links = (await db.links.where('ends').equals(event.id).toArray()).filter((link) => link.from.id === event.id);
  const at = now();
  const added: Link[] = [];
  const removed: string[] = [];
  for (const kind of MIRRORED_KINDS) {
    const wanted = new Set(MIRRORED[kind](event));
    const had = new Set(before ? MIRRORED[kind](before) : []);
    const ofKind = links.filter((link) => link.kind === kind);
    for (const id of wanted)
      if (!ofKind.some((link) => link.to.id === id))
        added.push({
          id: newId(), caseId: event.caseId, from: { type: 'event', id: event.id }, to: { type: targetType(kind), id }, kind,
          ends: [event.id, id], createdAt: at, updatedAt: at,
        });
    for (const link of ofKind) if (had.has(link.to.id) && !wanted.has(link.to.id)) removed.push(link.id);
  }
  await db.links.bulkAdd(added);
  await db.links.bulkDelete(removed);
}

/**
 * Writes a new event with its links, after checking what it names is the case's own, inside the caller's transaction
 * (over `eventTables(parsed)`): for operations that make an event together with other records.
 */
export async function addEvent(db: CasebookDB, caseId: string, parsed: ParsedEvent): Promise<TimelineEvent> {
  await checkEvent(db, caseId, parsed, null);
  const at = now();
  const event = eventOf(parsed, { id: newId(), caseId, createdAt: at, updatedAt: at });
  await db.events.add(event);
  await mirrorLinks(db, event, null);
  return event;
}

export async function createEvent(db: CasebookDB, caseId: string, input: EventInput): Promise<TimelineEvent> {
  const parsed = parseInput(eventInputSchema, input);
  return writeCase(db, caseId, eventTables(parsed), async () => {
    const event = await addEvent(db, caseId, parsed);
    return {
      result: event,
      change: { action: 'create', summary: `Added event ${quoted(event.title)}`, records: [{ type: 'event', id: event.id }] },
    };
  });
}

export async function updateEvent(db: CasebookDB, eventId: string, input: EventInput): Promise<TimelineEvent> {
  const parsed = parseInput(eventInputSchema, input);
  const found = await db.events.get(eventId);
  if (!found) throw new NotFoundError(MISSING);
  return writeCase(db, found.caseId, eventTables(parsed), async () => {
    const existing = await db.events.get(eventId);
    if (!existing) throw new NotFoundError(MISSING);
    await checkEvent(db, existing.caseId, parsed, eventId);
    const updated = eventOf(parsed, { id: existing.id, caseId: existing.caseId, createdAt: existing.createdAt, updatedAt: now() });
    await db.events.put(updated);
    await mirrorLinks(db, updated, existing);
    return {
      result: updated,
      change: { action: 'update', summary: `Edited event ${quoted(updated.title)}`, records: [{ type: 'event', id: eventId }] },
    };
  });
}

/**
 * Keeps an event's fields in step with a link made or removed elsewhere (the links panel, linking excerpts in a
 * batch): "involves" an entity makes it a participant (no role), "evidence" an excerpt its evidence, "located in" a
 * place its place when it has none. Runs inside the caller's transaction, which must include `events` and `entities`.
 */
export async function linkChangedEvent(db: CasebookDB, link: Pick<Link, 'from' | 'to' | 'kind'>, added: boolean): Promise<void> {
  if (link.from.type !== 'event' || !(MIRRORED_KINDS as string[]).includes(link.kind)) return;
  const event = await db.events.get(link.from.id);
  if (!event) return;
  const id = link.to.id;
  const next: TimelineEvent = { ...event };
  if (link.kind === 'involves') {
    if (added === event.participantIds.includes(id)) return;
    next.participants = added ? [...event.participants, { entityId: id, role: null }] : event.participants.filter((one) => one.entityId !== id);
    next.participantIds = next.participants.map((participant) => participant.entityId);
  } else if (link.kind === 'evidence') {
    if (link.to.type !== 'excerpt' || added === event.evidenceIds.includes(id)) return;
    next.evidenceIds = added ? [...event.evidenceIds, id] : event.evidenceIds.filter((one) => one !== id);
  } else {
    const entity: Entity | undefined = added ? await db.entities.get(id) : undefined;
    if (added ? event.placeId || entity?.type !== 'place' : event.placeId !== id) return;
    next.placeId = added ? id : null;
  }
  await db.events.put({ ...next, updatedAt: now() });
}

/**
 * Takes deleted entities and excerpts off the events that named them (participants, place, evidence), inside the
 * deletion's transaction, so no event points at nothing.
 */
export async function forgetInEvents(db: CasebookDB, deleted: { entityIds?: readonly string[]; excerptIds?: readonly string[] }): Promise<void> {
  const entityIds = new Set(deleted.entityIds ?? []);
  const excerptIds = new Set(deleted.excerptIds ?? []);
  if (!entityIds.size && !excerptIds.size) return;
  const keys = new Set([
    ...(entityIds.size ? await db.events.where('participantIds').anyOf([...entityIds]).primaryKeys() : []),
    ...(entityIds.size ? await db.events.where('placeId').anyOf([...entityIds]).primaryKeys() : []),
    ...(excerptIds.size ? await db.events.where('evidenceIds').anyOf([...excerptIds]).primaryKeys() : []),
  ]);
  if (!keys.size) return;
  const at = now();
  const events = (await db.events.bulkGet([...keys])).filter((event): event is TimelineEvent => event !== undefined);
  await db.events.bulkPut(
    events.map((event) => {
      const participants = event.participants.filter((participant) => !entityIds.has(participant.entityId));
      return {
        ...event,
        participants,
        participantIds: participants.map((participant) => participant.entityId),
        placeId: event.placeId && entityIds.has(event.placeId) ? null : event.placeId,
        evidenceIds: event.evidenceIds.filter((id) => !excerptIds.has(id)),
        updatedAt: at,
      };
    }),
  );
}
