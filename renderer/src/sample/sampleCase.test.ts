import { describe, expect, it } from 'vitest';
import type { CasebookDB } from '../db/schema';
import { danglingLinks, withDatabase } from '../../../tests/unit/database';
import { createSampleCase } from './sampleCase';

let db: CasebookDB;
withDatabase((fresh) => (db = fresh));

describe('the sample case', () => {
  it('shows entities with attributes, a type of the case’s own and relationships supported by excerpts', async () => {
    const sample = await createSampleCase(db);
    const entities = await db.entities.where('caseId').equals(sample.id).toArray();
    const byName = new Map(entities.map((entity) => [entity.name, entity]));
    expect(byName.get('Dario Venn')).toMatchObject({
      aliases: [{ name: 'Lantern', origin: 'typed' }],
      attributes: expect.arrayContaining([expect.objectContaining({ key: 'Role', value: 'Director, Quayline Logistics' })]),
    });
    const [authority] = await db.entityTypes.where('caseId').equals(sample.id).toArray();
    expect(byName.get('Office of the Public Prosecutor, Vellport')!.type).toBe(authority!.id);
    const relationships = await db.relationships.where('caseId').equals(sample.id).toArray();
    expect(relationships.map((relationship) => relationship.confidence).sort()).toEqual(['confirmed', 'confirmed', 'possible']);
    const excerpts = new Set(await db.excerpts.where('caseId').equals(sample.id).primaryKeys());
    expect(relationships.flatMap((relationship) => relationship.excerptIds).every((id) => excerpts.has(id))).toBe(true);
    expect(await danglingLinks(db)).toEqual([]);
  });

  it('opens the one already made rather than making another', async () => {
    const first = await createSampleCase(db);
    expect((await createSampleCase(db)).id).toBe(first.id);
    expect(await db.cases.count()).toBe(1);
  });
});
