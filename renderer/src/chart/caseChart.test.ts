import { describe, expect, it } from 'vitest';
import type { CaseEntityType, CaseRelationshipType, Entity, Relationship, Tag } from '../../../shared/domain';
import { ENTITY_TYPE_COLOURS } from '../../../shared/entities';
import { caseChartData } from './caseChart';

const at = '2026-01-01T00:00:00.000Z';
const entity = (id: string, name: string, type: string, tags: string[] = []): Entity => ({
  id,
  caseId: 'c',
  name,
  nameKey: name.toLowerCase(),
  type,
  aliases: [],
  aliasKeys: [],
  attributes: [],
  tags,
  description: null,
  createdAt: at,
  updatedAt: at,
});
const relationship = (id: string, from: string, to: string, type: string, extra: Partial<Relationship> = {}): Relationship => ({
  id,
  caseId: 'c',
  from,
  to,
  ends: [from, to],
  type,
  start: null,
  end: null,
  confidence: 'confirmed',
  excerptIds: [],
  note: null,
  createdAt: at,
  updatedAt: at,
  ...extra,
});
const authority: CaseEntityType = { id: 't1', caseId: 'c', name: 'Authority', nameKey: 'authority', letter: 'A', icon: null, colour: '#475569', createdAt: at, updatedAt: at };
const director: CaseRelationshipType = { id: 'r1', caseId: 'c', label: 'director of', inverse: 'directed by', labelKey: 'director of', createdAt: at, updatedAt: at };
const tag = (id: string, name: string, parentId: string | null = null): Tag =>
  ({ id, caseId: 'c', name, nameKey: name.toLowerCase(), parentId, colour: '#000000', description: '', createdAt: at, updatedAt: at });

describe('a case as the link chart draws it', () => {
  const records = {
    entities: [entity('venn', 'Dario Venn', 'person', ['raids']), entity('quay', 'Quayline', 'organisation'), entity('office', 'Prosecutor', 't1'), entity('gone', 'Old', 'deleted-type')],
    relationships: [
      relationship('a', 'venn', 'quay', 'r1'),
      relationship('b', 'quay', 'office', 'works-for', { confidence: 'possible', start: { value: '2022-10', precision: 'month' }, end: { value: '2023', precision: 'year' } }),
    ],
    entityTypes: [authority],
    relationshipTypes: [director],
    tags: [tag('evidence', 'Evidence'), tag('raids', 'Raids', 'evidence')],
  };

  it('draws each entity with its type’s name, letter and colour, built-in or the case’s own, and its tags as paths', () => {
    const { nodes } = caseChartData(records);
    expect(nodes).toEqual([
      { id: 'venn', label: 'Dario Venn', type: 'person', typeLetter: 'P', typeColour: ENTITY_TYPE_COLOURS.person, tags: ['Evidence › Raids'] },
      { id: 'quay', label: 'Quayline', type: 'organisation', typeLetter: 'O', typeColour: ENTITY_TYPE_COLOURS.organisation, tags: [] },
      { id: 'office', label: 'Prosecutor', type: 'Authority', typeLetter: 'A', typeColour: '#475569', tags: [] },
      { id: 'gone', label: 'Old', type: 'entity of a deleted type', typeLetter: '?', typeColour: ENTITY_TYPE_COLOURS.other, tags: [] },
    ]);
  });

  it('reads each relationship both ways, with its confidence and dates as the date filter takes them', () => {
    const { edges } = caseChartData(records);
    expect(edges).toEqual([
      { id: 'a', source: 'venn', target: 'quay', type: 'director of', label: 'director of', inverse: 'directed by', confidence: 'confirmed' },
      { id: 'b', source: 'quay', target: 'office', type: 'works for', label: 'works for', inverse: 'employs', confidence: 'possible', start: '2022-10', end: '2023' },
    ]);
  });

  it('keeps the arrangement of the entities still in the case only', () => {
    const { positions } = caseChartData(records, { venn: { x: 1, y: 2 }, deleted: { x: 3, y: 4 } });
    expect(positions).toEqual({ venn: { x: 1, y: 2 } });
  });
});
