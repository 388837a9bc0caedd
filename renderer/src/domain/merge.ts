/**
 * Merging entities that turn out to be one (and undoing it), and splitting an alias off into an entity of its own.
 *
 * A merge is one history entry that keeps every record it changed or deleted as it was before (`MergeUndo`), and
 * stamps every record it wrote with one time. Undoing it puts those records back exactly, as long as none of the
 * records the merge wrote has changed since (its `updatedAt` is still the merge's stamp) and everything the restored
 * records point at is still there; otherwise it is refused, saying what changed.
 */
import {
  CONFIDENCES,
  type ChartPosition,
  type Entity,
  type EntityAttribute,
  type HistoryEntry,
  type Link,
  type MergeUndo,
  type PartialDate,
  type RecordRef,
  type Relationship,
  type RichText,
  type TimelineEvent,
} from '../../../shared/domain';
import { cycleThrough, entityNameKey, entityTypeLabel, isBuiltInEntityType, relationshipTypeInfo } from '../../../shared/entities';
import { LIMITS } from '../../../shared/limits';
import { sortKeyOf } from '../../../shared/partialDate';
import { mergeInputSchema, splitAliasSchema } from '../../../shared/validation';
import { LINK_KIND_INFO, LOCATED_IN, RECORD_TYPES, tableOf } from '../../../shared/vocabulary';
import { recordByRef } from '../db/queries/records';
import type { CasebookDB } from '../db/schema';
import { MISSING_ENTITY, aliasKeysOf, clashInSentence, clashMessage, findNameClash, withArticle } from './entities';
import { NotFoundError, ValidationError } from './errors';
import { sameRelationship } from './relationships';
import { touchTextsMentioning } from './textLinks';
import { newId, now, parseInput, quoted, writeCase } from './writeCase';

const fieldError = (field: string, message: string) => new ValidationError([{ field, message }]);
const entityRef = (id: string): RecordRef => ({ type: 'entity', id });
const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
/** "“A”, “B” and “C”". */
const listOf = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

const dateKey = (date: PartialDate | null) => (date ? `${sortKeyOf(date)}${date.precision}` : '');

// ---- what a merge makes of the entities

/** The kept entity's aliases, then every name and alias of the merged ones it lacks, remembered as merged in. */
function uniteAliases(kept: Entity, merged: readonly Entity[]): Entity['aliases'] {
  const known = new Set([kept.nameKey, ...kept.aliases.map((alias) => entityNameKey(alias.name))]);
  const aliases = [...kept.aliases];
  for (const entity of merged)
    for (const name of [entity.name, ...entity.aliases.map((alias) => alias.name)]) {
      const key = entityNameKey(name);
      if (known.has(key)) continue;
      known.add(key);
      aliases.push({ name, origin: 'merge', from: entity.name });
    }
  return aliases;
}

/** Every attribute kept; one the kept entity already has (same name, value and dates) only once. */
function uniteAttributes(kept: Entity, merged: readonly Entity[]): EntityAttribute[] {
  const keyOf = (attribute: EntityAttribute) =>
    [entityNameKey(attribute.key), entityNameKey(attribute.value), dateKey(attribute.start), dateKey(attribute.end)].join('\u0000');
  const seen = new Set(kept.attributes.map(keyOf));
  const attributes = [...kept.attributes];
  for (const attribute of merged.flatMap((entity) => entity.attributes))
    if (!seen.has(keyOf(attribute))) {
      seen.add(keyOf(attribute));
      attributes.push(attribute);
    }
  return attributes;
}

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'italic' }] }] });

/** Rich texts end to end, each after the first under a line saying where it came from; null when none has content. */
function joinRichTexts(first: RichText | null, others: readonly { from: string; text: RichText | null }[]): RichText | null {
  const more = others.filter((other) => other.text?.content?.length);
  if (!more.length) return first;
  const content = [...(first?.content ?? [])];
  for (const { from, text } of more) content.push(paragraph(from), ...text!.content!);
  return { type: 'doc', content };
}

/** How sure, of two: the surer. */
const surer = (a: Relationship['confidence'], b: Relationship['confidence']) =>
  CONFIDENCES.indexOf(a) <= CONFIDENCES.indexOf(b) ? a : b;

