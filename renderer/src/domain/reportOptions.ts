import type { CasebookDB } from '../db/schema';
import { reportOptionsSchema, type ReportOptions } from '../report/options';
import { NotFoundError } from './errors';
import { now, parseInput } from './writeCase';

/**
 * Remembers the options a case's report was last exported with, so the export dialog opens with them next time. A
 * preference, not a change to the case: no history entry, and the case keeps its last-changed time.
 */
export async function saveReportOptions(db: CasebookDB, caseId: string, options: ReportOptions): Promise<ReportOptions> {
  const parsed = parseInput(reportOptionsSchema, options);
  return db.transaction('rw', ['cases', 'reportOptions'], async () => {
    if (!(await db.cases.get(caseId))) throw new NotFoundError('This case no longer exists. It may have been deleted in another window.');
    await db.reportOptions.put({ caseId, options: parsed, updatedAt: now() });
    return parsed;
  });
}
