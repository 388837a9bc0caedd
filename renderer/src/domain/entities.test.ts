import { describe, expect, it, vi } from 'vitest';
import type { CaseFile } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { rejection, withCase } from '../../../tests/unit/database';
import { NotFoundError, ValidationError, createCase, createEntities, createEntity, deleteRecord, updateEntity } from '.';

let db: CasebookDB;
let caseFile: CaseFile;
withCase((fresh) => ({ db, caseFile } = fresh));

const entitiesInCase = () => db.entities.where('caseId').equals(caseFile.id).toArray();

describe('createEntity', () => {
  it('stores the entity with a cleaned name, its key, cleaned aliases and the case it belongs to', async () => {
    const entity = await createEntity(db, caseFile.id, {
      name: '  Zoë   Müller ',
      type: 'person',
      aliases: [' Z.  Müller', 'Z. Müller', 'Zoe Mueller', '  '],
    });
    expect(entity).toMatchObject({
      caseId: caseFile.id,
      name: 'Zoë Müller',
      nameKey: 'zoë müller',
      type: 'person',
      aliases: ['Z. Müller', 'Zoe Mueller'],
      description: null,
    });
    expect(await db.entities.get(entity.id)).toEqual(entity);
  });

  it('is found by any of its aliases', async () => {
    const entity = await createEntity(db, caseFile.id, {
      name: 'Zoë Müller',
      type: 'person',
      aliases: ['Z. Müller'],
    });
    expect(await db.entities.where('aliases').equals('Z. Müller').primaryKeys()).toEqual([entity.id]);
  });

  it('rejects a second entity of the same name and type in the case, whatever its case and spacing', async () => {
    await createEntity(db, caseFile.id, { name: 'Zoë Müller', type: 'person' });
    const error = await rejection(createEntity(db, caseFile.id, { name: ' ZOË  müller', type: 'person' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).messageFor('name')).toBe(
      'This case already has a person named “ZOË müller”. Open it, or add this name as an alias.',
    );
    expect(await entitiesInCase()).toHaveLength(1);
  });

  it('allows the same name with another type, and the same name and type in another case', async () => {
    await createEntity(db, caseFile.id, { name: 'Nordlys', type: 'vessel' });
    await expect(createEntity(db, caseFile.id, { name: 'Nordlys', type: 'organisation' })).resolves.toMatchObject({
      type: 'organisation',
    });
    const otherCase = await createCase(db, { name: 'Airport' });
    await expect(createEntity(db, otherCase.id, { name: 'Nordlys', type: 'vessel' })).resolves.toMatchObject({
      caseId: otherCase.id,
    });
    expect(await entitiesInCase()).toHaveLength(2);
  });

  it('rejects a type it does not know, listing the ones it does, on the type field', async () => {
    const error = (await rejection(
      createEntity(db, caseFile.id, { name: 'Zoë Müller', type: 'suspect' as 'person' }),
    )) as ValidationError;
    expect(error.messageFor('type')).toBe(
      'Type must be one of: person, organisation, place, phone, email, vessel, vehicle, account, other.',
    );
    expect(await entitiesInCase()).toEqual([]);
  });

  it('rejects an empty name', async () => {
    const error = (await rejection(createEntity(db, caseFile.id, { name: '   ', type: 'place' }))) as ValidationError;
    expect(error.messageFor('name')).toBe('Entity name cannot be empty.');
  });

  it('fails with NotFoundError when the case is gone', async () => {
    await expect(createEntity(db, 'no-such-case', { name: 'A', type: 'place' })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.entities.count()).toBe(0);
  });
});

describe('updateEntity', () => {
  it('renames the entity, recomputes its key and keeps its id, case and creation time', async () => {
    const entity = await createEntity(db, caseFile.id, { name: 'Zoe Muller', type: 'person' });
    const updated = await updateEntity(db, entity.id, {
      name: 'Zoë Müller',
      type: 'person',
      aliases: ['Zoe Muller'],
    });
    expect(updated).toMatchObject({
      id: entity.id,
      caseId: caseFile.id,
      createdAt: entity.createdAt,
      name: 'Zoë Müller',
      nameKey: 'zoë müller',
      aliases: ['Zoe Muller'],
    });
    expect(await db.entities.get(entity.id)).toEqual(updated);
    expect(await entitiesInCase()).toHaveLength(1);
  });

  it('allows keeping its own name, in another letter case', async () => {
    const entity = await createEntity(db, caseFile.id, { name: 'nordlys', type: 'vessel' });
    await expect(updateEntity(db, entity.id, { name: 'Nordlys', type: 'vessel' })).resolves.toMatchObject({
      name: 'Nordlys',
    });
  });

  it('rejects taking the name and type of another entity, and leaves both as they were', async () => {
    const first = await createEntity(db, caseFile.id, { name: 'Zoë Müller', type: 'person' });
    const second = await createEntity(db, caseFile.id, { name: 'Z. Müller', type: 'person' });
    const error = (await rejection(
      updateEntity(db, second.id, { name: 'zoë müller', type: 'person' }),
    )) as ValidationError;
    expect(error.messageFor('name')).toContain('already has a person named “zoë müller”');
    expect(await db.entities.bulkGet([first.id, second.id])).toEqual([first, second]);
  });

  it('rejects a type change that would clash with another entity', async () => {
    await createEntity(db, caseFile.id, { name: 'Nordlys', type: 'organisation' });
    const vessel = await createEntity(db, caseFile.id, { name: 'Nordlys', type: 'vessel' });
    await expect(updateEntity(db, vessel.id, { name: 'Nordlys', type: 'organisation' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect((await db.entities.get(vessel.id))?.type).toBe('vessel');
  });

  it('fails with NotFoundError for an entity that is gone', async () => {
    await expect(updateEntity(db, 'no-such-entity', { name: 'A', type: 'place' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe('createEntities', () => {
  const rows = [
    { name: 'Zoë Müller', type: 'person' as const, aliases: ['Z. Müller', ' Z.  Müller '] },
    { name: 'Nordlys Shipping', type: 'organisation' as const },
    { name: ' Nordlys ', type: 'vessel' as const },
  ];

  it('adds every entity with one history entry naming them all', async () => {
    const historyBefore = await db.history.count();
    const created = await createEntities(db, caseFile.id, rows);
    expect(created.map((entity) => [entity.name, entity.type, entity.aliases])).toEqual([
      ['Zoë Müller', 'person', ['Z. Müller']],
      ['Nordlys Shipping', 'organisation', []],
      ['Nordlys', 'vessel', []],
    ]);
    expect(await db.entities.bulkGet(created.map((entity) => entity.id))).toEqual(created);
    expect(await db.history.count()).toBe(historyBefore + 1);
    expect(await db.history.orderBy('seq').last()).toMatchObject({
      action: 'create',
      summary: 'Added 3 entities',
      records: created.map((entity) => ({ type: 'entity', id: entity.id })),
    });
  });

  it('says "1 entity" for a single one', async () => {
    await createEntities(db, caseFile.id, [rows[0]!]);
    expect((await db.history.orderBy('seq').last())?.summary).toBe('Added 1 entity');
  });

  it('writes nothing, not even history, for an empty list', async () => {
    const before = await db.cases.get(caseFile.id);
    const historyBefore = await db.history.count();
    expect(await createEntities(db, caseFile.id, [])).toEqual([]);
    expect(await db.history.count()).toBe(historyBefore);
    expect(await db.cases.get(caseFile.id)).toEqual(before);
  });

  it('rejects the whole batch, naming both rows, when the list holds the same entity twice', async () => {
    const historyBefore = await db.history.count();
    const error = (await rejection(
      createEntities(db, caseFile.id, [...rows, { name: 'zoë  MÜLLER', type: 'person' }]),
    )) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toEqual([
      { field: '', message: 'Row 4: the person “zoë MÜLLER” is already on row 1. Keep one of them.' },
    ]);
    expect(await entitiesInCase()).toEqual([]);
    expect(await db.history.count()).toBe(historyBefore);
  });

  it('rejects the whole batch, naming the row, when an entity is already in the case', async () => {
    await createEntity(db, caseFile.id, { name: 'Nordlys', type: 'vessel' });
    const error = (await rejection(createEntities(db, caseFile.id, rows))) as ValidationError;
    expect(error.issues).toEqual([
      {
        field: '',
        message: 'Row 3: This case already has a vessel named “Nordlys”. Open it, or add this name as an alias.',
      },
    ]);
    expect((await entitiesInCase()).map((entity) => entity.name)).toEqual(['Nordlys']);
  });

  it('rejects the whole batch, naming the row, when an entity is invalid', async () => {
    const error = (await rejection(
      createEntities(db, caseFile.id, [rows[0]!, { name: '', type: 'person' }]),
    )) as ValidationError;
    expect(error.issues).toEqual([{ field: '', message: 'Row 2: Entity name cannot be empty.' }]);
    expect(await entitiesInCase()).toEqual([]);
  });
});

describe('an edit racing a deletion', () => {
  it('does not bring back an entity deleted after the form was opened', async () => {
    const entity = await createEntity(db, caseFile.id, { name: 'Marta Kowal', type: 'person' });
    const read = db.entities.get.bind(db.entities);
    let first = true;
    // Another window deletes the entity just after the edit has read it.
    const getThenDelete = async (key: string) => {
      const row = await read(key);
      if (first) {
        first = false;
        await deleteRecord(db, { type: 'entity', id: entity.id });
      }
      return row;
    };
    vi.spyOn(db.entities, 'get').mockImplementation(getThenDelete as typeof db.entities.get);
    const error = await rejection(updateEntity(db, entity.id, { name: 'Marta Kowalska', type: 'person' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(await db.entities.count()).toBe(0);
  });
});
