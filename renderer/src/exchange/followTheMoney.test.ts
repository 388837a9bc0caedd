import { beforeEach, describe, expect, it } from 'vitest';
import { Model, defaultModel } from '@alephdata/followthemoney';
import type { CasebookDB } from '../db/schema';
import type { Entity } from '../../../shared/domain';
import { createEntities, createEntityType, createRelationship, createRelationshipType } from '../domain';
import { entityGraphRecords } from '../db/queries/exchange';
import { seedRepresentativeCase, withDatabase, type SeededCase } from '../../../tests/unit/database';
import { FTM_DATE, followTheMoneyLines, ftmEntityId, ftmRelationshipId, type FtmEntity } from './followTheMoney';

// The model as the package publishes it, built anew: the export is checked against it, not against itself.
const model = new Model(defaultModel);

/** Every problem an FtM tool would find in the export, as sentences; an empty list for a valid one. */
function problemsOf(entities: readonly FtmEntity[]): string[] {
  const problems: string[] = [];
  const schemaOfId = new Map<string, string>();
  for (const entity of entities) {
    const schema = model.schemata[entity.schema];
    if (!schema) {
      problems.push(`${entity.id}: no schema ${entity.schema}`);
      continue;
    }
    if (schema.abstract) problems.push(`${entity.id}: ${entity.schema} is abstract`);
    if (schemaOfId.has(entity.id)) problems.push(`${entity.id}: the id is used twice`);
    schemaOfId.set(entity.id, entity.schema);
    for (const required of schema.required) if (!entity.properties[required]?.length) problems.push(`${entity.id}: ${entity.schema} lacks ${required}`);
    for (const [name, values] of Object.entries(entity.properties)) {
      if (!schema.hasProperty(name)) {
        problems.push(`${entity.id}: ${entity.schema} has no property ${name}`);
        continue;
      }
      const property = schema.getProperty(name);
      for (const value of values) {
        if (typeof value !== 'string' || !value.trim()) problems.push(`${entity.id}: ${name} holds ${JSON.stringify(value)}`);
        if (property.type.name === 'date' && !FTM_DATE.test(value)) problems.push(`${entity.id}: ${name} is not an FtM date: ${value}`);
        if (property.type.name === 'country' && !model.getType('country').values.has(value)) problems.push(`${entity.id}: ${name} is not a country code: ${value}`);
      }
    }
  }
  // References go to entities of the export, of the schema the property's range allows.
  for (const entity of entities) {
    const schema = model.schemata[entity.schema];
    for (const [name, values] of Object.entries(entity.properties)) {
      if (!schema?.hasProperty(name)) continue;
      const property = schema.getProperty(name);
      if (!property.type.isEntity) continue;
      for (const id of values) {
        const target = schemaOfId.get(id);
        if (!target) problems.push(`${entity.id}: ${name} points at ${id}, not in the export`);
        else if (!model.getSchema(target).isA(property.getRange())) problems.push(`${entity.id}: ${name} points at a ${target}, not a ${property.getRange().name}`);
      }
    }
  }
  return problems;
}

