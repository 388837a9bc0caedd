import type { Excerpt } from '../../../shared/domain';
import { excerptInputSchema, type ExcerptInput } from '../../../shared/validation';
import type { CasebookDB } from '../db/schema';
import { editRecord, newId, now, parseInput, writeCase } from './core';
import { NotFoundError } from './errors';
import { recordTitle } from './records';

async function checkDocument(db: CasebookDB, caseId: string, documentId: string | null) {
  if (!documentId) return;
  const document = await db.documents.get(documentId);
  if (!document || document.caseId !== caseId)
    throw new NotFoundError('The document this excerpt quotes is not in this case any more.');
}

export async function createExcerpt(db: CasebookDB, caseId: string, input: ExcerptInput): Promise<Excerpt> {
  const parsed = parseInput(excerptInputSchema, input);
  const at = now();
  const excerpt: Excerpt = { id: newId(), caseId, ...parsed, createdAt: at, updatedAt: at };
  return writeCase(db, caseId, ['excerpts', 'documents'], async () => {
    await checkDocument(db, caseId, excerpt.documentId);
    await db.excerpts.add(excerpt);
    return {
      result: excerpt,
      change: {
        action: 'create',
        summary: `Marked excerpt “${recordTitle(excerpt)}”`,
        records: [{ type: 'excerpt', id: excerpt.id }],
      },
    };
  });
}

export async function updateExcerpt(db: CasebookDB, excerptId: string, input: ExcerptInput): Promise<Excerpt> {
  const parsed = parseInput(excerptInputSchema, input);
  const missing = 'This excerpt no longer exists. It may have been deleted in another window.';
  return editRecord(db, db.excerpts, excerptId, missing, ['documents'], async (existing) => {
    const updated: Excerpt = { ...existing, ...parsed, updatedAt: now() };
    await checkDocument(db, existing.caseId, updated.documentId);
    await db.excerpts.put(updated);
    return {
      result: updated,
      change: {
        action: 'update',
        summary: `Edited excerpt “${recordTitle(updated)}”`,
        records: [{ type: 'excerpt', id: excerptId }],
      },
    };
  });
}
