import Dexie from 'dexie';
import type { CaseDocument, DetachedSource, Excerpt, RecordRef } from '../../../shared/domain';
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
  /** Excerpts quoting the document deleted with it, when the target is a document and they are not kept. */
  excerptIds: string[];
  /** Excerpts quoting the document kept as detached quotes with its citation, when the researcher chose so. */
  detachedExcerptIds: string[];
  /** Links touching the target or any excerpt deleted with it: none is left pointing at nothing. */
  linkIds: string[];
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
  return {
    target,
    caseId: record.caseId,
    title: recordTitle(target.type, record),
    excerptIds,
    detachedExcerptIds: detach ? quoting : [],
    linkIds: [...new Set(linkIds)],
  };
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

/** "3 excerpts and 5 links": what else goes, in words, or "" when nothing does. */
export function describeCascade(plan: Pick<DeletionPlan, 'excerptIds' | 'linkIds'>): string {
  const parts: string[] = [];
  const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  if (plan.excerptIds.length) parts.push(count(plan.excerptIds.length, 'excerpt', 'excerpts'));
  if (plan.linkIds.length) parts.push(count(plan.linkIds.length, 'link', 'links'));
  return parts.join(' and ');
}

/**
 * Deletes a record and everything that depends on it in one transaction, recomputing the plan inside it. A document's
 * excerpts go with it, or, with `excerpts: 'detach'`, stay as detached quotes that keep its citation.
 */
export async function deleteRecord(
  db: CasebookDB,
  target: RecordRef,
  options: { excerpts?: ExcerptsOnDelete } = {},
): Promise<DeletionPlan> {
  const record = await recordByRef(db, target);
  if (!record) throw new NotFoundError(`This ${RECORD_KINDS[target.type].label} was already deleted.`);
  const tables = [tableOf(target.type), 'excerpts', 'links', 'documentFiles', 'recognisedPages', 'documentVersions'] as const;
  return writeCase(db, record.caseId, tables, async () => {
    const plan = await planDeletion(db, target, options);
    await db.links.bulkDelete(plan.linkIds);
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