describe('entities and relationships as FollowTheMoney', () => {
  let db: CasebookDB;
  let seeded: SeededCase;
  withDatabase((fresh) => (db = fresh));

  beforeEach(async () => {
    seeded = await seedRepresentativeCase(db);
  });

  const exported = async (): Promise<{ lines: string[]; entities: FtmEntity[] }> => {
    const records = await entityGraphRecords(db, seeded.caseFile.id);
    const lines = [...followTheMoneyLines(records!)];
    return { lines, entities: lines.map((line) => JSON.parse(line) as FtmEntity) };
  };
  const byId = (entities: readonly FtmEntity[], id: string) => entities.find((entity) => entity.id === id)!;

  it('exports the seeded case as valid FtM entities, one a line, with the relationship as an Employment', async () => {
    const { lines, entities } = await exported();
    for (const line of lines) {
      expect(line.endsWith('\n')).toBe(true);
      expect(line.slice(0, -1)).not.toContain('\n');
    }
    expect(problemsOf(entities)).toEqual([]);
    expect(entities).toHaveLength(3);

    const person = byId(entities, ftmEntityId(seeded.person.id));
    expect(person.schema).toBe('Person');
    expect(person.properties.name).toEqual(['Zoë Müller']);
    expect(person.properties.alias).toEqual(['Z. Müller']);
    // "Norwegian" is no country code, so it stays in words, with its date.
    expect(person.properties.nationality).toBeUndefined();
    expect(person.properties.notes).toEqual(['Nationality: Norwegian (from 2019)']);

    const employment = byId(entities, ftmRelationshipId(seeded.relationship!.id));
    expect(employment.schema).toBe('Employment');
    expect(employment.properties.employee).toEqual([ftmEntityId(seeded.person.id)]);
    expect(employment.properties.employer).toEqual([ftmEntityId(seeded.organisation.id)]);
    expect(employment.properties.startDate).toEqual(['2019']);
    expect(employment.properties.sourceUrl).toEqual(['https://example.org/log']);
    expect(employment.properties.description![0]).toContain('Confidence: probable.');
    expect(employment.properties.description![0]).toContain('“Zoë Müller signed the charter” (Harbour master’s log, https://example.org/log)');
  });

  it('maps every built-in type, a case’s own types and relationships of every kind to valid schemata', async () => {
    const caseId = seeded.caseFile.id;
    const handle = (await db.entityTypes.where('caseId').equals(caseId).first())!;
    const aircraft = await createEntityType(db, caseId, { name: 'Aircraft', colour: '#334455' });
    const container = await createEntityType(db, caseId, { name: 'Container', colour: '#554433' });
    const [holding, vessel, car, phone, email, iban, quay, other, kowal, nowak, handleEntity, plane, box, ngo] = (await createEntities(db, caseId, [
      { name: 'Quayline Holdings Sp. z o.o.', type: 'organisation', attributes: [{ key: 'Registration number', value: 'KRS 0000123456' }, { key: 'Founded', value: '2011-05' }] },
      { name: 'Nordlys', type: 'vessel', attributes: [{ key: 'IMO', value: '9123456' }, { key: 'Flag', value: 'NO' }] },
      { name: 'Black Audi', type: 'vehicle', attributes: [{ key: 'Licence plate', value: 'GD 12345' }] },
      { name: '+48 601 234 567', type: 'phone' },
      { name: 'm.kowal@example.pl', type: 'email' },
      { name: 'PL61 1090 1014 0000 0712 1981 2874', type: 'account', attributes: [{ key: 'Bank', value: 'Santander' }] },
      { name: 'Nabrzeże Wiślane 3, Gdańsk', type: 'place', attributes: [{ key: 'City', value: 'Gdańsk' }] },
      { name: 'The fixer', type: 'other' },
      { name: 'Marta Kowal', type: 'person', attributes: [{ key: 'Date of birth', value: '1979-04' }, { key: 'Gender', value: 'Female' }, { key: 'Shoe size', value: '38' }] },
      { name: 'Piotr Nowak', type: 'person' },
      { name: '@kowal_m', type: handle.id },
      { name: 'SP-KWL', type: aircraft.id },
      { name: 'MSKU 123456-7', type: container.id },
      { name: 'Fundacja Morska', type: 'organisation' },
    ])) as Entity[] as [Entity, Entity, Entity, Entity, Entity, Entity, Entity, Entity, Entity, Entity, Entity, Entity, Entity, Entity];
    const directorOf = await createRelationshipType(db, caseId, { label: 'director of', inverse: 'directed by' });
    const marriedTo = await createRelationshipType(db, caseId, { label: 'married to', inverse: 'married to' });
    const skipper = (await db.relationshipTypes.where('caseId').equals(caseId).toArray()).find((type) => type.label === 'skipper of')!;
    const relate = (from: Entity, to: Entity, type: string, more: object = {}) =>
      createRelationship(db, caseId, { from: from.id, to: to.id, type, confidence: 'confirmed', ...more });
    const relationships = {
      ownsVessel: await relate(holding, vessel, 'owns', { start: { value: '2021-03', precision: 'month' }, end: { value: '2023-11-30', precision: 'day' } }),
      ownsCompany: await relate(kowal, holding, 'owns'),
      ownsPhone: await relate(kowal, phone, 'owns'),
      member: await relate(nowak, ngo, 'member-of'),
      orgWorksForOrg: await relate(seeded.organisation, holding, 'works-for'),
      located: await relate(holding, quay, 'located-in'),
      contacted: await relate(kowal, nowak, 'contacted', { start: { value: '2021-03-09T06:00', precision: 'minute' } }),
      contactedByPhone: await relate(phone, email, 'contacted'),
      director: await relate(kowal, holding, directorOf.id),
      married: await relate(kowal, nowak, marriedTo.id),
      skipper: await relate(nowak, vessel, skipper.id),
      related: await relate(other, car, 'related-to'),
    };

    const { entities } = await exported();
    expect(problemsOf(entities)).toEqual([]);
    expect(entities).toHaveLength(3 + 14 + Object.keys(relationships).length);

    const schemaOf = (entity: Entity) => byId(entities, ftmEntityId(entity.id)).schema;
    expect({
      holding: schemaOf(holding), ngo: schemaOf(ngo), vessel: schemaOf(vessel), car: schemaOf(car), phone: schemaOf(phone), email: schemaOf(email),
      iban: schemaOf(iban), quay: schemaOf(quay), other: schemaOf(other), handle: schemaOf(handleEntity), plane: schemaOf(plane), box: schemaOf(box),
    }).toEqual({
      holding: 'Company', ngo: 'Organization', vessel: 'Vessel', car: 'Vehicle', phone: 'UserAccount', email: 'UserAccount',
      iban: 'BankAccount', quay: 'Address', other: 'LegalEntity', handle: 'UserAccount', plane: 'Airplane', box: 'LegalEntity',
    });
    const properties = (entity: Entity) => byId(entities, ftmEntityId(entity.id)).properties;
    expect(properties(holding)).toMatchObject({ registrationNumber: ['KRS 0000123456'], incorporationDate: ['2011-05'] });
    expect(properties(vessel)).toMatchObject({ imoNumber: ['9123456'], flag: ['no'] });
    expect(properties(car)).toMatchObject({ registrationNumber: ['GD 12345'] });
    expect(properties(phone)).toMatchObject({ number: ['+48 601 234 567'], username: ['+48 601 234 567'] });
    expect(properties(email)).toMatchObject({ email: ['m.kowal@example.pl'] });
    expect(properties(iban)).toMatchObject({ iban: ['PL61109010140000071219812874'], bankName: ['Santander'] });
    expect(properties(quay)).toMatchObject({ full: ['Nabrzeże Wiślane 3, Gdańsk'], city: ['Gdańsk'] });
    expect(properties(kowal)).toMatchObject({ birthDate: ['1979-04'], gender: ['female'], notes: ['Shoe size: 38'] });
    expect(properties(box)).toMatchObject({ keywords: ['Container'] });

    const edge = (key: keyof typeof relationships) => byId(entities, ftmRelationshipId(relationships[key].id));
    expect(edge('ownsVessel')).toMatchObject({
      schema: 'Ownership',
      properties: { owner: [ftmEntityId(holding.id)], asset: [ftmEntityId(vessel.id)], startDate: ['2021-03'], endDate: ['2023-11-30'] },
    });
    expect(edge('ownsCompany').schema).toBe('Ownership');
    // A phone is no asset in FtM: the ownership stays a link, in words.
    expect(edge('ownsPhone')).toMatchObject({ schema: 'UnknownLink', properties: { subject: [ftmEntityId(kowal.id)], object: [ftmEntityId(phone.id)], role: ['owns'] } });
    expect(edge('member')).toMatchObject({ schema: 'Membership', properties: { member: [ftmEntityId(nowak.id)], organization: [ftmEntityId(ngo.id)] } });
    expect(edge('orgWorksForOrg')).toMatchObject({ schema: 'Membership', properties: { role: ['works for'] } });
    expect(edge('located')).toMatchObject({ schema: 'UnknownLink', properties: { role: ['located in'] } });
    expect(edge('contacted')).toMatchObject({ schema: 'Associate', properties: { relationship: ['contacted'], startDate: ['2021-03-09T06:00'] } });
    expect(edge('contactedByPhone')).toMatchObject({ schema: 'UnknownLink', properties: { role: ['contacted'] } });
    expect(edge('director')).toMatchObject({ schema: 'Directorship', properties: { director: [ftmEntityId(kowal.id)], organization: [ftmEntityId(holding.id)], role: ['director of'] } });
    expect(edge('married')).toMatchObject({ schema: 'Family', properties: { person: [ftmEntityId(kowal.id)], relative: [ftmEntityId(nowak.id)], relationship: ['married to'] } });
    expect(edge('skipper')).toMatchObject({ schema: 'UnknownLink', properties: { role: ['skipper of'] } });
    expect(edge('related')).toMatchObject({ schema: 'UnknownLink', properties: { role: ['related to'] } });
  });

  it('is checked by a validator that finds what an FtM tool would refuse', () => {
    const broken: FtmEntity[] = [
      { id: 'a', schema: 'Phone', properties: { name: ['x'] } },
      { id: 'b', schema: 'Person', properties: { name: ['x'], shoeSize: ['38'], birthDate: ['9 March 2021'] } },
      { id: 'c', schema: 'Ownership', properties: { owner: ['b'], asset: ['b'] } },
      { id: 'd', schema: 'Thing', properties: {} },
    ];
    expect(problemsOf(broken)).toEqual([
      'a: no schema Phone',
      'b: Person has no property shoeSize',
      'b: birthDate is not an FtM date: 9 March 2021',
      'd: Thing is abstract',
      'd: Thing lacks name',
      'c: asset points at a Person, not a Asset',
    ]);
  });
});
