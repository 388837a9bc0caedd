/**
 * Every read the views make, each `(db, ...args)` returning a promise, so `useLiveQuery` re-runs it when its tables
 * change. `app/casebook.ts` binds them to the app's database; views never write an index string themselves.
 */
export * from './cases';
export * from './chart';
export * from './conflicts';
export * from './dateSuggestions';
export * from './documents';
export * from './entities';
export * from './events';
export * from './history';
export * from './excerpts';
export * from './excerptTable';
export * from './links';
export * from './notes';
export * from './records';
export * from './tags';
export * from './timelineView';
export * from './range';
export * from './textRecords';
export * from './report';
export * from './exchange';
