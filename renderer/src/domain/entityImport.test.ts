import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../shared/domain';
import { LIMITS } from '../../../shared/limits';
import type { CasebookDB } from '../db/schema';
import { rejection, snapshot, withCase } from '../../../tests/unit/database';
import { ValidationError, createEntity, createEntityType, importEntities } from '.';

let db: CasebookDB;
let caseFile: CaseFile;
withCase((fresh) => ({ db, caseFile } = fresh));

const names = async () => (await db.entities.where('caseId').equals(caseFile.id).toArray()).map((entity) => entity.name).sort();

describe('importEntities from pasted lines', () => {
  it('adds one entity a line, aliases after semicolons, blank lines skipped, in one history entry', async () => {
    const historyBefore = await db.history.count();
    const report = await importEntities(db, caseFile.id, { lines: 'Marta Kowal; M. Kowal; Kowalówna\n\n  Dario Venn  \r\n', type: 'person' });
    expect(report).toMatchObject({
      imported: true,
      summary: 'Imported 2 entities from a pasted list.',
      rows: [
        { row: 1, name: 'Marta Kowal', outcome: 'added', message: null },
        { row: 3, name: 'Dario Venn', outcome: 'added', message: null },
      ],
    });
    expect(report.added.map((entity) => [entity.name, entity.aliases.map((alias) => alias.name)])).toEqual([
      ['Marta Kowal', ['M. Kowal', 'Kowalówna']],
      ['Dario Venn', []],
    ]);
    expect(report.rows[0]!.entityId).toBe(report.added[0]!.id);
    expect(await db.history.count()).toBe(historyBefore + 1);
    expect(await db.history.orderBy('seq').last()).toMatchObject({ action: 'import', summary: 'Imported 2 entities from a pasted list' });
  });

  it('refuses a list without a type, a type the case does not have, and an empty list', async () => {
    const none = await rejection(importEntities(db, caseFile.id, { lines: 'Marta Kowal', type: ' ' }), ValidationError);
    expect(none.messageFor('type')).toBe('Choose a type.');
    const unknown = await rejection(importEntities(db, caseFile.id, { lines: 'Marta Kowal', type: 'suspect' }), ValidationError);
    expect(unknown.messageFor('type')).toBe('Type must be one of: person, organisation, place, phone, email, vessel, vehicle, account, other.');
    const empty = await rejection(importEntities(db, caseFile.id, { lines: ' \n\n', type: 'person' }), ValidationError);
    expect(empty.messageFor('lines')).toBe('The list is empty: paste one name a line.');
  });
});

