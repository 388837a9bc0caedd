import { describe, expect, it, vi } from 'vitest';
import type { CaseFile } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { rejection, withCase } from '../../../tests/unit/database';
import { entitiesNamed } from '../db/queries/entities';
import {
  NotFoundError,
  ValidationError,
  createCase,
  createEntities,
  createEntity,
  createEntityType,
  createTag,
  deleteEntityType,
  deleteRecord,
  deleteTag,
  renameTag,
  updateEntity,
  updateEntityType,
} from '.';

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
      aliases: [
        { name: 'Z. Müller', origin: 'typed' },
        { name: 'Zoe Mueller', origin: 'typed' },
      ],
      aliasKeys: ['z. müller', 'zoe mueller'],
      attributes: [],
      tags: [],
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
    expect(await db.entities.where('aliasKeys').equals('z. müller').primaryKeys()).toEqual([entity.id]);
    expect(await entitiesNamed(db, caseFile.id, 'Z.  MÜLLER')).toEqual([entity]);
  });

  it('rejects a second entity of the same name and type in the case, whatever its case and spacing', async () => {
    await createEntity(db, caseFile.id, { name: 'Zoë Müller', type: 'person' });
    const error = await rejection(createEntity(db, caseFile.id, { name: ' ZOË  müller', type: 'person' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).messageFor('name')).toBe('This case already has a person named “Zoë Müller”. Open it instead.');
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
      aliases: [{ name: 'Zoe Muller', origin: 'typed' }],
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
    expect(error.messageFor('name')).toBe('This case already has a person named “Zoë Müller”. Open it, or merge the two.');
    expect(error.recordFor('name')).toEqual({ type: 'entity', id: first.id });
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

describe('names and aliases are one entity’s only, within a type', () => {
  it('refuses an alias another entity of the type has as its name, naming it and carrying its id', async () => {
    const marta = await createEntity(db, caseFile.id, { name: 'Marta Kowal', type: 'person' });
    const error = await rejection(
      createEntity(db, caseFile.id, { name: 'M. Kowalska', type: 'person', aliases: ['Lantern', 'marta  KOWAL'] }),
      ValidationError,
    );
    expect(error.issues).toEqual([
      {
        field: 'aliases.1',
        message: 'The alias “marta KOWAL” is the name of the person “Marta Kowal” in this case. Open it instead.',
        record: { type: 'entity', id: marta.id },
      },
    ]);
    expect(await entitiesInCase()).toEqual([marta]);
  });

  it('refuses a name that is another entity’s alias, and an alias that is another’s alias', async () => {
    const marta = await createEntity(db, caseFile.id, { name: 'Marta Kowal', type: 'person', aliases: ['Lantern'] });
    const byName = await rejection(createEntity(db, caseFile.id, { name: 'lantern', type: 'person' }), ValidationError);
    expect(byName.issues[0]).toEqual({
      field: 'name',
      message: '“lantern” is an alias of the person “Marta Kowal” in this case. Open it instead.',
      record: { type: 'entity', id: marta.id },
    });
    const other = await createEntity(db, caseFile.id, { name: 'Dario Venn', type: 'person' });
    const byAlias = await rejection(updateEntity(db, other.id, { name: 'Dario Venn', type: 'person', aliases: ['LANTERN'] }), ValidationError);
    expect(byAlias.messageFor('aliases.0')).toBe('The alias “LANTERN” is already an alias of the person “Marta Kowal” in this case. Open it, or merge the two.');
    expect(byAlias.recordFor()).toEqual({ type: 'entity', id: marta.id });
  });

  it('lets entities of other types share a name or alias, and an entity keep its own', async () => {
    await createEntity(db, caseFile.id, { name: 'Nordlys', type: 'vessel', aliases: ['MV Nordlys'] });
    await expect(createEntity(db, caseFile.id, { name: 'MV Nordlys', type: 'organisation' })).resolves.toBeTruthy();
    const marta = await createEntity(db, caseFile.id, { name: 'Marta Kowal', type: 'person', aliases: ['M. K.'] });
    await expect(updateEntity(db, marta.id, { name: 'm. k.', type: 'person', aliases: ['Marta Kowal'] })).resolves.toMatchObject({
      name: 'm. k.',
      aliases: [{ name: 'Marta Kowal', origin: 'typed' }],
    });
  });
});

describe('aliases remember where they came from', () => {
  it('keeps an alias’s origin when the form sends it back as a plain name, and types new ones', async () => {
    const entity = await createEntity(db, caseFile.id, {
      name: 'Dario Venn',
      type: 'person',
      aliases: [{ name: 'Lantern', origin: 'suggestion', from: 'Prosecutor’s statement' }],
    });
    const edited = await updateEntity(db, entity.id, { name: 'Dario Venn', type: 'person', aliases: ['lantern', 'D. Venn'] });
    expect(edited.aliases).toEqual([
      { name: 'lantern', origin: 'suggestion', from: 'Prosecutor’s statement' },
      { name: 'D. Venn', origin: 'typed' },
    ]);
    expect(edited.aliasKeys).toEqual(['lantern', 'd. venn']);
  });
});

describe('attributes, tags and the case’s own types', () => {
  it('stores dated attributes with ids of their own, and keeps them (and tags) when an edit leaves them out', async () => {
    const tag = await createTag(db, caseFile.id, { name: 'Suspects' });
    const entity = await createEntity(db, caseFile.id, {
      name: 'MV Corran Bay',
      type: 'vessel',
      attributes: [
        { key: 'Flag', value: 'Panama', start: { value: '2019', precision: 'year' }, end: { value: '2022-03', precision: 'month' } },
        { key: 'IMO number', value: '9123456' },
      ],
      tags: [tag.id, tag.id],
    });
    expect(entity.attributes).toEqual([
      { id: expect.any(String), key: 'Flag', value: 'Panama', start: { value: '2019', precision: 'year' }, end: { value: '2022-03', precision: 'month' } },
      { id: expect.any(String), key: 'IMO number', value: '9123456', start: null, end: null },
    ]);
    expect(entity.tags).toEqual([tag.id]);
    // The entity form sends name, type, aliases and description only.
    const edited = await updateEntity(db, entity.id, { name: 'Corran Bay', type: 'vessel', aliases: [], description: null });
    expect(edited.attributes).toEqual(entity.attributes);
    expect(edited.tags).toEqual([tag.id]);
    // An attribute sent back with its id keeps it.
    const [flag] = entity.attributes;
    const again = await updateEntity(db, entity.id, { name: 'Corran Bay', type: 'vessel', attributes: [{ ...flag!, value: 'Liberia' }] });
    expect(again.attributes).toEqual([{ ...flag, value: 'Liberia' }]);
  });

  it('refuses a tag that is not in the case’s codebook, and follows the codebook as it changes', async () => {
    const error = await rejection(createEntity(db, caseFile.id, { name: 'Nordlys', type: 'vessel', tags: ['no-such-tag'] }), ValidationError);
    expect(error.messageFor('tags')).toMatch(/not in this case’s codebook/);
    const tag = await createTag(db, caseFile.id, { name: 'Vessels' });
    const entity = await createEntity(db, caseFile.id, { name: 'Nordlys', type: 'vessel', tags: [tag.id] });
    await renameTag(db, tag.id, 'Ships');
    expect((await db.entities.get(entity.id))!.tags).toEqual([tag.id]);
    await deleteTag(db, tag.id, 'remove');
    expect((await db.entities.get(entity.id))!.tags).toEqual([]);
  });

  it('takes a type of the case’s own, named in messages, and refuses a type the case does not have', async () => {
    const handle = await createEntityType(db, caseFile.id, { name: 'Handle' });
    expect(handle).toMatchObject({ name: 'Handle', nameKey: 'handle', letter: 'H', icon: null, colour: expect.stringMatching(/^#/) });
    const lantern = await createEntity(db, caseFile.id, { name: 'Lantern', type: handle.id });
    expect(lantern.type).toBe(handle.id);
    expect((await db.history.orderBy('seq').last())!.summary).toBe('Added Handle “Lantern”');
    const twice = await rejection(createEntity(db, caseFile.id, { name: 'LANTERN', type: handle.id }), ValidationError);
    expect(twice.messageFor('name')).toBe('This case already has a Handle named “Lantern”. Open it instead.');
    const office = await createEntity(db, caseFile.id, { name: 'Saltmere Harbour Office', type: 'organisation' });
    const again = (await rejection(createEntity(db, caseFile.id, { name: office.name, type: 'organisation' }))) as ValidationError;
    expect(again.messageFor('name')).toBe('This case already has an organisation named “Saltmere Harbour Office”. Open it instead.');
    const unknown = await rejection(createEntity(db, caseFile.id, { name: 'X', type: 'suspect' }), ValidationError);
    expect(unknown.messageFor('type')).toBe(
      'Type must be one of: person, organisation, place, phone, email, vessel, vehicle, account, other, or one of this case’s own: Handle.',
    );
    // Another case's types are not this case's.
    const other = await createCase(db, { name: 'Airport' });
    await expect(createEntity(db, other.id, { name: 'Lantern', type: handle.id })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('the case’s own entity types', () => {
  it('refuses a name the case or the built-in types already have', async () => {
    await createEntityType(db, caseFile.id, { name: 'Handle' });
    const twice = await rejection(createEntityType(db, caseFile.id, { name: ' HANDLE ' }), ValidationError);
    expect(twice.messageFor('name')).toBe('This case already has an entity type named “Handle”. Use it, or choose another name.');
    const builtIn = await rejection(createEntityType(db, caseFile.id, { name: 'Person' }), ValidationError);
    expect(builtIn.messageFor('name')).toBe('“person” is already one of the built-in types. Use it, or choose another name.');
  });

  it('renames and recolours a type, keeping its colour when none is given', async () => {
    const type = await createEntityType(db, caseFile.id, { name: 'Handle', colour: '#0E7490' });
    const renamed = await updateEntityType(db, type.id, { name: 'Network handle', letter: '@' });
    expect(renamed).toMatchObject({ name: 'Network handle', letter: '@', colour: '#0e7490' });
    expect((await db.history.orderBy('seq').last())!.summary).toBe('Renamed the entity type “Handle” to “Network handle”');
  });

  it('deletes a type in use only with a type for its entities, refusing a move that would clash', async () => {
    const handle = await createEntityType(db, caseFile.id, { name: 'Handle' });
    const lantern = await createEntity(db, caseFile.id, { name: 'Lantern', type: handle.id });
    const refused = await rejection(deleteEntityType(db, handle.id), ValidationError);
    expect(refused.messageFor('replaceWith')).toBe('1 entity is of the type “Handle”: choose the type they take instead.');
    const person = await createEntity(db, caseFile.id, { name: 'lantern', type: 'person' });
    const clash = await rejection(deleteEntityType(db, handle.id, { replaceWith: 'person' }), ValidationError);
    expect(clash.messageFor('replaceWith')).toBe(
      '“Lantern” cannot become a person: this case already has a person named “lantern”. Rename or merge one of them first.',
    );
    expect(clash.recordFor()).toEqual({ type: 'entity', id: person.id });
    expect(await db.entityTypes.count()).toBe(1);
    await expect(deleteEntityType(db, handle.id, { replaceWith: 'other' })).resolves.toEqual({ moved: 1 });
    expect((await db.entities.get(lantern.id))!.type).toBe('other');
    expect(await db.entityTypes.count()).toBe(0);
    expect((await db.history.orderBy('seq').last())!.summary).toBe('Deleted the entity type “Handle” (1 entity is now other)');
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
    expect(created.map((entity) => [entity.name, entity.type, entity.aliases.map((alias) => alias.name)])).toEqual([
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
        message: 'Row 3: This case already has a vessel named “Nordlys”. Open it instead.',
        record: { type: 'entity', id: expect.any(String) },
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