/** Links and relationships re-pointed from merged entities to the kept one. */
function repointEnd<R extends { id: string }>(ref: R, gone: ReadonlySet<string>, keptId: string): R {
  return gone.has(ref.id) ? { ...ref, id: keptId } : ref;
}

function linkKey(link: Link): string {
  const [a, b] = LINK_KIND_INFO[link.kind].symmetric ? [link.from.id, link.to.id].sort() : [link.from.id, link.to.id];
  return `${link.kind}\u0000${a}\u0000${b}`;
}

/** What becomes of the links of merged entities: re-pointed, or removed as pointing at itself or as a duplicate. */
function mergeLinks(keptLinks: readonly Link[], touched: readonly Link[], gone: ReadonlySet<string>, keptId: string, at: string) {
  const survivors = new Map(keptLinks.map((link) => [linkKey(link), link]));
  const written: Link[] = [];
  const removed: Link[] = [];
  for (const link of [...touched].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const from = repointEnd(link.from, gone, keptId);
    const to = repointEnd(link.to, gone, keptId);
    const repointed: Link = { ...link, from, to, ends: [from.id, to.id], updatedAt: at };
    const key = linkKey(repointed);
    if (from.id === to.id || survivors.has(key)) removed.push(link);
    else {
      survivors.set(key, repointed);
      written.push(repointed);
    }
  }
  return { written, removed };
}

/**
 * What becomes of the relationships of merged entities: re-pointed; removed when between two of the merged (with
 * itself); or collapsed into one that says the same, which takes their supporting excerpts, the surer confidence and
 * their notes.
 */
function mergeRelationships(
  keptRelationships: readonly Relationship[],
  touched: readonly Relationship[],
  symmetric: (type: string) => boolean,
  names: ReadonlyMap<string, string>,
  gone: ReadonlySet<string>,
  keptId: string,
  at: string,
) {
  const survivors: Relationship[] = [...keptRelationships];
  const written = new Map<string, Relationship>();
  const removed: Relationship[] = [];
  /** Kept relationships changed by a collapse, as they were. */
  const changedKept: Relationship[] = [];
  for (const relationship of [...touched].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const from = gone.has(relationship.from) ? keptId : relationship.from;
    const to = gone.has(relationship.to) ? keptId : relationship.to;
    const repointed: Relationship = { ...relationship, from, to, ends: [from, to], updatedAt: at };
    if (from === to) {
      removed.push(relationship);
      continue;
    }
    const index = survivors.findIndex((other) => sameRelationship(other, repointed, symmetric(repointed.type)));
    if (index < 0) {
      survivors.push(repointed);
      written.set(repointed.id, repointed);
      continue;
    }
    const survivor = survivors[index]!;
    if (!written.has(survivor.id)) changedKept.push(survivor);
    const mergedEnd = gone.has(relationship.from) ? relationship.from : relationship.to;
    const collapsed: Relationship = {
      ...survivor,
      confidence: surer(survivor.confidence, relationship.confidence),
      excerptIds: [...new Set([...survivor.excerptIds, ...relationship.excerptIds])],
      note: joinRichTexts(survivor.note, [{ from: `From the same relationship of ${quoted(names.get(mergedEnd) ?? '')}, merged in:`, text: relationship.note }]),
      updatedAt: at,
    };
    survivors[index] = collapsed;
    written.set(collapsed.id, collapsed);
    removed.push(relationship);
  }
  return { written: [...written.values()], removed, changedKept, all: survivors };
}

/**
 * Merges entities into the one kept: their names and aliases become its aliases (remembered as merged in, from which
 * entity), their attributes and tags join its own, their descriptions follow its own; every link and relationship of
 * theirs is re-pointed to it (one that would point at itself is removed, one that says what another already says is
 * collapsed into it), and they are deleted. One history entry, which `undoMerge` can revert until a record the merge
 * wrote changes again.
 */