describe('importEntities from a CSV', () => {
  it('reads name, type and aliases by their header, whatever its case and order, quotes, BOM and line ends', async () => {
    const handle = await createEntityType(db, caseFile.id, { name: 'Handle' });
    const csv = '\uFEFFType,Name,Aliases,Source\r\nperson,"Kowal, Marta","M. Kowal; Kowalówna",log\r\nHANDLE,Lantern,,statement\r\nvessel,MV Corran Bay\r\n';
    const report = await importEntities(db, caseFile.id, { csv });
    expect(report.imported).toBe(true);
    expect(report.rows.map((row) => [row.row, row.name, row.outcome])).toEqual([
      [2, 'Kowal, Marta', 'added'],
      [3, 'Lantern', 'added'],
      [4, 'MV Corran Bay', 'added'],
    ]);
    expect(report.added.map((entity) => [entity.type, entity.aliases.map((alias) => alias.name)])).toEqual([
      ['person', ['M. Kowal', 'Kowalówna']],
      [handle.id, []],
      ['vessel', []],
    ]);
    expect(report.summary).toBe('Imported 3 entities from a CSV file.');
  });

  it('skips, and reports, rows naming an entity the case has by name or alias, adding the rest', async () => {
    const marta = await createEntity(db, caseFile.id, { name: 'Marta Kowal', type: 'person', aliases: ['M. Kowal'] });
    const csv = 'name,type,aliases\nMARTA KOWAL,person,\nM. Kowal,person,\nMarta Kowal,vessel,\nDario Venn,person,Lantern\n';
    const report = await importEntities(db, caseFile.id, { csv });
    expect(report.rows).toEqual([
      {
        row: 2,
        name: 'MARTA KOWAL',
        outcome: 'skipped',
        message: 'Row 2: This case already has a person named “Marta Kowal”. Skipped.',
        entityId: marta.id,
      },
      {
        row: 3,
        name: 'M. Kowal',
        outcome: 'skipped',
        message: 'Row 3: “M. Kowal” is an alias of the person “Marta Kowal” in this case. Skipped.',
        entityId: marta.id,
      },
      { row: 4, name: 'Marta Kowal', outcome: 'added', message: null, entityId: expect.any(String) },
      { row: 5, name: 'Dario Venn', outcome: 'added', message: null, entityId: expect.any(String) },
    ]);
    expect(report.summary).toBe('Imported 2 entities from a CSV file; 2 entities already in the case were skipped.');
    expect(await names()).toEqual(['Dario Venn', 'Marta Kowal', 'Marta Kowal']);
  });

  it('adds nothing, and reports every refused row, when any row is refused', async () => {
    await createEntity(db, caseFile.id, { name: 'Helena Strand', type: 'person' });
    const csv = [
      'name,type,aliases',
      'Dario Venn,person,Lantern',
      ',person,',
      'Marta Kowal,suspect,',
      'Quayline,,',
      'Helena Strand,person,',
      'dario  venn,person,',
      'Kowal, Marta,person,',
      'lonely',
      'Nordlys,vessel,Lantern',
    ].join('\n');
    const before = await snapshot(db);
    const report = await importEntities(db, caseFile.id, { csv });
    expect(report.imported).toBe(false);
    expect(report.added).toEqual([]);
    expect(report.summary).toBe('Nothing was imported: 6 rows cannot be. Correct them and import the list again.');
    expect(report.rows.map((row) => [row.row, row.outcome, row.message])).toEqual([
      [2, 'ready', null],
      [3, 'refused', 'Row 3: Entity name cannot be empty.'],
      [4, 'refused', 'Row 4: unknown type “suspect”. Use one of: person, organisation, place, phone, email, vessel, vehicle, account, other.'],
      [5, 'refused', 'Row 5: the type is empty. Use one of: person, organisation, place, phone, email, vessel, vehicle, account, other.'],
      [6, 'skipped', 'Row 6: This case already has a person named “Helena Strand”. Skipped.'],
      [7, 'refused', 'Row 7: the person “dario venn” is already on row 2. Keep one of them.'],
      [8, 'refused', 'Row 8: it has 4 columns, the header 3: a name with a comma must be in quotes ("Kowal, Marta").'],
      [9, 'refused', 'Row 9: it has 1 column, the header 3: the type column is missing.'],
      // Another type may have the same alias.
      [10, 'ready', null],
    ]);
    expect(report.rows.every((row) => row.outcome === 'skipped' || row.entityId === null)).toBe(true);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a CSV without its name or type column, an empty one, and one of more rows than an import takes', async () => {
    const missing = await rejection(importEntities(db, caseFile.id, { csv: 'name,aliases\nMarta Kowal,M. Kowal\n' }), ValidationError);
    expect(missing.messageFor('csv')).toBe('The CSV has no “type” column. Its first row must name the columns: name, type and (if any) aliases.');
    const neither = await rejection(importEntities(db, caseFile.id, { csv: 'who,what\nMarta,person\n' }), ValidationError);
    expect(neither.messageFor('csv')).toBe('The CSV has no “name” or “type” column. Its first row must name the columns: name, type and (if any) aliases.');
    const empty = await rejection(importEntities(db, caseFile.id, { csv: '\n' }), ValidationError);
    expect(empty.messageFor('csv')).toBe('The CSV is empty: there is nothing to import.');
    const headerOnly = await rejection(importEntities(db, caseFile.id, { csv: 'name,type\n' }), ValidationError);
    expect(headerOnly.messageFor('csv')).toBe('The CSV has a header but no rows: there is nothing to import.');

    const rows = Array.from({ length: 100_000 }, (_, index) => `Person ${index},person`);
    const tooMany = await rejection(importEntities(db, caseFile.id, { csv: ['name,type', ...rows].join('\n') }), ValidationError);
    expect(tooMany.messageFor('csv')).toBe(
      `The list is too long: Casebook imports at most ${LIMITS.entityImportRows.toLocaleString('en')} entities at a time. Split the list into smaller ones and import each.`,
    );
    const lines = await rejection(importEntities(db, caseFile.id, { lines: rows.join('\n'), type: 'person' }), ValidationError);
    expect(lines.messageFor('lines')).toBe(tooMany.messageFor('csv'));
    expect(await db.entities.count()).toBe(0);
  });

  it(`takes a list of exactly ${LIMITS.entityImportRows.toLocaleString('en')} rows`, async () => {
    const rows = Array.from({ length: LIMITS.entityImportRows }, (_, index) => `Person ${index},person`);
    const report = await importEntities(db, caseFile.id, { csv: ['name,type', ...rows].join('\n') });
    expect(report.added).toHaveLength(LIMITS.entityImportRows);
    expect(await db.entities.count()).toBe(LIMITS.entityImportRows);
    // A history entry names at most 100 records.
    expect((await db.history.orderBy('seq').last())!.records).toEqual([]);
  });

  it('adds nothing and writes no history when every row is already in the case', async () => {
    await createEntity(db, caseFile.id, { name: 'Marta Kowal', type: 'person' });
    const historyBefore = await db.history.count();
    const report = await importEntities(db, caseFile.id, { csv: 'name,type\nMarta Kowal,person\n' });
    expect(report).toMatchObject({ imported: true, added: [], summary: 'Nothing new to import: 1 entity already in the case was skipped.' });
    expect(await db.history.count()).toBe(historyBefore);
  });
});
