export { ENTITY_TYPES, LINK_KINDS } from '../../shared/domain';
export type { Entity, Link, TimelineEvent } from '../../shared/domain';
export type { EntityInput } from '../../shared/validation';
export { entityNameKey } from '../../shared/entities';
export { eventSortKey } from '../../shared/eventOrder';
