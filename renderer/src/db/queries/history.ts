import Dexie from 'dexie';
import type { CasebookDB } from '../schema';

// Apart from cases.ts, whose reads the library makes at start: these are made only inside an open case.

/** The `seq` of the case's last history entry (0 before any): where its history stands, as an export records it. */
export async function lastHistorySeq(db: CasebookDB, caseId: string): Promise<number> {
  const last = await db.history.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).last();
  return last?.seq ?? 0;
}

/**
 * The case's changes after a point of its history (a `seq`): how many, counted on the `[caseId+seq]` index without
 * reading them, and when the first was made.
 */
export async function historyAfter(db: CasebookDB, caseId: string, afterSeq: number): Promise<{ changes: number; firstAt: string | null }> {
  const after = db.history.where('[caseId+seq]').between([caseId, afterSeq], [caseId, Dexie.maxKey], false, true);
  const [changes, first] = await Promise.all([after.count(), after.clone().first()]);
  return { changes, firstAt: first?.at ?? null };
}
