import type { RangeRecords } from '../../timeline/inRange';
import type { CasebookDB } from '../schema';
import { relationshipsInCase } from './entities';
import { timeline } from './events';

/** What decides which of a case's records fall in a time range: its events and relationships, with their dates. */
export async function rangeRecordsOf(db: CasebookDB, caseId: string): Promise<RangeRecords> {
  const [events, relationships] = await Promise.all([timeline(db, caseId), relationshipsInCase(db, caseId)]);
  return { events, relationships };
}
