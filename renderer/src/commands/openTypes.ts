import type { RouteContext } from './types';
import { defineCommand } from './types';

/** The search parameter of Entities that opens one of its types dialogs: `?types=relationship`. */
export const TYPES_PARAM = 'types';
export type TypesDialogName = 'entity' | 'relationship';

/** Pages under Entities that are not an entity, and so not kept when a types dialog opens. */
const OTHER_PAGES = new Set(['chart', 'watchlist']);

/** Entities with a types dialog open, over the entity already open there (if any). */
export function typesDialogPath(route: RouteContext, name: TypesDialogName): string {
  const record = route.section === 'entities' && route.recordId && !OTHER_PAGES.has(route.recordId) ? `/${encodeURIComponent(route.recordId)}` : '';
  return `/case/${route.caseId}/entities${record}?${TYPES_PARAM}=${name}`;
}

/** The case's own entity types: added, renamed, recoloured and deleted in a dialog over Entities. */
export const openEntityTypes = defineCommand('entityTypes.open', {
  enabled: ({ route }) => route.caseId !== null,
  perform: ({ route, navigate }) => navigate(typesDialogPath(route, 'entity')),
  whenUnavailable: 'Open a case first: entity types belong to a case.',
});

/** The case's own relationship types: added, relabelled and deleted in a dialog over Entities. */
export const openRelationshipTypes = defineCommand('relationshipTypes.open', {
  enabled: ({ route }) => route.caseId !== null,
  perform: ({ route, navigate }) => navigate(typesDialogPath(route, 'relationship')),
  whenUnavailable: 'Open a case first: relationship types belong to a case.',
});
