/** The case's search: the box for the workspace, the results page, and where a result opens. */
export { SearchBox, SEARCH_BOX_LIMIT } from './SearchBox';
export { SearchResults } from './SearchResults';
export { hrefForHit, hrefForSearch } from './hrefForHit';
