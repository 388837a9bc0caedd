import type { RouteContext } from './types';

const CASE_ROUTE = /^\/case\/([^/]+)(?:\/([^/]*))?(?:\/([^/]+))?/;

/** Which case, section and record a route shows: `/case/c1/entities/e7` is case c1, section entities, record e7. */
export function routeOf(pathname: string): RouteContext {
  const match = CASE_ROUTE.exec(pathname);
  if (!match) return { caseId: null, section: null, recordId: null };
  return {
    caseId: decodeURIComponent(match[1]!),
    section: match[2] ? decodeURIComponent(match[2]) : '',
    recordId: match[3] ? decodeURIComponent(match[3]) : null,
  };
}
