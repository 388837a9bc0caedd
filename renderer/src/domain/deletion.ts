import Dexie from 'dexie';
import type { CaseDocument, DetachedSource, Excerpt, RecordRef } from '../../../shared/domain';
import { RECORD_KINDS, recordTitle, tableOf } from '../../../shared/vocabulary';
import { recordByRef } from '../db/queries/records';
import type { CasebookDB } from '../db/schema';
import { quoted, writeCase } from './writeCase';
import { NotFoundError } from './errors';
import { releaseAttachmentsOfDeletedNote } from './attachments';
import { forgetInEvents } from './events';
import { leaveSameHappening } from './sameHappening';

/** What deleting a record takes with it, for the confirmation dialog and for the deletion itself. */
export interface DeletionPlan {
  target: RecordRef;
  caseId: string;
  title: string;
  /** Excerpts quoting the document deleted with it, when the target is a document and they are not kept. */
  excerptIds: string[];
  /** Excerpts quoting the document kept as detached quotes with its citation, when the researcher chose so. */
  detachedExcerptIds: string[];
  /** Links touching the target or any excerpt deleted with it: none is left pointing at nothing. */
  linkIds: string[];
  /** Relationships of the target, when it is an entity: deleted with it. */
  relationshipIds: string[];
  /** Relationships supported by an excerpt deleted (the target or a document's): they lose that support, nothing else. */
  supportedRelationshipIds: string[];
}

/** What happens to a document's excerpts when it is deleted: deleted too, or kept as detached quotes. */
export type ExcerptsOnDelete = 'delete' | 'detach';

export async function planDeletion(
  db: CasebookDB,
  target: RecordRef,
  options: { excerpts?: ExcerptsOnDelete } = {},
): Promise<DeletionPlan> {
  const record = await recordByRef(db, target);
  if (!record) throw new NotFoundError(`This ${RECORD_KINDS[target.type].label} was already deleted.`);
  const quoting =
    target.type === 'document' ? await db.excerpts.where('documentId').equals(target.id).primaryKeys() : [];
  const detach = options.excerpts === 'detach';
  const excerptIds = detach ? [] : quoting;
  const linkIds = await db.links.where('ends').anyOf([target.id, ...excerptIds]).primaryKeys();
  const relationshipIds = target.type === 'entity' ? await db.relationships.where('ends').equals(target.id).primaryKeys() : [];
  const deletedExcerpts = target.type === 'excerpt' ? [target.id] : excerptIds;
  const supported = deletedExcerpts.length ? await db.relationships.where('excerptIds').anyOf(deletedExcerpts).primaryKeys() : [];
  return {
    target,
    caseId: record.caseId,
    title: recordTitle(target.type, record),
    excerptIds,
    detachedExcerptIds: detach ? quoting : [],
    linkIds: [...new Set(linkIds)],
    relationshipIds: [...new Set(relationshipIds)],
    supportedRelationshipIds: [...new Set(supported)].filter((id) => !relationshipIds.includes(id)),
  };
}

/** Takes deleted excerpts off the relationships they supported, so no relationship cites an excerpt that is gone. */
export async function dropSupport(db: CasebookDB, relationshipIds: readonly string[], excerptIds: readonly string[]): Promise<void> {
  if (!relationshipIds.length) return;
  const gone = new Set(excerptIds);
  const at = new Date().toISOString();
  const relationships = await db.relationships.bulkGet([...relationshipIds]);
  await db.relationships.bulkPut(
    relationships
      .filter((relationship) => relationship !== undefined)
      .map((relationship) => ({ ...relationship, excerptIds: relationship.excerptIds.filter((id) => !gone.has(id)), updatedAt: at })),
  );
}

/** Takes deleted entities off the link chart's arrangement. */
export async function unplace(db: CasebookDB, caseId: string, entityIds: readonly string[]): Promise<void> {
  const layout = await db.chartLayouts.get(caseId);
  if (!layout || !entityIds.some((id) => layout.positions[id])) return;
  const positions = { ...layout.positions };
  for (const id of entityIds) delete positions[id];
  await db.chartLayouts.put({ ...layout, positions, updatedAt: new Date().toISOString() });
}

/** The citation a detached excerpt keeps of its deleted document: enough to cite it and to verify the original. */
export function detachedSourceOf(document: CaseDocument, excerpt: Pick<Excerpt, 'anchor'>): DetachedSource {
  return {
    title: document.title,
    sha256: document.sha256,
    fileName: document.fileName,
    authors: document.authors,
    siteName: document.siteName,
    publishedAt: document.publishedAt,
    sourceUrl: document.sourceUrl,
    importedAt: document.importedAt,
    page: excerpt.anchor?.page ?? null,
  };
}

