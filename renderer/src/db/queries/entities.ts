import Dexie from 'dexie';
import type {
  CaseEntityType,
  CaseRelationshipType,
  ChartLayout,
  DismissedSuggestion,
  Entity,
  Excerpt,
  HistoryEntry,
  Relationship,
} from '../../../../shared/domain';
import { entityNameKey } from '../../../../shared/entities';
import { sortKeyOf } from '../../../../shared/partialDate';
import { documentChoices } from './documents';
import { excerptsNewestFirst } from './excerpts';
import { linksOf } from './links';
import { DATE_SUGGESTION_TYPE } from '../../dates/suggestions';
import type { CasebookDB } from '../schema';

/** The case's entities by name, of one type or of all. */
export function entitiesByName(db: CasebookDB, caseId: string, type: Entity['type'] | null = null): Promise<Entity[]> {
  const all = db.entities.where('[caseId+nameKey]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]);
  return (type ? all.filter((entity) => entity.type === type) : all).toArray();
}

/** One entity, or null when it does not exist (so a view can tell "gone" from "still loading"). */
export async function entityById(db: CasebookDB, id: string): Promise<Entity | null> {
  return (await db.entities.get(id)) ?? null;
}

/** The entities of a case known by a name, as their name or as an alias (case and spacing do not matter). */
export async function entitiesNamed(db: CasebookDB, caseId: string, name: string): Promise<Entity[]> {
  const key = entityNameKey(name);
  const [byName, byAlias] = await Promise.all([
    db.entities.where('[caseId+nameKey]').equals([caseId, key]).toArray(),
    db.entities.where('aliasKeys').equals(key).filter((entity) => entity.caseId === caseId).toArray(),
  ]);
  const found = new Map([...byName, ...byAlias].map((entity) => [entity.id, entity]));
  return [...found.values()];
}

/** The case's own entity types, by name. */
export async function entityTypesOf(db: CasebookDB, caseId: string): Promise<CaseEntityType[]> {
  return (await db.entityTypes.where('caseId').equals(caseId).toArray()).sort((a, b) => a.name.localeCompare(b.name));
}

/** How many entities each of the case's own types has, by type id (a type none has is absent). */
export async function ownEntityTypeCounts(db: CasebookDB, caseId: string): Promise<Map<string, number>> {
  const types = await db.entityTypes.where('caseId').equals(caseId).primaryKeys();
  const counts = await Promise.all(types.map((type) => db.entities.where('[caseId+type]').equals([caseId, type]).count()));
  return new Map(types.flatMap((type, index) => (counts[index] ? [[type, counts[index]] as const] : [])));
}

/** The case's own relationship types, by label. */
export async function relationshipTypesOf(db: CasebookDB, caseId: string): Promise<CaseRelationshipType[]> {
  return (await db.relationshipTypes.where('caseId').equals(caseId).toArray()).sort((a, b) => a.label.localeCompare(b.label));
}

/** How many relationships each of the case's own relationship types has, by type id (a type none has is absent). */
export async function ownRelationshipTypeCounts(db: CasebookDB, caseId: string): Promise<Map<string, number>> {
  const types = await db.relationshipTypes.where('caseId').equals(caseId).primaryKeys();
  const counts = await Promise.all(types.map((type) => db.relationships.where('[caseId+type]').equals([caseId, type]).count()));
  return new Map(types.flatMap((type, index) => (counts[index] ? [[type, counts[index]] as const] : [])));
}

/** Every relationship of an entity, either way: one query on the multi-entry `ends` index. */
export function relationshipsOf(db: CasebookDB, entityId: string): Promise<Relationship[]> {
  return db.relationships.where('ends').equals(entityId).toArray();
}

/** A relationship of an entity with the entity at its other end and the excerpts that support it (those still there). */
export interface EntityRelationship {
  relationship: Relationship;
  /** Undefined if it is gone (deleted in another window a moment ago). */
  other: Entity | undefined;
  excerpts: Excerpt[];
}

/**
 * An entity's relationships, either way, with their other ends and supporting excerpts read in one pass (one bulk
 * read each): earliest first by their start, undated ones last, then in the order they were added.
 */
export async function relationshipsWithEnds(db: CasebookDB, entityId: string): Promise<EntityRelationship[]> {
  const relationships = await relationshipsOf(db, entityId);
  const [others, excerpts] = await Promise.all([
    db.entities.bulkGet(relationships.map((relationship) => (relationship.from === entityId ? relationship.to : relationship.from))),
    db.excerpts.bulkGet([...new Set(relationships.flatMap((relationship) => relationship.excerptIds))]),
  ]);
  const byId = new Map(excerpts.flatMap((excerpt) => (excerpt ? [[excerpt.id, excerpt] as const] : [])));
  const sortKey = (relationship: Relationship) => `${relationship.start ? sortKeyOf(relationship.start) : '~'}${relationship.createdAt}`;
  return relationships
    .map((relationship, index) => ({
      relationship,
      other: others[index],
      excerpts: relationship.excerptIds.flatMap((id) => byId.get(id) ?? []),
    }))
    .sort((a, b) => {
      // Code-point order: a locale's collation would put the "~" of undated ones before the digits of dated ones.
      const [x, y] = [sortKey(a.relationship), sortKey(b.relationship)];
      return x < y ? -1 : x > y ? 1 : 0;
    });
}

/** An excerpt a relationship may cite as support, as the form lists it. */
export interface ExcerptChoice {
  id: string;
  quote: string;
  /** The title of the document it quotes; empty for none. */
  source: string;
  /** Linked to one of the entities asked about. */
  linked: boolean;
}

/** The case's excerpts, newest first, each saying whether it is linked to one of `entityIds`. */
export async function supportingExcerptOptions(db: CasebookDB, caseId: string, entityIds: readonly string[]): Promise<ExcerptChoice[]> {
  const [excerpts, documents, links] = await Promise.all([
    excerptsNewestFirst(db, caseId),
    documentChoices(db, caseId),
    Promise.all(entityIds.map((id) => linksOf(db, id))),
  ]);
  const titles = new Map(documents.map((document) => [document.id, document.title]));
  const linked = new Set(links.flat().flatMap((link) => [link.from, link.to]).flatMap((end) => (end.type === 'excerpt' ? [end.id] : [])));
  return excerpts.map((excerpt) => ({
    id: excerpt.id,
    quote: excerpt.quote,
    source: (excerpt.documentId && titles.get(excerpt.documentId)) || '',
    linked: linked.has(excerpt.id),
  }));
}

/** Every relationship of a case: what the link chart draws. */
export function relationshipsInCase(db: CasebookDB, caseId: string): Promise<Relationship[]> {
  return db.relationships.where('caseId').equals(caseId).toArray();
}

/** The names suggested as entities and dismissed in a case (not the dates dismissed, kept in the same table). */
export function dismissedSuggestionsOf(db: CasebookDB, caseId: string): Promise<DismissedSuggestion[]> {
  return db.dismissedSuggestions
    .where('caseId')
    .equals(caseId)
    .filter((row) => row.type !== DATE_SUGGESTION_TYPE)
    .toArray();
}

/** The link chart as arranged, or null before anything was placed. */
export async function chartLayoutOf(db: CasebookDB, caseId: string): Promise<ChartLayout | null> {
  return (await db.chartLayouts.get(caseId)) ?? null;
}

/** The merges of entities in a case, newest first, with the undo data they keep. */
export function entityMerges(db: CasebookDB, caseId: string): Promise<HistoryEntry[]> {
  return db.history
    .where('[caseId+seq]')
    .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
    .reverse()
    .filter((entry) => entry.action === 'merge')
    .toArray();
}

/**
 * The merges into one entity that can still be offered to undo: newest first, those already undone left out (an
 * undo is an entry of its own that names the merge it undid).
 */
export async function mergesInto(db: CasebookDB, caseId: string, entityId: string): Promise<HistoryEntry[]> {
  const entries = await db.history.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).reverse().toArray();
  const undone = new Set(entries.flatMap((entry) => (entry.undoes === undefined ? [] : [entry.undoes])));
  return entries.filter((entry) => entry.undo?.keptId === entityId && entry.seq !== undefined && !undone.has(entry.seq));
}
