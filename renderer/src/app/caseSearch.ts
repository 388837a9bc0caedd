import { attachSearchIndexing } from '../search/indexing';
import { db } from './database';

/**
 * The case indexes, with the search worker they live in. Apart from casebook.ts so that they load with an open case's
 * search box rather than at start; what was written before is caught up when an index opens.
 */
const searchIndexing = attachSearchIndexing(db);

/** The open search index of a case, opened (loaded, caught up or built) on first use. */
export const searchIndexOf = (caseId: string) => searchIndexing.indexFor(caseId);
