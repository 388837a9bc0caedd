import type { CasebookDB } from '../schema';

/** How many records of each kind a case holds, for the overview, the navigation and the delete confirmation. */
export interface CaseCounts {
  documents: number;
  excerpts: number;
  entities: number;
  events: number;
  notes: number;
  links: number;
}

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
