/**
 * Suggestions of the people, organisations and places a document names. The page uses the client, which runs the
 * engine in a worker; the engine itself (suggest.ts) is imported by the worker and the tests only.
 */
export { SuggestionsClient } from './client';
export { suggestionKey } from './keys';
export type * from './types';
