import type { CaseChartRecords } from '../../chart/caseChart';
import type { CasebookDB } from '../schema';
import { caseTags } from './tags';
import { entityTypesOf, relationshipTypesOf, relationshipsInCase } from './entities';

/**
 * Everything the link chart of a case draws, read together: its entities, relationships, own types and tags (not its
 * arrangement, which the chart reads once: it changes as the researcher drags, and must not redraw the chart).
 */
export async function chartRecordsOf(db: CasebookDB, caseId: string): Promise<CaseChartRecords> {
  const [entities, relationships, entityTypes, relationshipTypes, tags] = await Promise.all([
    db.entities.where('caseId').equals(caseId).toArray(),
    relationshipsInCase(db, caseId),
    entityTypesOf(db, caseId),
    relationshipTypesOf(db, caseId),
    caseTags(db, caseId),
  ]);
  return { entities, relationships, entityTypes, relationshipTypes, tags };
}
