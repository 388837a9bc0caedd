import { ENTITY_TYPES, type CaseEntityType, type CaseRelationshipType, type EntityType } from './domain';
import { RELATIONSHIP_TYPE_INFO, isBuiltInRelationshipType, type RelationshipTypeInfo } from './vocabulary';

/**
 * Reads over a case's entities that the domain, the schema's upgrade and the views share: the folded key names and
 * aliases are compared by, the words of types (built-in or the case's own), and chains of relationships.
 */

/**
 * A name folded for comparing: white space folded and case ignored, accents kept ("Zoë Müller" and "zoë  müller" are
 * one name; "Zoe Mueller" is another spelling, worth keeping as an alias).
 */
export const entityNameKey = (name: string): string =>
  name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();

export const isBuiltInEntityType = (type: string): type is EntityType => (ENTITY_TYPES as readonly string[]).includes(type);

/**
 * The colour of each built-in type, wherever a type is drawn (mentions underlined in the reader, the link chart's
 * discs); a case's own types carry theirs (`CaseEntityType.colour`). Dark enough to read on a light ground.
 */
export const ENTITY_TYPE_COLOURS: Readonly<Record<EntityType, string>> = {
  person: '#2f5d8a',
  organisation: '#8a4f2f',
  place: '#3b7d3b',
  phone: '#4a6f7a',
  email: '#a0336b',
  vessel: '#1f7a8c',
  vehicle: '#7a3b8a',
  account: '#b5651d',
  other: '#6b6b6b',
};

/** A type's colour: the built-in type's, or the case's own type's; grey for a type the case no longer has. */
export function entityTypeColour(type: string, caseTypes: readonly Pick<CaseEntityType, 'id' | 'colour'>[]): string {
  if (isBuiltInEntityType(type)) return ENTITY_TYPE_COLOURS[type];
  return caseTypes.find((candidate) => candidate.id === type)?.colour ?? ENTITY_TYPE_COLOURS.other;
}

/**
 * The letters drawn on each built-in type's disc (on the link chart), white on the type's colour; a case's own types
 * carry theirs (`CaseEntityType.letter`).
 */
export const ENTITY_TYPE_LETTERS: Readonly<Record<EntityType, string>> = {
  person: 'P',
  organisation: 'O',
  place: 'Pl',
  phone: 'Ph',
  email: '@',
  vessel: 'Vs',
  vehicle: 'Vh',
  account: 'Ac',
  other: '?',
};

/** A type's letter: the built-in type's, or the case's own type's; "?" for a type the case no longer has. */
export function entityTypeLetter(type: string, caseTypes: readonly Pick<CaseEntityType, 'id' | 'letter'>[]): string {
  if (isBuiltInEntityType(type)) return ENTITY_TYPE_LETTERS[type];
  return caseTypes.find((candidate) => candidate.id === type)?.letter ?? ENTITY_TYPE_LETTERS.other;
}

/** What a type is called in lists and messages: "person", or the case's own type's name ("Handle"). */
export function entityTypeLabel(type: string, caseTypes: readonly Pick<CaseEntityType, 'id' | 'name'>[]): string {
  if (isBuiltInEntityType(type)) return type;
  return caseTypes.find((candidate) => candidate.id === type)?.name ?? 'entity of a deleted type';
}

/** How a relationship type reads both ways, built-in or the case's own; undefined for a type the case does not have. */
export function relationshipTypeInfo(
  type: string,
  caseTypes: readonly Pick<CaseRelationshipType, 'id' | 'label' | 'inverse' | 'labelKey'>[],
): RelationshipTypeInfo | undefined {
  if (isBuiltInRelationshipType(type)) return RELATIONSHIP_TYPE_INFO[type];
  const own = caseTypes.find((candidate) => candidate.id === type);
  // A type that reads the same both ways ("married to") is symmetric, as the built-in "contacted" is.
  return own && { label: own.label, inverse: own.inverse, symmetric: entityNameKey(own.inverse) === own.labelKey };
}

/**
 * The chain that a new edge `from → to` would close into a circle, given the edges already there: the ids from `from`
 * round to `from` again ([from, to, …, from]), or null when it closes none. Breadth first, so the shortest is named.
 */
export function cycleThrough(edges: readonly { from: string; to: string }[], from: string, to: string): string[] | null {
  if (from === to) return [from, from];
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const cameFrom = new Map<string, string>([[to, from]]);
  const queue = [to];
  while (queue.length) {
    const at = queue.shift()!;
    if (at === from) {
      const path = [from];
      for (let step = cameFrom.get(from)!; step !== from; step = cameFrom.get(step)!) path.unshift(step);
      return [from, ...path];
    }
    for (const onward of next.get(at) ?? [])
      if (!cameFrom.has(onward)) {
        cameFrom.set(onward, at);
        queue.push(onward);
      }
  }
  return null;
}
