import type { CaseRecord, Link, RecordRef } from '../../../../shared/domain';
import type { CasebookDB } from '../schema';
import { recordsByRef } from './records';

/** Every link that starts or ends at the record: one indexed query on the multi-entry `ends` index. */
export function linksOf(db: CasebookDB, recordId: string): Promise<Link[]> {
  return db.links.where('ends').equals(recordId).toArray();
}

/** A link seen from one of its ends: which way it reads, and the record at the other end (undefined if gone). */
export interface LinkedRecord {
  link: Link;
  /** True when the link starts at the record it was read from. */
  outgoing: boolean;
  other: RecordRef;
  record: CaseRecord | undefined;
}

/** What is linked to a record, both ways, with the far ends read in one pass (one bulk read per record type). */
export async function linkedRecords(db: CasebookDB, recordId: string): Promise<LinkedRecord[]> {
  const links = await linksOf(db, recordId);
  const ends = links.map((link) => (link.from.id === recordId ? link.to : link.from));
  const records = await recordsByRef(db, ends);
  return links.map((link, index) => ({
    link,
    outgoing: link.from.id === recordId,
    other: ends[index]!,
    record: records[index],
  }));
}
