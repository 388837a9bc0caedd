/**
 * The case's entities: people, organisations, places… and types of the case's own. A name or alias is one entity's
 * only, among the entities of its type in the case (case and spacing folded); a clash is refused with a message that
 * names the other entity and carries its id, so the form can offer to open it or merge the two.
 */
import { ENTITY_TYPES, type Alias, type Entity, type EntityAttribute, type RecordRef } from '../../../shared/domain';
import { entityNameKey, entityTypeLabel, isBuiltInEntityType } from '../../../shared/entities';
import { entityInputSchema, entityUpdateSchema, type EntityInput, type EntityUpdate } from '../../../shared/validation';
import type { CasebookDB } from '../db/schema';
import { editRecord, newId, now, parseInput, quoted, writeCase } from './writeCase';
import { ValidationError } from './errors';
import { checkTagsInCase } from './tags';
import { touchTextsMentioning } from './textLinks';

type ParsedEntity = ReturnType<typeof entityInputSchema.parse>;
type ParsedAlias = ParsedEntity['aliases'][number];
type ParsedAttribute = ParsedEntity['attributes'][number];

export const MISSING_ENTITY = 'This entity no longer exists. It may have been deleted in another window.';

/** The tables an entity's write reads besides `entities`: the case's own types and the codebook, only when needed. */
export const entityTables = (type: string, tags: readonly string[] = []) =>
  [...(isBuiltInEntityType(type) ? [] : (['entityTypes'] as const)), ...(tags.length ? (['tags'] as const) : [])] as const;

/**
 * What a type is called, checked inside the transaction: a built-in type, or one of the case's own. An unknown type
 * is refused on the `type` field, listing the types the case has.
 */
export async function entityTypeIn(db: CasebookDB, caseId: string, type: string, field = 'type'): Promise<string> {
  if (isBuiltInEntityType(type)) return type;
  const own = await db.entityTypes.where('caseId').equals(caseId).toArray();
  const found = own.find((candidate) => candidate.id === type);
  if (found) return found.name;
  const names = own.map((candidate) => candidate.name).sort((a, b) => a.localeCompare(b));
  throw new ValidationError([
    {
      field,
      message: `Type must be one of: ${ENTITY_TYPES.join(', ')}${names.length ? `, or one of this case’s own: ${names.join(', ')}` : ''}.`,
    },
  ]);
}

/** The aliases given, each with its origin: one given as a plain name keeps the origin it had on the entity, else typed. */
export function settleAliases(given: readonly ParsedAlias[], existing: readonly Alias[] = []): Alias[] {
  const known = new Map(existing.map((alias) => [entityNameKey(alias.name), alias]));
  return given.map(({ name, origin, from }) => {
    if (origin) return { name, origin, ...(from && { from }) };
    const before = known.get(entityNameKey(name));
    return before ? { ...before, name } : { name, origin: 'typed' };
  });
}

/** The attributes given, each with an id: its own if it has one (once), a new one otherwise. */
export function settleAttributes(given: readonly ParsedAttribute[]): EntityAttribute[] {
  const ids = new Set<string>();
  return given.map(({ id, key, value, start, end }) => {
    const kept = id && !ids.has(id) ? id : newId();
    ids.add(kept);
    return { id: kept, key, value, start, end };
  });
}

export const aliasKeysOf = (aliases: readonly Pick<Alias, 'name'>[]): string[] => [
  ...new Set(aliases.map((alias) => entityNameKey(alias.name))),
];

/** A new entity of the case, from parsed input. */
export function buildEntity(caseId: string, input: ParsedEntity, at: string): Entity {
  const aliases = settleAliases(input.aliases);
  return {
    id: newId(),
    caseId,
    name: input.name,
    nameKey: entityNameKey(input.name),
    type: input.type,
    aliases,
    aliasKeys: aliasKeysOf(aliases),
    attributes: settleAttributes(input.attributes),
    tags: input.tags,
    description: input.description,
    createdAt: at,
    updatedAt: at,
  };
}

/** A name of a new or edited entity that another entity of its type already has, as its name or as an alias. */
export interface NameClash {
  /** The field of the name clashing: "name", or "aliases.2". */
  field: string;
  name: string;
  other: Entity;
  /** Whether the other entity has it as its name or as an alias. */
  as: 'name' | 'alias';
}

/** The names an entity is known by, with the field each comes from: its name first, then its aliases. */
const namesOf = (entity: Pick<Entity, 'name' | 'aliases'>) => [
  { field: 'name', name: entity.name },
  ...entity.aliases.map((alias, index) => ({ field: `aliases.${index}`, name: alias.name })),
];