/** "3 excerpts, 5 links and 1 relationship": what else goes, in words, or "" when nothing does. */
export function describeCascade(plan: Pick<DeletionPlan, 'excerptIds' | 'linkIds'> & Partial<Pick<DeletionPlan, 'relationshipIds'>>): string {
  const parts: string[] = [];
  const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  if (plan.excerptIds.length) parts.push(count(plan.excerptIds.length, 'excerpt', 'excerpts'));
  if (plan.linkIds.length) parts.push(count(plan.linkIds.length, 'link', 'links'));
  if (plan.relationshipIds?.length) parts.push(count(plan.relationshipIds.length, 'relationship', 'relationships'));
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
}

/**
 * Deletes a record and everything that depends on it in one transaction, recomputing the plan inside it. A document's
 * excerpts go with it, or, with `excerpts: 'detach'`, stay as detached quotes that keep its citation. An entity's
 * relationships go with it, and its place on the link chart; relationships supported by an excerpt deleted lose it.
 */
export async function deleteRecord(
  db: CasebookDB,
  target: RecordRef,
  options: { excerpts?: ExcerptsOnDelete } = {},
): Promise<DeletionPlan> {
  const record = await recordByRef(db, target);
  if (!record) throw new NotFoundError(`This ${RECORD_KINDS[target.type].label} was already deleted.`);
  const tables = [
    tableOf(target.type),
    'excerpts',
    'links',
    'documentFiles',
    'recognisedPages',
    'documentVersions',
    'relationships',
    'chartLayouts',
    'events',
    'attachments',
  ] as const;
  return writeCase(db, record.caseId, tables, async () => {
    const plan = await planDeletion(db, target, options);
    await db.links.bulkDelete(plan.linkIds);
    await db.relationships.bulkDelete(plan.relationshipIds);
    await dropSupport(db, plan.supportedRelationshipIds, target.type === 'excerpt' ? [target.id] : plan.excerptIds);
    if (target.type === 'entity') await unplace(db, record.caseId, [target.id]);
    // No event keeps a participant, place or evidence that is gone.
    await forgetInEvents(db, {
      entityIds: target.type === 'entity' ? [target.id] : [],
      excerptIds: target.type === 'excerpt' ? [target.id] : plan.excerptIds,
    });
    // The events marked as the same happening as a deleted event stay marked so among themselves.
    if (target.type === 'event') await leaveSameHappening(db, target.id);
    await db.excerpts.bulkDelete(plan.excerptIds);
    if (target.type === 'document' && plan.detachedExcerptIds.length) {
      // Read inside the transaction: the citation is of the document as it is when deleted.
      const document = (await db.documents.get(target.id))!;
      const at = new Date().toISOString();
      const kept = await db.excerpts.bulkGet(plan.detachedExcerptIds);
      await db.excerpts.bulkPut(
        kept
          .filter((excerpt): excerpt is Excerpt => excerpt !== undefined)
          .map((excerpt) => ({
            ...excerpt,
            documentId: null,
            anchor: null,
            orphaned: false,
            detachedFrom: detachedSourceOf(document, excerpt),
            updatedAt: at,
          })),
      );
    }
    if (target.type === 'document') {
      await db.documentFiles.delete(target.id);
      await db.recognisedPages.where('documentId').equals(target.id).delete();
      await db.documentVersions.where('[documentId+number]').between([target.id, Dexie.minKey], [target.id, Dexie.maxKey]).delete();
    }
    // A note's pasted images go with it, but for those another note shows (copied there), which it takes over.
    if (target.type === 'note') await releaseAttachmentsOfDeletedNote(db, { id: target.id, caseId: record.caseId });
    await db.table(tableOf(target.type)).delete(target.id);
    const cascade = describeCascade(plan);
    const detached = plan.detachedExcerptIds.length;
    const keeping = detached ? `, keeping ${detached === 1 ? 'its excerpt' : `its ${detached.toLocaleString('en')} excerpts`} as detached quotes` : '';
    return {
      result: plan,
      change: {
        action: 'delete',
        summary: `Deleted ${RECORD_KINDS[target.type].label} ${quoted(plan.title)}${cascade ? ` with ${cascade}` : ''}${keeping}`,
        records: [target, ...plan.detachedExcerptIds.map((id) => ({ type: 'excerpt' as const, id }))],
      },
    };
  });
}