export async function mergeEntities(db: CasebookDB, keepId: string, mergeIds: readonly string[]): Promise<Entity> {
  const { keepId: keptId, mergeIds: ids } = parseInput(mergeInputSchema, { keepId, mergeIds });
  const found = await db.entities.get(keptId);
  if (!found) throw new NotFoundError(MISSING_ENTITY);
  const { caseId } = found;
  const tables = ['entities', 'entityTypes', 'links', 'relationships', 'relationshipTypes', 'chartLayouts', 'events', 'notes'] as const;
  return writeCase(db, caseId, tables, async () => {
    const kept = await db.entities.get(keptId);
    if (!kept) throw new NotFoundError(MISSING_ENTITY);
    const merged = await db.entities.bulkGet(ids);
    if (merged.some((entity) => !entity || entity.caseId !== caseId))
      throw fieldError('mergeIds', 'An entity chosen to merge is no longer in this case (deleted in another window?). Choose them again.');
    const others = merged as Entity[];
    const at = now();
    const gone = new Set(ids);
    const typeLabel = entityTypeLabel(kept.type, isBuiltInEntityType(kept.type) ? [] : await db.entityTypes.where('caseId').equals(caseId).toArray());

    const aliases = uniteAliases(kept, others);
    const tags = [...new Set([...kept.tags, ...others.flatMap((entity) => entity.tags)])];
    const attributes = uniteAttributes(kept, others);
    const tooManyOf = (what: string, have: number, max: number) =>
      fieldError(
        'mergeIds',
        `${quoted(kept.name)} would have ${have.toLocaleString('en')} ${what}, and an entity holds at most ${max.toLocaleString('en')}. Remove some first.`,
      );
    if (aliases.length > LIMITS.aliasCount) throw tooManyOf('aliases', aliases.length, LIMITS.aliasCount);
    if (tags.length > LIMITS.tagCount) throw tooManyOf('tags', tags.length, LIMITS.tagCount);
    if (attributes.length > LIMITS.attributeCount) throw tooManyOf('attributes', attributes.length, LIMITS.attributeCount);
    const united: Entity = {
      ...kept,
      aliases,
      aliasKeys: aliasKeysOf(aliases),
      attributes,
      tags,
      description: joinRichTexts(
        kept.description,
        others.map((entity) => ({ from: `From ${quoted(entity.name)}, merged in:`, text: entity.description })),
      ),
      updatedAt: at,
    };
    const clash = await findNameClash(db, united, new Set([keptId, ...ids]));
    if (clash)
      throw new ValidationError([
        {
          field: 'mergeIds',
          message: `${quoted(clash.name)} cannot become a name of ${quoted(kept.name)}: ${clashInSentence(clashMessage(clash, typeLabel, 'Merge it too, or rename it first.'))}`,
          record: entityRef(clash.other.id),
        },
      ]);

    const names = new Map([kept, ...others].map((entity) => [entity.id, entity.name]));
    // The notes that mention a merged entity are found by the kept one's name at once: search reads them again.
    const mentioning = await touchTextsMentioning(db, ids);
    const [touchedLinks, keptLinks] = await Promise.all([
      db.links.where('ends').anyOf(ids).distinct().toArray(),
      db.links.where('ends').equals(keptId).toArray(),
    ]);
    const touchedIds = new Set(touchedLinks.map((link) => link.id));
    const links = mergeLinks(keptLinks.filter((link) => !touchedIds.has(link.id)), touchedLinks, gone, keptId, at);

    const ownTypes = await db.relationshipTypes.where('caseId').equals(caseId).toArray();
    const symmetric = (type: string) => relationshipTypeInfo(type, ownTypes)?.symmetric ?? false;
    const [touchedRelationships, keptRelationships] = await Promise.all([
      db.relationships.where('ends').anyOf(ids).distinct().toArray(),
      db.relationships.where('ends').equals(keptId).toArray(),
    ]);
    const touchedRelationshipIds = new Set(touchedRelationships.map((relationship) => relationship.id));
    const relationships = mergeRelationships(
      keptRelationships.filter((relationship) => !touchedRelationshipIds.has(relationship.id)),
      touchedRelationships,
      symmetric,
      names,
      gone,
      keptId,
      at,
    );
    await refuseMergedCycle(db, caseId, kept, relationships);

    // The chart: the kept entity keeps its place (or takes the first merged one's); the merged ones leave it.
    const layout = await db.chartLayouts.get(caseId);
    const positions: Record<string, ChartPosition> = {};
    if (layout) {
      for (const id of [keptId, ...ids]) if (layout.positions[id]) positions[id] = layout.positions[id];
      const after = { ...layout.positions };
      const place = after[keptId] ?? ids.map((id) => layout.positions[id]).find(Boolean);
      for (const id of ids) delete after[id];
      if (place) after[keptId] = place;
      await db.chartLayouts.put({ ...layout, positions: after, updatedAt: at });
    }

    await db.entities.put(united);
    await db.entities.bulkDelete(ids);
    await db.links.bulkPut(links.written);
    await db.links.bulkDelete(links.removed.map((link) => link.id));
    await db.relationships.bulkPut(relationships.written);
    await db.relationships.bulkDelete(relationships.removed.map((relationship) => relationship.id));
    const events = await repointEvents(db, gone, keptId, at);

    const undo: MergeUndo = {
      kind: 'merge',
      keptId,
      mergedIds: ids,
      writtenAt: at,
      before: {
        entities: [kept, ...others],
        links: [...links.written.map((link) => touchedLinks.find((before) => before.id === link.id)!), ...links.removed],
        relationships: [
          ...touchedRelationships.filter((relationship) => relationships.written.some((written) => written.id === relationship.id)),
          ...relationships.changedKept,
          ...relationships.removed,
        ],
        positions,
        events: events.before,
      },
      written: {
        entities: [keptId],
        links: links.written.map((link) => link.id),
        relationships: relationships.written.map((relationship) => relationship.id),
        events: events.before.map((event) => event.id),
      },
    };
    const moved = links.written.length + relationships.written.length - relationships.changedKept.length;
    const dropped = links.removed.length + relationships.removed.length;
    const details = [
      moved ? `${count(moved, 'link', 'links')} moved` : '',
      dropped ? `${count(dropped, 'redundant one', 'redundant ones')} removed` : '',
    ].filter(Boolean);
    return {
      result: united,
      change: {
        action: 'merge',
        summary: `Merged ${listOf(others.map((entity) => quoted(entity.name)))} into ${quoted(kept.name)}${details.length ? ` (${details.join(', ')})` : ''}`,
        records: [entityRef(keptId), ...ids.map(entityRef), ...mentioning],
        undo,
      },
    };
  });
}