/**
 * The first of an entity's names that another entity of the same type in the case has, found through the indexes
 * (names by `[caseId+nameKey]`, aliases by `aliasKeys`); entities in `except` (the entity itself, those merged into
 * it) do not count.
 */
export async function findNameClash(
  db: CasebookDB,
  entity: Pick<Entity, 'caseId' | 'type' | 'name' | 'aliases'>,
  except: ReadonlySet<string>,
): Promise<NameClash | undefined> {
  const names = namesOf(entity);
  const keys = [...new Set(names.map(({ name }) => entityNameKey(name)))];
  const [byName, byAlias] = await Promise.all([
    db.entities.where('[caseId+nameKey]').anyOf(keys.map((key) => [entity.caseId, key])).toArray(),
    db.entities.where('aliasKeys').anyOf(keys).toArray(),
  ]);
  const others = [...byName, ...byAlias].filter(
    (other) => other.caseId === entity.caseId && other.type === entity.type && !except.has(other.id),
  );
  for (const { field, name } of names) {
    const key = entityNameKey(name);
    const other = others.find((candidate) => candidate.nameKey === key) ?? others.find((candidate) => candidate.aliasKeys.includes(key));
    if (other) return { field, name, other, as: other.nameKey === key ? 'name' : 'alias' };
  }
  return undefined;
}

/**
 * Why a clash is refused, in words that name the other entity: `offer` says what the view can do about it ("Open
 * it." for a new entity, "Open it, or merge the two." for one that exists).
 */
export function clashMessage(clash: NameClash, typeLabel: string, offer: string): string {
  const other = quoted(clash.other.name);
  if (clash.field === 'name')
    return clash.as === 'name'
      ? `This case already has ${withArticle(typeLabel)} named ${other}. ${offer}`
      : `${quoted(clash.name)} is an alias of the ${typeLabel} ${other} in this case. ${offer}`;
  return clash.as === 'name'
    ? `The alias ${quoted(clash.name)} is the name of the ${typeLabel} ${other} in this case. ${offer}`
    : `The alias ${quoted(clash.name)} is already an alias of the ${typeLabel} ${other} in this case. ${offer}`;
}

