/**
 * Typed, directed relationships between two entities of a case ("Dario Venn works for Quayline Logistics"), with the
 * dates they held at their precision, how sure the researcher is, the excerpts that support them and a note; and the
 * case's own types of relationship, each read both ways. No entity has a relationship with itself, nothing is located
 * in itself however long the chain, and supporting excerpts are the case's own.
 */
import type { CaseRelationshipType, Entity, Relationship } from '../../../shared/domain';
import { cycleThrough, entityNameKey, relationshipTypeInfo } from '../../../shared/entities';
import { sortKeyOf } from '../../../shared/partialDate';
import {
  relationshipInputSchema,
  relationshipTypeInputSchema,
  type RelationshipInput,
  type RelationshipTypeInput,
} from '../../../shared/validation';
import { LOCATED_IN, RELATIONSHIP_TYPE_INFO, RELATIONSHIP_TYPES, isBuiltInRelationshipType } from '../../../shared/vocabulary';
import type { RelationshipTypeInfo } from '../../../shared/vocabulary';
import type { CasebookDB } from '../db/schema';
import { NotFoundError, ValidationError } from './errors';
import { newId, now, parseInput, quoted, writeCase } from './writeCase';

const MISSING_RELATIONSHIP = 'This relationship no longer exists. It may have been deleted in another window.';
const MISSING_TYPE = 'This relationship type is no longer in the case. It may have been deleted in another window.';

const fieldError = (field: string, message: string) => new ValidationError([{ field, message }]);

type ParsedRelationship = ReturnType<typeof relationshipInputSchema.parse>;

/** "“Dario Venn” works for “Quayline Logistics”": a relationship in words, for history and messages. */
export const relationshipWords = (from: Pick<Entity, 'name'>, info: Pick<RelationshipTypeInfo, 'label'>, to: Pick<Entity, 'name'>) =>
  `${quoted(from.name)} ${info.label} ${quoted(to.name)}`;

/** How a relationship's type reads, checked against the case inside the transaction; refused on `type` if unknown. */
async function typeInfoIn(db: CasebookDB, caseId: string, type: string): Promise<RelationshipTypeInfo> {
  const own = isBuiltInRelationshipType(type) ? [] : await db.relationshipTypes.where('caseId').equals(caseId).toArray();
  const info = relationshipTypeInfo(type, own);
  if (info) return info;
  const labels = [...RELATIONSHIP_TYPES.map((builtIn) => RELATIONSHIP_TYPE_INFO[builtIn].label), ...own.map((candidate) => candidate.label)];
  throw fieldError('type', `Choose one of the case’s relationship types: ${labels.join(', ')}.`);
}

/** Two relationships say the same: same type, same ends (either way round for a symmetric type), same dates. */
export function sameRelationship(
  a: Pick<Relationship, 'from' | 'to' | 'type' | 'start' | 'end'>,
  b: Pick<Relationship, 'from' | 'to' | 'type' | 'start' | 'end'>,
  symmetric: boolean,
): boolean {
  const sameDate = (x: Relationship['start'], y: Relationship['start']) => (x ? sortKeyOf(x) + x.precision : '') === (y ? sortKeyOf(y) + y.precision : '');
  const sameEnds = (a.from === b.from && a.to === b.to) || (symmetric && a.from === b.to && a.to === b.from);
  return a.type === b.type && sameEnds && sameDate(a.start, b.start) && sameDate(a.end, b.end);
}

/**
 * Refuses a "located in" relationship that would close a circle with those of the case (the relationship itself left
 * out, when edited), naming each place of the circle.
 */
export async function refuseLocatedInCycle(
  db: CasebookDB,
  caseId: string,
  relationship: Pick<Relationship, 'from' | 'to' | 'type'>,
  except: ReadonlySet<string>,
): Promise<void> {
  if (relationship.type !== LOCATED_IN) return;
  const edges = (await db.relationships.where('[caseId+type]').equals([caseId, LOCATED_IN]).toArray()).filter(
    (other) => !except.has(other.id),
  );
  const cycle = cycleThrough(edges, relationship.from, relationship.to);
  if (!cycle) return;
  const entities = await db.entities.bulkGet(cycle);
  const names = entities.map((entity) => quoted(entity?.name ?? 'a deleted entity'));
  throw fieldError(
    'to',
    `${names[0]} cannot be located in ${names[1]}: that would make a circle, each located in the next: ${names.join(' → ')}. Remove one of those relationships first.`,
  );
}

