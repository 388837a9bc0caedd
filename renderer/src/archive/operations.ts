/**
 * The archive's operations on a database, bound to the app's in `app/archive.ts` and loaded with their first use:
 * writing a case as an archive, what replacing a case would lose, and the import.
 */
import type { CasebookDB } from '../db/schema';

export { writeArchive } from './writeArchive';
export { describeReplacement, importArchive } from './importArchive';

/** The case of this id, if Casebook has it: the one an archive would replace. */
export const caseWithId = async (db: CasebookDB, caseId: string) => (await db.cases.get(caseId)) ?? null;
