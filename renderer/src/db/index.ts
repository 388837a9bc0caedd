/** The database's shape and history, and what its failures mean in words. The one instance lives in `app/database.ts`. */
export { CasebookDB, CASE_TABLES, LATEST_VERSION, SCHEMA_VERSIONS, type SchemaVersion } from './schema';
export { describeStorageError, BLOCKED_UPGRADE_MESSAGE } from './errors';
