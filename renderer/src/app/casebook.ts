import { bindDatabase } from './bindDatabase';
import { db, searchIndexing } from './database';
import * as domainOperations from '../domain/operations';
import * as databaseQueries from '../db/queries';

/** What views use to change the case: the domain's operations, bound to the app's database. */
export const operations = bindDatabase(domainOperations, db);

/** What views use to read the case (inside `useLiveQuery`): the typed queries, bound to the app's database. */
export const queries = bindDatabase(databaseQueries, db);

/** The open search index of a case, opened (loaded, caught up or built) on first use. */
export const searchIndexOf = (caseId: string) => searchIndexing.indexFor(caseId);

export { onStorageProblem } from './database';
export { describeStorageError } from '../db/errors';
