import { readReportOptions, type ReportOptions } from '../../report/options';
import type { CasebookDB } from '../schema';

/** The options a case's report was last exported with; the defaults for a case never exported, or for what cannot be read. */
export async function reportOptionsOf(db: CasebookDB, caseId: string): Promise<ReportOptions> {
  return readReportOptions((await db.reportOptions.get(caseId))?.options);
}
