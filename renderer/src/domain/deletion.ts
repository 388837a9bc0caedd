import Dexie from 'dexie';
import type { RecordRef } from '../../../shared/domain';
import { RECORD_KINDS, recordTitle, tableOf } from '../../../shared/vocabulary';
import { recordByRef } from '../db/queries/records';
import type { CasebookDB } from '../db/schema';
import { quoted, writeCase } from './writeCase';
import { NotFoundError } from './errors';

/** What deleting a record takes with it, for the confirmation dialog and for the deletion itself. */
export interface DeletionPlan {
  target: RecordRef;
  caseId: string;
  title: string;
  /** Excerpts quoting the document, when the target is a document. */
  excerptIds: string[];
  /** Links touching the target or any excerpt deleted with it: none is left pointing at nothing. */
  linkIds: string[];
}

export async function planDeletion(db: CasebookDB, target: RecordRef): Promise<DeletionPlan> {
  const record = await recordByRef(db, target);
  if (!record) throw new NotFoundError(`This ${RECORD_KINDS[target.type].label} was already deleted.`);
  const excerptIds =
    target.type === 'document' ? await db.excerpts.where('documentId').equals(target.id).primaryKeys() : [];
  const linkIds = await db.links.where('ends').anyOf([target.id, ...excerptIds]).primaryKeys();
  return {
    target,
    caseId: record.caseId,
    title: recordTitle(target.type, record),
    excerptIds,
    linkIds: [...new Set(linkIds)],
  };
}

/** "its 3 excerpts and 5 links": what else goes, in words, or "" when nothing does. */
export function describeCascade(plan: Pick<DeletionPlan, 'excerptIds' | 'linkIds'>): string {
  const parts: string[] = [];
  const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  if (plan.excerptIds.length) parts.push(count(plan.excerptIds.length, 'excerpt', 'excerpts'));
  if (plan.linkIds.length) parts.push(count(plan.linkIds.length, 'link', 'links'));
  return parts.join(' and ');
}

/** Deletes a record and everything that depends on it in one transaction, recomputing the plan inside it. */
export async function deleteRecord(db: CasebookDB, target: RecordRef): Promise<DeletionPlan> {
  const record = await recordByRef(db, target);
  if (!record) throw new NotFoundError(`This ${RECORD_KINDS[target.type].label} was already deleted.`);
  const tables = [tableOf(target.type), 'excerpts', 'links', 'documentFiles', 'recognisedPages', 'documentVersions'] as const;
  return writeCase(db, record.caseId, tables, async () => {
    const plan = await planDeletion(db, target);
    await db.links.bulkDelete(plan.linkIds);
    await db.excerpts.bulkDelete(plan.excerptIds);
    if (target.type === 'document') {
      await db.documentFiles.delete(target.id);
      await db.recognisedPages.where('documentId').equals(target.id).delete();
      await db.documentVersions.where('[documentId+number]').between([target.id, Dexie.minKey], [target.id, Dexie.maxKey]).delete();
    }
    await db.table(tableOf(target.type)).delete(target.id);
    const cascade = describeCascade(plan);
    return {
      result: plan,
      change: {
        action: 'delete',
        summary: `Deleted ${RECORD_KINDS[target.type].label} ${quoted(plan.title)}${cascade ? ` with ${cascade}` : ''}`,
        records: [target],
      },
    };
  });
}
