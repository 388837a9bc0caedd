/** Full-text search of a case: the index, how it is kept current and saved, and how queries are read. */
export { SearchIndexing, attachSearchIndexing, searchIndexFor } from './indexing';
export {
  CaseSearchIndex,
  type IndexOrigin,
  type IndexStatus,
  type SearchHit,
  type SearchOptions,
} from './SearchIndex';
export { parseQuery, type ParsedQuery } from './query';
export type { Snippet } from './snippet';
