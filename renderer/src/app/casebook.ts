import { bindDatabase, bindDatabaseOnDemand } from './bindDatabase';
import { db, searchIndexing } from './database';
import * as databaseQueries from '../db/queries';

/**
 * What views use to change the case: the domain's operations, bound to the app's database. They load, with their
 * validation rules, at the first change a researcher makes: the library opens without them.
 */
export const operations = bindDatabaseOnDemand(() => import('../domain/operations'), db);

/** What views use to read the case (inside `useLiveQuery`): the typed queries, bound to the app's database. */
export const queries = bindDatabase(databaseQueries, db);

/** The open search index of a case, opened (loaded, caught up or built) on first use. */
export const searchIndexOf = (caseId: string) => searchIndexing.indexFor(caseId);

export { onStorageProblem } from './database';
export { describeStorageError } from '../db/errors';
