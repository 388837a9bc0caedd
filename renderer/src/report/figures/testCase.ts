/** A case's chart records for the figures' unit tests. */
import type { Confidence, Entity, Relationship } from '../../../../shared/domain';
import type { CaseChartRecords } from '../../chart/caseChart';

const at = '2026-01-01T00:00:00.000Z';

export const entity = (id: string, name: string, type = 'person'): Entity => ({
  id,
  caseId: 'c',
  name,
  nameKey: name.toLowerCase(),
  type,
  aliases: [],
  aliasKeys: [],
  attributes: [],
  tags: [],
  description: null,
  createdAt: at,
  updatedAt: at,
});

export const relationship = (id: string, from: string, to: string, type = 'works-for', confidence: Confidence = 'confirmed'): Relationship => ({
  id,
  caseId: 'c',
  from,
  to,
  ends: [from, to],
  type,
  start: null,
  end: null,
  confidence,
  excerptIds: [],
  note: null,
  createdAt: at,
  updatedAt: at,
});

export const records = (entities: Entity[], relationships: Relationship[] = []): CaseChartRecords => ({
  entities,
  relationships,
  entityTypes: [],
  relationshipTypes: [],
  tags: [],
});
