import type { CaseEntityType, EntityType } from './domain';
import { isBuiltInEntityType } from './entities';

/** How an entity type is drawn: one or two characters on a disc of its colour (white letters, so dark colours). */
export interface EntityTypeLook {
  letter: string;
  /** A CSS colour, `#rrggbb`. */
  colour: string;
}

/** The built-in types' looks; a case's own types carry theirs (`CaseEntityType.letter`, `.colour`). */
export const ENTITY_TYPE_LOOKS: Readonly<Record<EntityType, EntityTypeLook>> = {
  person: { letter: 'P', colour: '#2f5d8a' },
  organisation: { letter: 'O', colour: '#8a4f2f' },
  place: { letter: 'Pl', colour: '#3b7d3b' },
  phone: { letter: 'Ph', colour: '#4a6f7a' },
  email: { letter: '@', colour: '#8a3b62' },
  vessel: { letter: 'Vs', colour: '#1d5f7a' },
  vehicle: { letter: 'Vh', colour: '#6b4a8a' },
  account: { letter: 'Ac', colour: '#8a6a1d' },
  other: { letter: '?', colour: '#5c6470' },
};

/** A type no longer in the case (deleted meanwhile): drawn, but as plainly as can be. */
const UNKNOWN_LOOK: EntityTypeLook = { letter: '?', colour: '#5c6470' };

/** How entities of a type are drawn, built-in or the case's own. */
export function entityTypeLook(type: string, caseTypes: readonly Pick<CaseEntityType, 'id' | 'letter' | 'colour'>[]): EntityTypeLook {
  if (isBuiltInEntityType(type)) return ENTITY_TYPE_LOOKS[type];
  const own = caseTypes.find((candidate) => candidate.id === type);
  return own ? { letter: own.letter, colour: own.colour } : UNKNOWN_LOOK;
}
