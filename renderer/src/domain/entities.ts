import type { Entity } from '../../../shared/domain';
import { entityInputSchema, type EntityInput } from '../../../shared/validation';
import type { CasebookDB } from '../db/schema';
import { editRecord, newId, now, parseInput, quoted, writeCase } from './writeCase';
import { ValidationError } from './errors';

type ParsedEntity = ReturnType<typeof entityInputSchema.parse>;

const alreadyInCase = (entity: Pick<Entity, 'name' | 'type'>) =>
  `This case already has a ${entity.type} named ${quoted(entity.name)}. Open it, or add this name as an alias.`;

const duplicateEntity = (entity: Pick<Entity, 'name' | 'type'>) =>
  new ValidationError([{ field: 'name', message: alreadyInCase(entity) }]);

function buildEntity(caseId: string, input: ParsedEntity, at: string): Entity {
  return { id: newId(), caseId, ...input, nameKey: input.name.toLocaleLowerCase(), createdAt: at, updatedAt: at };
}

/** Keys that make two entities the same: the same name and type within a case. */
const identity = (entity: Pick<Entity, 'nameKey' | 'type'>) => `${entity.type}\u0000${entity.nameKey}`;

async function findSame(db: CasebookDB, caseId: string, entity: Pick<Entity, 'nameKey' | 'type'>) {
  return db.entities
    .where('[caseId+nameKey]')
    .equals([caseId, entity.nameKey])
    .filter((other) => other.type === entity.type)
    .first();
}

export async function createEntity(db: CasebookDB, caseId: string, input: EntityInput): Promise<Entity> {
  const entity = buildEntity(caseId, parseInput(entityInputSchema, input), now());
  return writeCase(db, caseId, ['entities'], async () => {
    if (await findSame(db, caseId, entity)) throw duplicateEntity(entity);
    await db.entities.add(entity);
    return {
      result: entity,
      change: {
        action: 'create',
        summary: `Added ${entity.type} ${quoted(entity.name)}`,
        records: [{ type: 'entity', id: entity.id }],
      },
    };
  });
}

/**
 * Adds many entities in one transaction with one history entry: what an import or a paste of a list uses.
 * Rejects the whole batch, naming the first offending row, if any entity is invalid or a duplicate.
 */
export async function createEntities(db: CasebookDB, caseId: string, inputs: EntityInput[]): Promise<Entity[]> {
  // An empty list changes nothing, so it must not add a history line or move the case up the library.
  if (!inputs.length) return [];
  const at = now();
  const entities = inputs.map((input, row) => {
    const parsed = entityInputSchema.safeParse(input);
    if (!parsed.success)
      throw new ValidationError([{ field: '', message: `Row ${row + 1}: ${parsed.error.issues[0]!.message}` }]);
    return buildEntity(caseId, parsed.data, at);
  });
  return writeCase(db, caseId, ['entities'], async () => {
    const inCase = new Set<string>();
    await db.entities
      .where('caseId')
      .equals(caseId)
      .each((entity) => inCase.add(identity(entity)));
    const rowOf = new Map<string, number>();
    for (const [index, entity] of entities.entries()) {
      const key = identity(entity);
      const row = index + 1;
      if (inCase.has(key))
        throw new ValidationError([{ field: '', message: `Row ${row}: ${alreadyInCase(entity)}` }]);
      const earlierRow = rowOf.get(key);
      if (earlierRow) {
        const what = `the ${entity.type} ${quoted(entity.name)}`;
        throw new ValidationError([
          { field: '', message: `Row ${row}: ${what} is already on row ${earlierRow}. Keep one of them.` },
        ]);
      }
      rowOf.set(key, row);
    }
    await db.entities.bulkAdd(entities);
    const count = entities.length.toLocaleString('en');
    return {
      result: entities,
      change: {
        action: 'create',
        summary: entities.length === 1 ? `Added ${count} entity` : `Added ${count} entities`,
        records: entities.length <= 100 ? entities.map((entity) => ({ type: 'entity' as const, id: entity.id })) : [],
      },
    };
  });
}

export async function updateEntity(db: CasebookDB, entityId: string, input: EntityInput): Promise<Entity> {
  const parsed = parseInput(entityInputSchema, input);
  const missing = 'This entity no longer exists. It may have been deleted in another window.';
  return editRecord(db, db.entities, entityId, missing, [], async (existing) => {
    const updated: Entity = { ...existing, ...parsed, nameKey: parsed.name.toLocaleLowerCase(), updatedAt: now() };
    const same = await findSame(db, existing.caseId, updated);
    if (same && same.id !== entityId) throw duplicateEntity(updated);
    await db.entities.put(updated);
    const renamed = existing.name !== updated.name;
    return {
      result: updated,
      change: {
        action: 'update',
        summary: renamed
          ? `Renamed ${quoted(existing.name)} to ${quoted(updated.name)}`
          : `Edited ${updated.type} ${quoted(updated.name)}`,
        records: [{ type: 'entity', id: entityId }],
      },
    };
  });
}
