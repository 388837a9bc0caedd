import {
  ENTITY_TYPES,
  entityNameKey,
  eventSortKey,
  LINK_KINDS,
  type Entity,
  type EntityInput,
  type Link,
  type TimelineEvent,
} from './types';
import { seededRandom } from '../../tests/seededRandom';

/** Every benchmark run seeds the same case. */
export { seededRandom };

const FIRST = ['Marta', 'Jonas', 'Ilse', 'Dario', 'Nadia', 'Pavel', 'Sofia', 'Tomas', 'Leila', 'Anders', 'Mei', 'Joana'];
const LAST = ['Kowal', 'Venn', 'Marek', 'Okafor', 'Strand', 'Novak', 'Ruiz', 'Lindqvist', 'Chen', 'Haddad', 'Moreau'];

export function entityInputs(count: number, seed = 1): EntityInput[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const type = ENTITY_TYPES[Math.floor(random() * ENTITY_TYPES.length)]!;
    const name = `${FIRST[Math.floor(random() * FIRST.length)]} ${LAST[Math.floor(random() * LAST.length)]} ${index}`;
    return { name, type, aliases: random() < 0.3 ? [`${name.split(' ')[0]} #${index}`] : [] };
  });
}

/** Entities ready to store, built without the domain layer: what the raw baseline inserts. */
export function rawEntities(caseId: string, inputs: EntityInput[]): Entity[] {
  const at = new Date().toISOString();
  return inputs.map((input) => {
    const aliases = (input.aliases ?? []).map((alias) => (typeof alias === 'string' ? { name: alias, origin: 'typed' as const } : { origin: 'typed' as const, ...alias }));
    return {
      id: crypto.randomUUID(),
      caseId,
      name: input.name,
      nameKey: entityNameKey(input.name),
      type: input.type,
      aliases,
      aliasKeys: aliases.map((alias) => entityNameKey(alias.name)),
      attributes: [],
      tags: [],
      description: null,
      createdAt: at,
      updatedAt: at,
    };
  });
}

export function rawEvents(caseId: string, count: number, seed = 2): TimelineEvent[] {
  const random = seededRandom(seed);
  const at = new Date().toISOString();
  return Array.from({ length: count }, (_, index) => {
    const year = 2015 + Math.floor(random() * 10);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const value = `${year}-${month}-${day}`;
    return {
      id: crypto.randomUUID(),
      caseId,
      title: `Event ${index}: shipment ${Math.floor(random() * 1000)}`,
      start: { value, precision: 'day' as const, qualifier: null },
      end: null,
      sortKey: eventSortKey({ value, precision: 'day' }, at),
      placeId: null,
      participants: [],
      participantIds: [],
      evidenceIds: [],
      tags: [],
      confidence: 'unverified' as const,
      status: 'unverified' as const,
      sameAs: null,
      description: null,
      createdAt: at,
      updatedAt: at,
    };
  });
}

export function rawLinks(caseId: string, entities: Entity[], events: TimelineEvent[], count: number, seed = 3): Link[] {
  const random = seededRandom(seed);
  const at = new Date().toISOString();
  return Array.from({ length: count }, () => {
    const fromEvent = random() < 0.5 && events.length > 0;
    const from = fromEvent
      ? { type: 'event' as const, id: events[Math.floor(random() * events.length)]!.id }
      : { type: 'entity' as const, id: entities[Math.floor(random() * entities.length)]!.id };
    const to = { type: 'entity' as const, id: entities[Math.floor(random() * entities.length)]!.id };
    return {
      id: crypto.randomUUID(),
      caseId,
      from,
      to,
      kind: fromEvent ? ('involves' as const) : LINK_KINDS[Math.floor(random() * LINK_KINDS.length)]!,
      ends: [from.id, to.id] as [string, string],
      createdAt: at,
      updatedAt: at,
    };
  });
}
