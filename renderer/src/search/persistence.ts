/**
 * What the search index reads from the database: a case's records in slices, its fingerprint (last history entry
 * and record counts), what changed since a fingerprint, which of some records still exist, and the saved index
 * itself.
 */
import Dexie from 'dexie';
import type { CaseDocument, CaseRecord, Entity, Excerpt, Note, RecordRef, RecordType, RichText, RichTextNode, TimelineEvent } from '../../../shared/domain';
import { RECORD_TYPES, recordTitle, tableOf } from '../../../shared/vocabulary';
import { recordsByRef } from '../db/queries/records';
import { textRecords } from '../db/queries/textRecords';
import type { CasebookDB, SavedSearchIndex } from '../db/schema';
import type { LinkedTitles } from './searchFields';
import { SEARCHED_TABLES, keyOf, type SearchedTable } from './searchedTables';

export type Fingerprint = SavedSearchIndex['fingerprint'];

const SEARCHED = Object.keys(SEARCHED_TABLES) as SearchedTable[];

/**
 * The case's last history entry and its number of records per table. Every domain operation adds a history entry in
 * its own transaction, so an index saved at this fingerprint has seen every change up to `seq`.
 */
export function fingerprintOf(db: CasebookDB, caseId: string): Promise<Fingerprint> {
  return db.transaction('r', [...SEARCHED, 'history'], async () => {
    const last = await db.history
      .where('[caseId+seq]')
      .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
      .last();
    const counts: Record<string, number> = {};
    for (const table of SEARCHED) counts[table] = await db.table(table).where('caseId').equals(caseId).count();
    return { seq: last?.seq ?? 0, counts };
  });
}

export const sameFingerprint = (a: Fingerprint, b: Fingerprint): boolean =>
  a.seq === b.seq && SEARCHED.every((table) => a.counts[table] === b.counts[table]);

/** The keys ("entity:…") of every searchable record of the case, small records first. */
export async function caseKeys(db: CasebookDB, caseId: string): Promise<string[]> {
  const keys: string[] = [];
  const order: SearchedTable[] = ['entities', 'events', 'notes', 'excerpts', 'documents'];
  await db.transaction('r', order, async () => {
    for (const table of order) {
      const ids = (await db.table(table).where('caseId').equals(caseId).primaryKeys()) as string[];
      for (const id of ids) keys.push(keyOf({ type: SEARCHED_TABLES[table], id }));
    }
  });
  return keys;
}

/** The records named, in the order given; undefined for one that no longer exists or is in another case. */
export async function readRecords(
  db: CasebookDB,
  caseId: string,
  refs: readonly RecordRef[],
): Promise<(CaseRecord | undefined)[]> {
  return (await recordsByRef(db, refs)).map((record) => (record?.caseId === caseId ? record : undefined));
}

/**
 * The names of the case's tags by id: an excerpt holds its tags' ids, and is found by their names. Empty for a
 * database from before the codebook.
 */
export async function tagNamesOf(db: CasebookDB, caseId: string): Promise<ReadonlyMap<string, string>> {
  if (!db.tables.some((table) => table.name === 'tags')) return new Map();
  const tags = await db.tags.where('caseId').equals(caseId).toArray();
  return new Map(tags.map((tag) => [tag.id, tag.name]));
}

/**
 * The record an `@` mention or `[[` link names (shared/textReferences.ts), read as the search index
 * reads it (searchFields.ts, which loads at start, keeps to the stored key).
 */
function linkedRecordOf(node: RichTextNode): RecordRef | null {
  if (node.type !== 'recordLink') return null;
  const { type, id } = node.attrs ?? {};
  return (RECORD_TYPES as readonly unknown[]).includes(type) && typeof id === 'string' && id ? { type: type as RecordType, id } : null;
}

/** The rich texts of a record that search reads. */
function richTextsOf(type: RecordType, record: CaseRecord): (RichText | null | undefined)[] {
  switch (type) {
    case 'document':
      return [(record as CaseDocument).summary];
    case 'excerpt':
      return [(record as Excerpt).comment];
    case 'entity':
      return [(record as Entity).description];
    case 'event':
      return [(record as TimelineEvent).description];
    case 'note':
      return [(record as Note).body];
  }
}

/** The records a record's texts mention or link to (not its quote blocks), each once: whose titles it is found by. */
export function linkedRecordsOf(type: RecordType, record: CaseRecord): RecordRef[] {
  const found = new Map<string, RecordRef>();
  const visit = (node: RichTextNode) => {
    const ref = linkedRecordOf(node);
    if (ref) found.set(keyOf(ref), ref);
    for (const child of node.content ?? []) visit(child);
  };
  for (const text of richTextsOf(type, record)) if (text) visit(text);
  return [...found.values()];
}

/**
 * The current titles of the records the texts of some records mention, by key: a note is found by the names its
 * mentions show now (a merged-away entity's as the entity kept), not only those it was last saved with. Records
 * gone are left out: their mentions read as saved.
 */
export async function linkedTitlesOf(
  db: CasebookDB,
  caseId: string,
  refs: readonly RecordRef[],
  records: readonly (CaseRecord | undefined)[],
): Promise<LinkedTitles> {
  const linked = new Map<string, RecordRef>();
  for (const [index, record] of records.entries())
    if (record) for (const ref of linkedRecordsOf(refs[index]!.type, record)) linked.set(keyOf(ref), ref);
  if (!linked.size) return new Map();
  const found = await textRecords(db, caseId, [...linked.values()]);
  return new Map(found.flatMap(({ asked, ref, record }) => (record ? [[keyOf(asked), recordTitle(ref.type, record)] as const] : [])));
}

/** Which of the records named still exist, by key ("entity:…"): their keys read, not the records. */
export async function existingKeys(db: CasebookDB, refs: readonly RecordRef[]): Promise<Set<string>> {
  const idsByType = new Map<RecordType, string[]>();
  for (const { type, id } of refs) idsByType.set(type, [...(idsByType.get(type) ?? []), id]);
  const existing = new Set<string>();
  await db.transaction('r', [...idsByType.keys()].map(tableOf), async () => {
    for (const [type, ids] of idsByType)
      for (const id of (await db.table(tableOf(type)).where(':id').anyOf(ids).primaryKeys()) as string[])
        existing.add(keyOf({ type, id }));
  });
  return existing;
}

/** Records named by history entries after `seq`: the ones created, edited or deleted since. */
export async function changedSince(db: CasebookDB, caseId: string, seq: number): Promise<Set<string>> {
  const changed = new Set<string>();
  await db.history
    .where('[caseId+seq]')
    .between([caseId, seq + 1], [caseId, Dexie.maxKey])
    .each((entry) => entry.records.forEach((ref) => changed.add(keyOf(ref))));
  return changed;
}

export function readSaved(db: CasebookDB, caseId: string): Promise<SavedSearchIndex | undefined> {
  return db.searchIndexes.get(caseId);
}

export async function writeSaved(db: CasebookDB, saved: SavedSearchIndex): Promise<void> {
  // Saved only while the case exists, so a save finishing after the case was deleted leaves nothing behind.
  await db.transaction('rw', [db.cases, db.searchIndexes], async () => {
    if (await db.cases.get(saved.caseId)) await db.searchIndexes.put(saved);
  });
}

/** The case's history entries after `seq`, oldest first. */
export async function historySince(db: CasebookDB, caseId: string, seq: number): Promise<number[]> {
  return (await db.history
    .where('[caseId+seq]')
    .between([caseId, seq + 1], [caseId, Dexie.maxKey])
    .primaryKeys()) as number[];
}
