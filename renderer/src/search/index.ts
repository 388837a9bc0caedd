/** Full-text search of a case: the index (kept in a worker), how it is kept current and saved, and how queries are read. */
export { SearchIndexing, attachSearchIndexing, searchIndexFor } from './indexing';
export {
  CaseSearchIndex,
  type IndexOrigin,
  type IndexStatus,
  type SearchHit,
  type SearchOptions,
  type SearchTimings,
} from './SearchIndex';
export { parseQuery, type ParsedQuery } from './query';
export type { Snippet } from './snippet';
