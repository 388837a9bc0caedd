import { bindDatabase } from './bindDatabase';
import { db } from './database';
import { casesByLastChange, countCaseRecords } from '../db/queries/cases';

/**
 * What the app needs at start, where the library is shown: the list of cases and their counts (named one by one, so
 * the case's other queries stay out of the start), the operations (which load on first use) and the storage warnings. Only these queries load at start; an open case's views read through
 * `app/casebook.ts`, whose queries load with the case.
 */
export const libraryQueries = bindDatabase({ casesByLastChange, countCaseRecords }, db);
export { operations } from './operations';
export { onStorageProblem } from './database';
export { describeStorageError } from '../db/errors';