/**
 * The events whose participants or place were among the merged: they name the kept entity instead (once, with the
 * first role given). Returns them as they were, for the undo.
 */
async function repointEvents(db: CasebookDB, gone: ReadonlySet<string>, keptId: string, at: string): Promise<{ before: TimelineEvent[] }> {
  const ids = [...gone];
  const keys = new Set([...(await db.events.where('participantIds').anyOf(ids).primaryKeys()), ...(await db.events.where('placeId').anyOf(ids).primaryKeys())]);
  const before = (await db.events.bulkGet([...keys])).filter((event): event is TimelineEvent => event !== undefined);
  await db.events.bulkPut(
    before.map((event) => {
      const repointed = event.participants.map((participant) => (gone.has(participant.entityId) ? { ...participant, entityId: keptId } : participant));
      const participants = repointed.filter((one, index) => repointed.findIndex((other) => other.entityId === one.entityId) === index);
      const placeId = event.placeId && gone.has(event.placeId) ? keptId : event.placeId;
      return { ...event, participants, participantIds: participants.map((participant) => participant.entityId), placeId, updatedAt: at };
    }),
  );
  return { before };
}

/** Refuses a merge that would make a place located in itself through the kept entity, naming the circle. */
async function refuseMergedCycle(
  db: CasebookDB,
  caseId: string,
  kept: Entity,
  relationships: { all: readonly Relationship[]; removed: readonly Relationship[] },
): Promise<void> {
  const rewritten = new Map(relationships.all.map((relationship) => [relationship.id, relationship]));
  const removed = new Set(relationships.removed.map((relationship) => relationship.id));
  const edges = (await db.relationships.where('[caseId+type]').equals([caseId, LOCATED_IN]).toArray())
    .filter((relationship) => !removed.has(relationship.id))
    .map((relationship) => rewritten.get(relationship.id) ?? relationship)
    .filter((relationship) => relationship.type === LOCATED_IN);
  // The case had no circle before, so a new one goes through the kept entity.
  for (const edge of edges.filter((candidate) => candidate.from === kept.id)) {
    const cycle = cycleThrough(edges.filter((other) => other.id !== edge.id), kept.id, edge.to);
    if (!cycle) continue;
    const entities = await db.entities.bulkGet(cycle);
    const names = entities.map((entity, index) => quoted(cycle[index] === kept.id ? kept.name : (entity?.name ?? '?')));
    throw fieldError(
      'mergeIds',
      `The merge would make ${quoted(kept.name)} located in itself: ${names.join(' → ')}, each located in the next. Remove one of those relationships first.`,
    );
  }
}

