import Dexie from 'dexie';
import type { CaseDocument, Excerpt } from '../../../../shared/domain';
import type { CasebookDB } from '../schema';

/** The case's excerpts, most recently marked first. */
export function excerptsNewestFirst(db: CasebookDB, caseId: string): Promise<Excerpt[]> {
  return db.excerpts.where('[caseId+createdAt]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).reverse().toArray();
}

/** An excerpt with the document it quotes (undefined when it quotes none). */
export async function excerptWithSource(
  db: CasebookDB,
  excerptId: string,
): Promise<{ excerpt: Excerpt; document: CaseDocument | undefined } | null> {
  const excerpt = await db.excerpts.get(excerptId);
  if (!excerpt) return null;
  const document = excerpt.documentId ? await db.documents.get(excerpt.documentId) : undefined;
  return { excerpt, document };
}
