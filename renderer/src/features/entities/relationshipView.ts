/**
 * How a relationship reads from one of its entities ("works for" from Anna Berg, "employs" from Harbour Freight), the
 * types a form offers, and the excerpts it offers as support (those linked to either entity first).
 */
import type { CaseRelationshipType, Relationship } from '../../../../shared/domain';
import { relationshipTypeInfo } from '../../../../shared/entities';
import { RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_INFO, type RelationshipTypeInfo } from '../../../../shared/vocabulary';
import type { ExcerptChoice } from '../../db/queries/entities';
import { fold } from '../../search/fold';

/** What a relationship says seen from `entityId`: the words, and the entity at the other end. */
export interface RelationshipReading {
  words: string;
  otherId: string;
  /** True when the relationship starts at the entity it is read from. */
  outgoing: boolean;
}

/** A type the case does not know any more reads as "related to", rather than hiding the relationship. */
const UNKNOWN_TYPE: RelationshipTypeInfo = RELATIONSHIP_TYPE_INFO['related-to'];

export function readRelationship(
  relationship: Pick<Relationship, 'from' | 'to' | 'type'>,
  entityId: string,
  ownTypes: readonly CaseRelationshipType[],
): RelationshipReading {
  const info = relationshipTypeInfo(relationship.type, ownTypes) ?? UNKNOWN_TYPE;
  const outgoing = relationship.from === entityId;
  return { words: outgoing ? info.label : info.inverse, otherId: outgoing ? relationship.to : relationship.from, outgoing };
}

/** A type offered in the relationship form, with how it reads both ways. */
export interface RelationshipTypeChoice extends RelationshipTypeInfo {
  value: string;
  own: boolean;
}

/** The built-in types, then the case's own (by label). */
export function relationshipTypeChoices(ownTypes: readonly CaseRelationshipType[]): RelationshipTypeChoice[] {
  return [
    ...RELATIONSHIP_TYPES.map((type) => ({ value: type, own: false, ...RELATIONSHIP_TYPE_INFO[type] })),
    ...ownTypes.map((type) => ({ value: type.id, own: true, ...relationshipTypeInfo(type.id, ownTypes)! })),
  ];
}

/** A type as it reads both ways, for lists of types: "director of / directed by", or "married to (both ways)". */
export function relationshipTypeWords(info: RelationshipTypeInfo): string {
  return info.symmetric ? `${info.label} (both ways)` : `${info.label} / ${info.inverse}`;
}

/**
 * The inverse label as a form shows it for editing: empty for a type that reads the same both ways, so that renaming
 * "married to" keeps it reading the same both ways rather than leaving the old words as its inverse.
 */
export function inverseForEditing(type: Pick<CaseRelationshipType, 'id' | 'label' | 'inverse' | 'labelKey'>): string {
  return relationshipTypeInfo(type.id, [type])?.symmetric ? '' : type.inverse;
}

/**
 * The excerpts to offer as support: those whose quote or source holds what was typed (case and accents aside), linked
 * ones first, each group in the order given; at most `limit`, the chosen ones always among them.
 */
export function supportingExcerptChoices(
  excerpts: readonly ExcerptChoice[],
  typed: string,
  chosen: readonly string[],
  limit: number,
): ExcerptChoice[] {
  const key = fold(typed.trim());
  const matching = key ? excerpts.filter((excerpt) => fold(`${excerpt.quote} ${excerpt.source}`).includes(key)) : excerpts;
  const ordered = [...matching.filter((excerpt) => excerpt.linked), ...matching.filter((excerpt) => !excerpt.linked)];
  const shown = ordered.slice(0, limit);
  const missing = excerpts.filter((excerpt) => chosen.includes(excerpt.id) && !shown.includes(excerpt));
  return [...missing, ...shown];
}