/** Both entities in the case, the type known, the excerpts the case's own, no duplicate, no circle: then written. */
async function checkRelationship(
  db: CasebookDB,
  caseId: string,
  parsed: ParsedRelationship,
  except: string | null,
): Promise<{ from: Entity; to: Entity; info: RelationshipTypeInfo }> {
  const [from, to] = await db.entities.bulkGet([parsed.from, parsed.to]);
  if (!from || from.caseId !== caseId) throw fieldError('from', 'The entity it goes from is not in this case any more. Choose another.');
  if (!to || to.caseId !== caseId) throw fieldError('to', 'The entity it goes to is not in this case any more. Choose another.');
  const info = await typeInfoIn(db, caseId, parsed.type);
  if (parsed.excerptIds.length) {
    const excerpts = await db.excerpts.bulkGet(parsed.excerptIds);
    const missing = excerpts.filter((excerpt) => !excerpt || excerpt.caseId !== caseId).length;
    if (missing)
      throw fieldError(
        'excerptIds',
        `${missing === 1 ? 'An excerpt' : `${missing} excerpts`} chosen as support ${missing === 1 ? 'is' : 'are'} not in this case (deleted in another window?). Choose the supporting excerpts again.`,
      );
  }
  const theirs = await db.relationships.where('ends').equals(parsed.from).toArray();
  if (theirs.some((other) => other.id !== except && sameRelationship(other, parsed, info.symmetric)))
    throw fieldError('', `${relationshipWords(from, info, to)} is already recorded for the same dates. Edit that relationship instead.`);
  await refuseLocatedInCycle(db, caseId, parsed, new Set(except ? [except] : []));
  return { from, to, info };
}

/** The tables a relationship's write reads: supporting excerpts and the case's own types only when it has them. */
const relationshipTables = (parsed: ParsedRelationship) =>
  [
    'relationships',
    'entities',
    ...(parsed.excerptIds.length ? (['excerpts'] as const) : []),
    ...(isBuiltInRelationshipType(parsed.type) ? [] : (['relationshipTypes'] as const)),
  ] as const;

export async function createRelationship(db: CasebookDB, caseId: string, input: RelationshipInput): Promise<Relationship> {
  const parsed = parseInput(relationshipInputSchema, input);
  const at = now();
  return writeCase(db, caseId, relationshipTables(parsed), async () => {
    const { from, to, info } = await checkRelationship(db, caseId, parsed, null);
    const relationship: Relationship = { id: newId(), caseId, ...parsed, ends: [parsed.from, parsed.to], createdAt: at, updatedAt: at };
    await db.relationships.add(relationship);
    return {
      result: relationship,
      change: {
        action: 'link',
        summary: `Added the relationship ${relationshipWords(from, info, to)}`,
        records: [
          { type: 'entity', id: from.id },
          { type: 'entity', id: to.id },
        ],
      },
    };
  });
}

/** Changes any of a relationship: its ends, type, dates, confidence, supporting excerpts or note, under the same rules. */
export async function updateRelationship(db: CasebookDB, relationshipId: string, input: RelationshipInput): Promise<Relationship> {
  const parsed = parseInput(relationshipInputSchema, input);
  const found = await db.relationships.get(relationshipId);
  if (!found) throw new NotFoundError(MISSING_RELATIONSHIP);
  return writeCase(db, found.caseId, relationshipTables(parsed), async () => {
    const existing = await db.relationships.get(relationshipId);
    if (!existing) throw new NotFoundError(MISSING_RELATIONSHIP);
    const { from, to, info } = await checkRelationship(db, existing.caseId, parsed, relationshipId);
    const updated: Relationship = { ...existing, ...parsed, ends: [parsed.from, parsed.to], updatedAt: now() };
    await db.relationships.put(updated);
    return {
      result: updated,
      change: {
        action: 'update',
        summary: `Edited the relationship ${relationshipWords(from, info, to)}`,
        records: [...new Set([existing.from, existing.to, from.id, to.id])].map((id) => ({ type: 'entity' as const, id })),
      },
    };
  });
}

export async function deleteRelationship(db: CasebookDB, relationshipId: string): Promise<void> {
  const found = await db.relationships.get(relationshipId);
  if (!found) return;
  await writeCase(db, found.caseId, ['relationships', 'entities', 'relationshipTypes'], async () => {
    const relationship = await db.relationships.get(relationshipId);
    if (!relationship) throw new NotFoundError(MISSING_RELATIONSHIP);
    const [from, to] = await db.entities.bulkGet([relationship.from, relationship.to]);
    const own = await db.relationshipTypes.where('caseId').equals(relationship.caseId).toArray();
    const info = relationshipTypeInfo(relationship.type, own) ?? { label: 'related to' };
    await db.relationships.delete(relationshipId);
    return {
      result: undefined,
      change: {
        action: 'unlink',
        summary: `Removed the relationship ${relationshipWords(from ?? { name: '?' }, info, to ?? { name: '?' })}`,
        records: [
          { type: 'entity', id: relationship.from },
          { type: 'entity', id: relationship.to },
        ],
      },
    };
  });
}

/**
 * Makes a plain link between two entities (kept from before relationships had their own table, or added as a link)
 * a relationship of the same type, going the same way, "unverified" and undated until the researcher says more, in
 * one step: the relationship added, the link removed. Refused, saying why, for a link that is not between two
 * entities or whose kind is no relationship type, and under the relationships' own rules (a duplicate, a circle).
 */
