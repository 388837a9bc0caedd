/**
 * Dates found in documents' text, resolved against their published dates. The page uses the client, which runs the
 * engine in a worker; the engine itself (find.ts) is imported by the worker and the tests only.
 */
export { DatesClient } from './client';
export type * from './types';
