import { bindDatabaseOnDemand } from './bindDatabase';
import { db } from './database';

/**
 * What views use to change the case: the domain's operations, bound to the app's database. They load, with their
 * validation rules, at the first change a researcher makes: the library opens without them.
 */
export const operations = bindDatabaseOnDemand(() => import('../domain/operations'), db);