// ---- undoing a merge

/** The tables an undo reads and writes: the entities' own, and every record table a restored link may point at. */
const UNDO_TABLES = [
  'entities',
  'entityTypes',
  'links',
  'relationships',
  'relationshipTypes',
  'chartLayouts',
  'tags',
  ...new Set(RECORD_TYPES.map(tableOf)),
] as const;

const NOT_A_MERGE = 'This change is not a merge of entities, so it cannot be undone here.';

/**
 * Why a merge cannot be undone now, in a sentence (it was undone already, a record it wrote changed since, something a
 * restored record points at is gone, a restored name is taken), or null when it can. Read inside the undo's
 * transaction; a view can ask beforehand to offer the undo or say why not.
 */
export async function mergeUndoProblem(db: CasebookDB, historySeq: number): Promise<string | null> {
  const entry = await db.history.get(historySeq);
  if (!entry?.undo) return NOT_A_MERGE;
  return problemWith(db, entry as HistoryEntry & { undo: MergeUndo });
}

async function problemWith(db: CasebookDB, entry: HistoryEntry & { undo: MergeUndo }): Promise<string | null> {
  const undone = await db.history
    .where('[caseId+seq]')
    .between([entry.caseId, entry.seq!], [entry.caseId, Infinity])
    .filter((later) => later.undoes === entry.seq)
    .first();
  if (undone) return 'This merge was already undone.';
  const reason = await whyNotRevertible(db, entry);
  return reason && `This merge cannot be undone: ${reason} It can be undone only until a record it changed changes again.`;
}

