import Dexie from 'dexie';
import type { Entity } from '../../../../shared/domain';
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
