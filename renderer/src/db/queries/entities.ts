import Dexie from 'dexie';
import type {
  CaseEntityType,
  CaseRelationshipType,
  ChartLayout,
  DismissedSuggestion,
  Entity,
  HistoryEntry,
  Relationship,
} from '../../../../shared/domain';
import { entityNameKey } from '../../../../shared/entities';
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

/** The case's own relationship types, by label. */
export async function relationshipTypesOf(db: CasebookDB, caseId: string): Promise<CaseRelationshipType[]> {
  return (await db.relationshipTypes.where('caseId').equals(caseId).toArray()).sort((a, b) => a.label.localeCompare(b.label));
}

/** Every relationship of an entity, either way: one query on the multi-entry `ends` index. */
export function relationshipsOf(db: CasebookDB, entityId: string): Promise<Relationship[]> {
  return db.relationships.where('ends').equals(entityId).toArray();
}

/** Every relationship of a case: what the link chart draws. */
export function relationshipsInCase(db: CasebookDB, caseId: string): Promise<Relationship[]> {
  return db.relationships.where('caseId').equals(caseId).toArray();
}

/** The suggestions dismissed in a case. */
export function dismissedSuggestionsOf(db: CasebookDB, caseId: string): Promise<DismissedSuggestion[]> {
  return db.dismissedSuggestions.where('caseId').equals(caseId).toArray();
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
