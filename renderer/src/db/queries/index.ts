/**
 * Every read the views make, each `(db, ...args)` returning a promise, so `useLiveQuery` re-runs it when its tables
 * change. `app/casebook.ts` binds them to the app's database; views never write an index string themselves.
 */
export { countCaseRecords, type CaseCounts } from './cases';