/** What changed since a merge that keeps it from being reverted exactly, as the end of a sentence; null if nothing. */
async function whyNotRevertible(db: CasebookDB, entry: HistoryEntry & { undo: MergeUndo }): Promise<string | null> {
  const { undo, caseId } = entry;
  const { before, written, writtenAt } = undo;
  const keptBefore = before.entities.find((entity) => entity.id === undo.keptId)!;
  const restoredIds = new Set(before.entities.map((entity) => entity.id));

  // Every record the merge wrote is as it left it.
  const keptNow = await db.entities.get(undo.keptId);
  if (!keptNow) return `${quoted(keptBefore.name)} has been deleted since.`;
  if (keptNow.updatedAt !== writtenAt) return `${quoted(keptNow.name)} has changed since the merge.`;
  const linksNow = await db.links.bulkGet(written.links);
  if (linksNow.some((link) => !link || link.updatedAt !== writtenAt))
    return `a link the merge moved to ${quoted(keptNow.name)} has been removed or changed since.`;
  const relationshipsNow = await db.relationships.bulkGet(written.relationships);
  const changed = relationshipsNow.findIndex((relationship) => !relationship || relationship.updatedAt !== writtenAt);
  if (changed >= 0) return `a relationship of ${quoted(keptNow.name)} that the merge moved has been deleted or changed since.`;
  const eventsNow = await db.events.bulkGet(written.events ?? []);
  if (eventsNow.some((event) => !event || event.updatedAt !== writtenAt))
    return `an event the merge gave ${quoted(keptNow.name)} as participant or place has been deleted or changed since.`;

  // Everything the restored records point at is still there.
  const ownTypes = await db.entityTypes.where('caseId').equals(caseId).toArray();
  for (const entity of before.entities) {
    if (!isBuiltInEntityType(entity.type) && !ownTypes.some((type) => type.id === entity.type))
      return `the type of ${quoted(entity.name)} has been deleted since.`;
    const tags = await db.tags.bulkGet(entity.tags);
    if (tags.some((tag) => !tag)) return `a tag of ${quoted(entity.name)} has been deleted from the codebook since.`;
  }
  for (const link of before.links)
    for (const end of [link.from, link.to]) {
      if (end.type === 'entity' && restoredIds.has(end.id)) continue;
      const record = await recordByRef(db, end);
      const owner = before.entities.find((entity) => link.ends.includes(entity.id)) ?? keptBefore;
      if (!record || record.caseId !== caseId) return `a record linked to ${quoted(owner.name)} before the merge has been deleted since.`;
    }
  const relationshipTypes = await db.relationshipTypes.where('caseId').equals(caseId).toArray();
  for (const relationship of before.relationships) {
    const ends = await db.entities.bulkGet(relationship.ends.filter((id) => !restoredIds.has(id)));
    if (ends.some((entity) => !entity)) return `an entity related to ${quoted(keptBefore.name)} before the merge has been deleted since.`;
    if (!relationshipTypeInfo(relationship.type, relationshipTypes)) return 'the type of a relationship the merge changed has been deleted since.';
    const excerpts = await db.excerpts.bulkGet(relationship.excerptIds);
    if (excerpts.some((excerpt) => !excerpt)) return 'an excerpt supporting a relationship the merge changed has been deleted since.';
  }

  // No entity added or renamed since has taken a name the merged ones had.
  for (const entity of before.entities.filter((candidate) => candidate.id !== undo.keptId)) {
    const clash = await findNameClash(db, entity, restoredIds);
    if (clash)
      return `${quoted(entity.name)} cannot come back: ${clashInSentence(clashMessage(clash, entityTypeLabel(entity.type, ownTypes), 'Rename that one first.'))}`;
  }
  return null;
}

/**
 * Undoes a merge recorded at `historySeq`: the merged entities come back, the kept one is as it was, every link and
 * relationship the merge moved, collapsed or removed is as it was, and so is the chart. Refused, with what changed,
 * once a record the merge wrote has changed (see `mergeUndoProblem`).
 */
export async function undoMerge(db: CasebookDB, historySeq: number): Promise<Entity[]> {
  const found = await db.history.get(historySeq);
  if (!found?.undo) throw new NotFoundError(NOT_A_MERGE);
  return writeCase(db, found.caseId, [...UNDO_TABLES], async () => {
    const entry = await db.history.get(historySeq);
    if (!entry?.undo) throw new NotFoundError(NOT_A_MERGE);
    const problem = await problemWith(db, entry as HistoryEntry & { undo: MergeUndo });
    if (problem) throw fieldError('', problem);
    const { undo } = entry;
    const at = now();
    await db.entities.bulkPut(undo.before.entities);
    await db.links.bulkPut(undo.before.links);
    await db.relationships.bulkPut(undo.before.relationships);
    await db.events.bulkPut(undo.before.events ?? []);
    // The notes that mention the entities back are found by their names again (their links are back above).
    const mentioning = await touchTextsMentioning(db, undo.mergedIds);
    const layout = await db.chartLayouts.get(entry.caseId);
    if (layout) {
      const positions = { ...layout.positions };
      for (const id of [undo.keptId, ...undo.mergedIds]) {
        if (undo.before.positions[id]) positions[id] = undo.before.positions[id];
        else delete positions[id];
      }
      await db.chartLayouts.put({ ...layout, positions, updatedAt: at });
    }
    const kept = undo.before.entities.find((entity) => entity.id === undo.keptId)!;
    const back = undo.before.entities.filter((entity) => entity.id !== undo.keptId);
    return {
      result: undo.before.entities,
      change: {
        action: 'undo',
        undoes: historySeq,
        summary: `Undid the merge into ${quoted(kept.name)}: ${listOf(back.map((entity) => quoted(entity.name)))} ${back.length === 1 ? 'is' : 'are'} back`,
        records: [...undo.before.entities.map((entity) => entityRef(entity.id)), ...mentioning],
      },
    };
  });
}