export async function relationshipFromLink(db: CasebookDB, linkId: string): Promise<Relationship> {
  const found = await db.links.get(linkId);
  if (!found) throw new NotFoundError('This link no longer exists. It may have been removed in another window.');
  const { caseId } = found;
  return writeCase(db, caseId, ['links', 'relationships', 'entities'], async () => {
    const link = await db.links.get(linkId);
    if (!link) throw new NotFoundError('This link no longer exists. It may have been removed in another window.');
    if (link.from.type !== 'entity' || link.to.type !== 'entity' || !isBuiltInRelationshipType(link.kind))
      throw fieldError('', `A “${link.kind}” link between these records cannot be a relationship: relationships join two entities.`);
    const parsed = parseInput(relationshipInputSchema, { from: link.from.id, to: link.to.id, type: link.kind });
    const { from, to, info } = await checkRelationship(db, caseId, parsed, null);
    const at = now();
    const relationship: Relationship = { id: newId(), caseId, ...parsed, ends: [parsed.from, parsed.to], createdAt: at, updatedAt: at };
    await db.relationships.add(relationship);
    await db.links.delete(link.id);
    return {
      result: relationship,
      change: {
        action: 'link',
        summary: `Made the link ${relationshipWords(from, info, to)} a relationship`,
        records: [
          { type: 'entity', id: from.id },
          { type: 'entity', id: to.id },
        ],
      },
    };
  });
}

// ---- the case's own types of relationship

function refuseTakenLabel(types: readonly CaseRelationshipType[], label: string, except: string | null): void {
  const key = entityNameKey(label);
  const builtIn = RELATIONSHIP_TYPES.find((type) => entityNameKey(RELATIONSHIP_TYPE_INFO[type].label) === key);
  if (builtIn)
    throw fieldError('label', `${quoted(RELATIONSHIP_TYPE_INFO[builtIn].label)} is already one of the built-in relationship types. Use it, or choose another label.`);
  const same = types.find((type) => type.labelKey === key && type.id !== except);
  if (same) throw fieldError('label', `This case already has a relationship type ${quoted(same.label)}. Use it, or choose another label.`);
}

export async function createRelationshipType(db: CasebookDB, caseId: string, input: RelationshipTypeInput): Promise<CaseRelationshipType> {
  const parsed = parseInput(relationshipTypeInputSchema, input);
  const at = now();
  return writeCase(db, caseId, ['relationshipTypes'], async () => {
    refuseTakenLabel(await db.relationshipTypes.where('caseId').equals(caseId).toArray(), parsed.label, null);
    const type: CaseRelationshipType = { id: newId(), caseId, ...parsed, labelKey: entityNameKey(parsed.label), createdAt: at, updatedAt: at };
    await db.relationshipTypes.add(type);
    return {
      result: type,
      change: { action: 'create', summary: `Added the relationship type ${quoted(type.label)} / ${quoted(type.inverse)}`, records: [] },
    };
  });
}

export async function updateRelationshipType(db: CasebookDB, typeId: string, input: RelationshipTypeInput): Promise<CaseRelationshipType> {
  const parsed = parseInput(relationshipTypeInputSchema, input);
  const found = await db.relationshipTypes.get(typeId);
  if (!found) throw new NotFoundError(MISSING_TYPE);
  return writeCase(db, found.caseId, ['relationshipTypes'], async () => {
    const existing = await db.relationshipTypes.get(typeId);
    if (!existing) throw new NotFoundError(MISSING_TYPE);
    refuseTakenLabel(await db.relationshipTypes.where('caseId').equals(existing.caseId).toArray(), parsed.label, typeId);
    const updated: CaseRelationshipType = { ...existing, ...parsed, labelKey: entityNameKey(parsed.label), updatedAt: now() };
    await db.relationshipTypes.put(updated);
    return {
      result: updated,
      change: { action: 'update', summary: `Edited the relationship type ${quoted(updated.label)} / ${quoted(updated.inverse)}`, records: [] },
    };
  });
}

/** Deletes a type of relationship of the case's own; refused while relationships have it, saying how many. */
export async function deleteRelationshipType(db: CasebookDB, typeId: string): Promise<void> {
  const found = await db.relationshipTypes.get(typeId);
  if (!found) throw new NotFoundError(MISSING_TYPE);
  await writeCase(db, found.caseId, ['relationshipTypes', 'relationships'], async () => {
    const type = await db.relationshipTypes.get(typeId);
    if (!type) throw new NotFoundError(MISSING_TYPE);
    const used = await db.relationships.where('[caseId+type]').equals([type.caseId, typeId]).count();
    if (used)
      throw fieldError(
        '',
        `${used.toLocaleString('en')} ${used === 1 ? 'relationship is' : 'relationships are'} of the type ${quoted(type.label)}: change their type or delete them first.`,
      );
    await db.relationshipTypes.delete(typeId);
    return { result: undefined, change: { action: 'delete', summary: `Deleted the relationship type ${quoted(type.label)}`, records: [] } };
  });
}
