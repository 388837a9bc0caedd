/**
 * The case's own types of entity ("Handle", "Container"), beside the built-in ones: a name unique in the case (and
 * none of the built-in names), a letter or an icon, a colour. A type in use is deleted only with a type for its
 * entities to take instead.
 */
import type { CaseEntityType, Entity } from '../../../shared/domain';
import { nextTagColour } from '../../../shared/codebook';
import { entityNameKey, entityTypeLabel, isBuiltInEntityType } from '../../../shared/entities';
import { entityTypeInputSchema, type EntityTypeInput } from '../../../shared/validation';
import { z } from 'zod';
import type { CasebookDB } from '../db/schema';
import { NotFoundError, ValidationError } from './errors';
import { NamesInCase, clashInSentence, clashMessage, entityTypeIn } from './entities';
import { newId, now, parseInput, quoted, writeCase } from './writeCase';

const MISSING_TYPE = 'This entity type is no longer in the case. It may have been deleted in another window.';
/** History entries name at most this many entities, as bulk entity imports do. */
const NAMED_ENTITIES = 100;

const fieldError = (field: string, message: string) => new ValidationError([{ field, message }]);

function refuseTakenName(types: readonly CaseEntityType[], name: string, except: string | null): void {
  const key = entityNameKey(name);
  if (isBuiltInEntityType(key))
    throw fieldError('name', `${quoted(key)} is already one of the built-in types. Use it, or choose another name.`);
  const same = types.find((type) => type.nameKey === key && type.id !== except);
  if (same) throw fieldError('name', `This case already has an entity type named ${quoted(same.name)}. Use it, or choose another name.`);
}

export async function createEntityType(db: CasebookDB, caseId: string, input: EntityTypeInput): Promise<CaseEntityType> {
  const parsed = parseInput(entityTypeInputSchema, input);
  const at = now();
  return writeCase(db, caseId, ['entityTypes'], async () => {
    const types = await db.entityTypes.where('caseId').equals(caseId).toArray();
    refuseTakenName(types, parsed.name, null);
    const type: CaseEntityType = {
      id: newId(),
      caseId,
      name: parsed.name,
      nameKey: entityNameKey(parsed.name),
      letter: parsed.letter,
      icon: parsed.icon,
      colour: parsed.colour ?? nextTagColour(types.length),
      createdAt: at,
      updatedAt: at,
    };
    await db.entityTypes.add(type);
    return { result: type, change: { action: 'create', summary: `Added the entity type ${quoted(type.name)}`, records: [] } };
  });
}

/** Renames a type of the case's own, or changes its letter, icon or colour (a colour left out stays as it is). */
export async function updateEntityType(db: CasebookDB, typeId: string, input: EntityTypeInput): Promise<CaseEntityType> {
  const parsed = parseInput(entityTypeInputSchema, input);
  const found = await db.entityTypes.get(typeId);
  if (!found) throw new NotFoundError(MISSING_TYPE);
  return writeCase(db, found.caseId, ['entityTypes'], async () => {
    const types = await db.entityTypes.where('caseId').equals(found.caseId).toArray();
    const existing = types.find((type) => type.id === typeId);
    if (!existing) throw new NotFoundError(MISSING_TYPE);
    refuseTakenName(types, parsed.name, typeId);
    const updated: CaseEntityType = {
      ...existing,
      name: parsed.name,
      nameKey: entityNameKey(parsed.name),
      letter: parsed.letter,
      icon: parsed.icon,
      colour: parsed.colour ?? existing.colour,
      updatedAt: now(),
    };
    await db.entityTypes.put(updated);
    const summary =
      existing.name === updated.name
        ? `Edited the entity type ${quoted(updated.name)}`
        : `Renamed the entity type ${quoted(existing.name)} to ${quoted(updated.name)}`;
    return { result: updated, change: { action: 'update', summary, records: [] } };
  });
}

const replacementSchema = z.object({ replaceWith: z.string().min(1).nullable().default(null) });

/**
 * Deletes a type of the case's own. Its entities take the type `replaceWith` (built-in or another of the case's own);
 * without one, a type still in use is refused, saying how many entities have it. A move that would give two entities
 * of the new type the same name is refused, naming both. Suggestions dismissed as that type are forgotten with it.
 */
export async function deleteEntityType(
  db: CasebookDB,
  typeId: string,
  options: { replaceWith?: string | null } = {},
): Promise<{ moved: number }> {
  const { replaceWith } = parseInput(replacementSchema, options);
  const found = await db.entityTypes.get(typeId);
  if (!found) throw new NotFoundError(MISSING_TYPE);
  const { caseId } = found;
  return writeCase(db, caseId, ['entityTypes', 'entities', 'dismissedSuggestions'], async () => {
    const type = await db.entityTypes.get(typeId);
    if (!type) throw new NotFoundError(MISSING_TYPE);
    const ofType = await db.entities.where('[caseId+type]').equals([caseId, typeId]).toArray();
    let moved: Entity[] = [];
    if (ofType.length) {
      const count = `${ofType.length.toLocaleString('en')} ${ofType.length === 1 ? 'entity is' : 'entities are'}`;
      if (replaceWith === null)
        throw fieldError('replaceWith', `${count} of the type ${quoted(type.name)}: choose the type they take instead.`);
      if (replaceWith === typeId)
        throw fieldError('replaceWith', `Choose another type than ${quoted(type.name)} for its entities to take.`);
      const into = await entityTypeIn(db, caseId, replaceWith, 'replaceWith');
      const names = await NamesInCase.of(db, caseId);
      const at = now();
      moved = ofType.map((entity) => ({ ...entity, type: replaceWith, updatedAt: at }));
      for (const entity of moved) {
        const clash = names.find(entity);
        if (clash) {
          const message = clashInSentence(clashMessage({ ...clash, other: clash.owner }, into, 'Rename or merge one of them first.'));
          throw new ValidationError([
            { field: 'replaceWith', message: `${quoted(entity.name)} cannot become a ${into}: ${message}`, record: { type: 'entity', id: clash.owner.id } },
          ]);
        }
        names.add(entity, entity);
      }
      await db.entities.bulkPut(moved);
    }
    await db.entityTypes.delete(typeId);
    await db.dismissedSuggestions.where('caseId').equals(caseId).filter((dismissed) => dismissed.type === typeId).delete();
    const types = await db.entityTypes.where('caseId').equals(caseId).toArray();
    const what = moved.length
      ? ` (${moved.length.toLocaleString('en')} ${moved.length === 1 ? 'entity is' : 'entities are'} now ${entityTypeLabel(replaceWith!, types)})`
      : '';
    return {
      result: { moved: moved.length },
      change: {
        action: 'delete',
        summary: `Deleted the entity type ${quoted(type.name)}${what}`,
        records: moved.length <= NAMED_ENTITIES ? moved.map((entity) => ({ type: 'entity' as const, id: entity.id })) : [],
      },
    };
  });
}
