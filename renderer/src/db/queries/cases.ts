import Dexie from 'dexie';
import type { CaseFile, HistoryEntry, RecordRef } from '../../../../shared/domain';
import type { CasebookDB } from '../schema';
import { recordsByRef } from './records';

/** The case library, most recently changed first. */
export function casesByLastChange(db: CasebookDB): Promise<CaseFile[]> {
  return db.cases.orderBy('updatedAt').reverse().toArray();
}

/** One case, or null when it does not exist (so a view can tell "gone" from "still loading"). */
export async function caseById(db: CasebookDB, caseId: string): Promise<CaseFile | null> {
  return (await db.cases.get(caseId)) ?? null;
}

export interface CaseCounts {
  documents: number;
  excerpts: number;
  entities: number;
  events: number;
  notes: number;
  links: number;
}

/** How many records of each kind a case holds, each counted on its `caseId` index. */
export async function countCaseRecords(db: CasebookDB, caseId: string): Promise<CaseCounts> {
  const count = (table: 'documents' | 'excerpts' | 'entities' | 'events' | 'notes' | 'links') =>
    db.table(table).where('caseId').equals(caseId).count();
  const [documents, excerpts, entities, events, notes, links] = await Promise.all([
    count('documents'),
    count('excerpts'),
    count('entities'),
    count('events'),
    count('notes'),
    count('links'),
  ]);
  return { documents, excerpts, entities, events, notes, links };
}

/** The case's latest changes, newest first. */
export function recentHistory(db: CasebookDB, caseId: string, limit: number): Promise<HistoryEntry[]> {
  return db.history
    .where('[caseId+seq]')
    .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
}

/** A line of recent activity with the record it should open: the first it names that still exists, if any. */
export interface ActivityLine {
  entry: HistoryEntry;
  opens: RecordRef | null;
}

/** The case's latest changes, newest first, each with the record it opens (deleted records open nothing). */
export async function recentActivity(db: CasebookDB, caseId: string, limit: number): Promise<ActivityLine[]> {
  const entries = await recentHistory(db, caseId, limit);
  const refs = entries.flatMap((entry) => entry.records);
  const found = await recordsByRef(db, refs);
  const exists = new Set(refs.filter((_, index) => found[index]).map((ref) => `${ref.type}:${ref.id}`));
  return entries.map((entry) => ({
    entry,
    opens: entry.records.find((ref) => exists.has(`${ref.type}:${ref.id}`)) ?? null,
  }));
}