// ---- splitting an alias off

/**
 * Splits an alias off an entity into an entity of its own, of the same type: the alias leaves the entity, and the
 * links and relationships chosen (`linksToMove`, ids of either) follow the new entity; the rest stay.
 */
export async function splitAlias(
  db: CasebookDB,
  entityId: string,
  aliasName: string,
  options: { linksToMove?: string[] } = {},
): Promise<Entity> {
  const { alias: typed, linksToMove } = parseInput(splitAliasSchema, { alias: aliasName, linksToMove: options.linksToMove ?? [] });
  const found = await db.entities.get(entityId);
  if (!found) throw new NotFoundError(MISSING_ENTITY);
  return writeCase(db, found.caseId, ['entities', 'entityTypes', 'links', 'relationships'], async () => {
    const entity = await db.entities.get(entityId);
    if (!entity) throw new NotFoundError(MISSING_ENTITY);
    const key = entityNameKey(typed);
    const alias = entity.aliases.find((candidate) => entityNameKey(candidate.name) === key);
    if (!alias) throw fieldError('alias', `${quoted(typed)} is not an alias of ${quoted(entity.name)}.`);
    const at = now();
    const aliases = entity.aliases.filter((candidate) => candidate !== alias);
    const source: Entity = { ...entity, aliases, aliasKeys: aliasKeysOf(aliases), updatedAt: at };
    const split: Entity = {
      id: newId(),
      caseId: entity.caseId,
      name: alias.name,
      nameKey: entityNameKey(alias.name),
      type: entity.type,
      aliases: [],
      aliasKeys: [],
      attributes: [],
      tags: [],
      description: null,
      createdAt: at,
      updatedAt: at,
    };
    const ownTypes = isBuiltInEntityType(entity.type) ? [] : await db.entityTypes.where('caseId').equals(entity.caseId).toArray();
    const typeLabel = entityTypeLabel(entity.type, ownTypes);
    const clash = await findNameClash(db, split, new Set([entity.id]));
    if (clash)
      throw new ValidationError([{ field: 'alias', message: clashMessage(clash, typeLabel, 'Merge with it instead.'), record: entityRef(clash.other.id) }]);

    const [links, relationships] = await Promise.all([db.links.bulkGet(linksToMove), db.relationships.bulkGet(linksToMove)]);
    const movedLinks: Link[] = [];
    const movedRelationships: Relationship[] = [];
    for (const [index, id] of linksToMove.entries()) {
      const link = links[index];
      const relationship = relationships[index];
      if (link?.ends.includes(entityId)) {
        const from = link.from.id === entityId ? { ...link.from, id: split.id } : link.from;
        const to = link.to.id === entityId ? { ...link.to, id: split.id } : link.to;
        movedLinks.push({ ...link, from, to, ends: [from.id, to.id], updatedAt: at });
      } else if (relationship?.ends.includes(entityId)) {
        const from = relationship.from === entityId ? split.id : relationship.from;
        const to = relationship.to === entityId ? split.id : relationship.to;
        movedRelationships.push({ ...relationship, from, to, ends: [from, to], updatedAt: at });
      } else
        throw fieldError('linksToMove', `A link chosen to move (${id}) is not a link of ${quoted(entity.name)} any more. Choose the links again.`);
    }
    await db.entities.put(source);
    await db.entities.add(split);
    await db.links.bulkPut(movedLinks);
    await db.relationships.bulkPut(movedRelationships);
    const moved = movedLinks.length + movedRelationships.length;
    return {
      result: split,
      change: {
        action: 'create',
        summary: `Split ${quoted(split.name)} off ${quoted(entity.name)} as ${withArticle(typeLabel)} of its own${moved ? ` (${count(moved, 'link', 'links')} moved)` : ''}`,
        records: [entityRef(entity.id), entityRef(split.id)],
      },
    };
  });
}