/** "a person", "an organisation", "an other" (by its first letter: type names are not "an hour" or "a unit"). */
export const withArticle = (label: string): string => `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;

/** A clash message inside a longer sentence, after a colon: its first word in lower case. */
export const clashInSentence = (message: string): string =>
  /^(This|The) /.test(message) ? `${message.charAt(0).toLowerCase()}${message.slice(1)}` : message;

export function clashError(clash: NameClash, typeLabel: string, offer: string): ValidationError {
  return new ValidationError([
    { field: clash.field, message: clashMessage(clash, typeLabel, offer), record: { type: 'entity', id: clash.other.id } },
  ]);
}

const OPEN_IT = 'Open it instead.';
const OPEN_OR_MERGE = 'Open it, or merge the two.';

export async function createEntity(db: CasebookDB, caseId: string, input: EntityInput): Promise<Entity> {
  const entity = buildEntity(caseId, parseInput(entityInputSchema, input), now());
  return writeCase(db, caseId, ['entities', ...entityTables(entity.type, entity.tags)], async () => {
    const typeLabel = await entityTypeIn(db, caseId, entity.type);
    await checkTagsInCase(db, caseId, entity.tags);
    const clash = await findNameClash(db, entity, new Set());
    if (clash) throw clashError(clash, typeLabel, OPEN_IT);
    await db.entities.add(entity);
    return {
      result: entity,
      change: {
        action: 'create',
        summary: `Added ${typeLabel} ${quoted(entity.name)}`,
        records: [{ type: 'entity', id: entity.id }],
      },
    };
  });
}

/**
 * The names and aliases of a case's entities (and of entities about to join them), folded, by type: what a batch
 * checks each entity against, read once rather than queried entity by entity.
 */
export class NamesInCase<Owner> {
  private readonly owners = new Map<string, { owner: Owner; as: 'name' | 'alias' }>();

  private static keyOf = (type: string, name: string) => `${type}\u0000${entityNameKey(name)}`;

  /** Remembers an entity's names as its owner's, unless another owner had them first. */
  add(entity: Pick<Entity, 'type' | 'name' | 'aliases'>, owner: Owner): void {
    for (const [index, { name }] of namesOf(entity).entries()) {
      const key = NamesInCase.keyOf(entity.type, name);
      if (!this.owners.has(key)) this.owners.set(key, { owner, as: index === 0 ? 'name' : 'alias' });
    }
  }

  /** The first of an entity's names already owned, with the field it comes from. */
  find(entity: Pick<Entity, 'type' | 'name' | 'aliases'>): { field: string; name: string; owner: Owner; as: 'name' | 'alias' } | undefined {
    for (const { field, name } of namesOf(entity)) {
      const found = this.owners.get(NamesInCase.keyOf(entity.type, name));
      if (found) return { field, name, ...found };
    }
    return undefined;
  }

  static async of(db: CasebookDB, caseId: string): Promise<NamesInCase<Entity>> {
    const names = new NamesInCase<Entity>();
    await db.entities
      .where('caseId')
      .equals(caseId)
      .each((entity) => names.add(entity, entity));
    return names;
  }
}

/**
 * Adds many entities in one transaction with one history entry. Rejects the whole batch, naming the first offending
 * row, if any entity is invalid, is in the list twice, or clashes with an entity of the case. (`importEntities`
 * reports every row instead, and skips what the case already has.)
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
  const custom = entities.some((entity) => !isBuiltInEntityType(entity.type));
  const tagged = entities.some((entity) => entity.tags.length);
  const tables = ['entities', ...(custom ? (['entityTypes'] as const) : []), ...(tagged ? (['tags'] as const) : [])] as const;
  return writeCase(db, caseId, tables, async () => {
    const ownTypes = custom ? await db.entityTypes.where('caseId').equals(caseId).toArray() : [];
    const inCase = await NamesInCase.of(db, caseId);
    const inList = new NamesInCase<number>();
    for (const [index, entity] of entities.entries()) {
      const row = index + 1;
      const refuse = (message: string, record?: RecordRef): never => {
        throw new ValidationError([{ field: '', message: `Row ${row}: ${message}`, ...(record && { record }) }]);
      };
      if (!isBuiltInEntityType(entity.type) && !ownTypes.some((type) => type.id === entity.type))
        refuse(await entityTypeIn(db, caseId, entity.type).then(() => '', (error: Error) => error.message));
      const typeLabel = entityTypeLabel(entity.type, ownTypes);
      if (entity.tags.length) await checkTagsInCase(db, caseId, entity.tags).catch((error: Error) => refuse(error.message));
      const clash = inCase.find(entity);
      if (clash) refuse(clashMessage({ ...clash, other: clash.owner }, typeLabel, OPEN_IT), { type: 'entity', id: clash.owner.id });
      const earlier = inList.find(entity);
      if (earlier) refuse(`the ${typeLabel} ${quoted(earlier.name)} is already on row ${earlier.owner}. Keep one of them.`);
      inList.add(entity, row);
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

/**
 * Edits an entity: its name and type, and whichever of aliases, attributes, tags and description are given (the rest
 * stay as they are). Aliases given as plain names keep the origin they had; new ones are typed.
 */
export async function updateEntity(db: CasebookDB, entityId: string, input: EntityUpdate): Promise<Entity> {
  const parsed = parseInput(entityUpdateSchema, input);
  // A rename reaches the notes that mention the entity (see below): their links and the notes are read.
  const tables = [...entityTables(parsed.type, parsed.tags), 'links', 'notes'] as const;
  return editRecord(db, db.entities, entityId, MISSING_ENTITY, tables, async (existing) => {
    const typeLabel = await entityTypeIn(db, existing.caseId, parsed.type);
    if (parsed.tags) await checkTagsInCase(db, existing.caseId, parsed.tags);
    const aliases = parsed.aliases ? settleAliases(parsed.aliases, existing.aliases) : existing.aliases.filter(
      (alias) => entityNameKey(alias.name) !== entityNameKey(parsed.name),
    );
    const updated: Entity = {
      ...existing,
      name: parsed.name,
      nameKey: entityNameKey(parsed.name),
      type: parsed.type,
      aliases,
      aliasKeys: aliasKeysOf(aliases),
      attributes: parsed.attributes ? settleAttributes(parsed.attributes) : existing.attributes,
      tags: parsed.tags ?? existing.tags,
      description: parsed.description === undefined ? existing.description : parsed.description,
      updatedAt: now(),
    };
    const clash = await findNameClash(db, updated, new Set([entityId]));
    if (clash) throw clashError(clash, typeLabel, OPEN_OR_MERGE);
    await db.entities.put(updated);
    const renamed = existing.name !== updated.name;
    // The notes that mention it are found by its new name at once: search reads them again.
    const mentioning = renamed ? await touchTextsMentioning(db, [entityId]) : [];
    return {
      result: updated,
      change: {
        action: 'update',
        summary: renamed
          ? `Renamed ${quoted(existing.name)} to ${quoted(updated.name)}`
          : `Edited ${typeLabel} ${quoted(updated.name)}`,
        records: [{ type: 'entity', id: entityId }, ...mentioning],
      },
    };
  });
}
