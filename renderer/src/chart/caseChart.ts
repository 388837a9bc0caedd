/**
 * A case's records as the link chart takes them: each entity a node with its type's name, letter and colour, each
 * relationship an edge with its type's words both ways, its confidence and dates. Pure: the caller reads the records.
 */
import type { CaseEntityType, CaseRelationshipType, ChartPosition, Entity, Relationship, Tag } from '../../../shared/domain';
import { entityTypeColour, entityTypeLabel, entityTypeLetter, relationshipTypeInfo } from '../../../shared/entities';
import { tagPath } from '../../../shared/codebook';
import type { ChartData, ChartEdge, ChartNode } from './chartData';

/** What the chart of a case is drawn from, as the database gives it. */
export interface CaseChartRecords {
  entities: readonly Entity[];
  relationships: readonly Relationship[];
  entityTypes: readonly CaseEntityType[];
  relationshipTypes: readonly CaseRelationshipType[];
  tags: readonly Tag[];
}

export function caseChartData(records: CaseChartRecords, positions: Readonly<Record<string, ChartPosition>> = {}): ChartData {
  const tagNames = new Map(records.tags.map((tag) => [tag.id, tagPath(records.tags, tag.id)]));
  const nodes: ChartNode[] = records.entities.map((entity) => ({
    id: entity.id,
    label: entity.name,
    type: entityTypeLabel(entity.type, records.entityTypes),
    typeColour: entityTypeColour(entity.type, records.entityTypes),
    typeLetter: entityTypeLetter(entity.type, records.entityTypes),
    // A tag deleted meanwhile is left out rather than shown by its id.
    tags: entity.tags.flatMap((id) => tagNames.get(id) ?? []),
  }));
  const edges: ChartEdge[] = records.relationships.map((relationship) => {
    const info = relationshipTypeInfo(relationship.type, records.relationshipTypes);
    const label = info?.label ?? 'related (type deleted)';
    return {
      id: relationship.id,
      source: relationship.from,
      target: relationship.to,
      type: label,
      label,
      inverse: info?.inverse ?? label,
      confidence: relationship.confidence,
      ...(relationship.start ? { start: relationship.start.value } : {}),
      ...(relationship.end ? { end: relationship.end.value } : {}),
    };
  });
  const known = new Set(nodes.map((node) => node.id));
  const placed = Object.fromEntries(Object.entries(positions).filter(([id]) => known.has(id)));
  return { nodes, edges, positions: placed };
}
