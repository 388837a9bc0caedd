import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseFile, Entity, Excerpt } from '../../../../shared/domain';
import type { CasebookDB } from '../schema';
import { withCase } from '../../../../tests/unit/database';
import { createEntity, createEntityType, createExcerpt, createRelationship, createRelationshipType, createTextDocument, deleteRecord, linkRecords } from '../../domain';
import { ownEntityTypeCounts, ownRelationshipTypeCounts, relationshipsWithEnds, supportingExcerptOptions } from './entities';

let db: CasebookDB;
let caseFile: CaseFile;
withCase((fresh) => ({ db, caseFile } = fresh));

let venn: Entity;
let quayline: Entity;
let ship: Entity;
let detained: Excerpt;
let route: Excerpt;
beforeEach(async () => {
  venn = await createEntity(db, caseFile.id, { name: 'Dario Venn', type: 'person' });
  quayline = await createEntity(db, caseFile.id, { name: 'Quayline Logistics', type: 'organisation' });
  ship = await createEntity(db, caseFile.id, { name: 'MV Corran Bay', type: 'vessel' });
  const document = await createTextDocument(db, caseFile.id, { title: 'Herald', text: 'Dario Venn was detained. Fish went by sea.' });
  detained = await createExcerpt(db, caseFile.id, { documentId: document.id, quote: 'Dario Venn was detained.' });
  route = await createExcerpt(db, caseFile.id, { documentId: document.id, quote: 'Fish went by sea.' });
});

describe('relationshipsWithEnds', () => {
  it('gives each relationship of an entity its other end and the supporting excerpts still there, dated ones first by date', async () => {
    const undated = await createRelationship(db, caseFile.id, { from: venn.id, to: quayline.id, type: 'works-for', excerptIds: [detained.id, route.id] });
    const dated = await createRelationship(db, caseFile.id, { from: ship.id, to: venn.id, type: 'owns', start: { value: '2021', precision: 'year' } });
    await deleteRecord(db, { type: 'excerpt', id: route.id });
    const read = await relationshipsWithEnds(db, venn.id);
    expect(read.map(({ relationship, other, excerpts }) => [relationship.id, other?.name, excerpts.map((excerpt) => excerpt.id)])).toEqual([
      [dated.id, 'MV Corran Bay', []],
      [undated.id, 'Quayline Logistics', [detained.id]],
    ]);
  });
});

describe('supportingExcerptOptions', () => {
  it('lists the case’s excerpts with their document, saying which are linked to the entities asked about', async () => {
    await linkRecords(db, caseFile.id, { from: { type: 'excerpt', id: route.id }, to: { type: 'entity', id: ship.id }, kind: 'mentions' });
    const options = await supportingExcerptOptions(db, caseFile.id, [venn.id, ship.id]);
    expect(options).toEqual(
      expect.arrayContaining([
        { id: detained.id, quote: 'Dario Venn was detained.', source: 'Herald', linked: false },
        { id: route.id, quote: 'Fish went by sea.', source: 'Herald', linked: true },
      ]),
    );
    expect(options).toHaveLength(2);
  });
});

describe('ownEntityTypeCounts', () => {
  it('counts the entities of each of the case’s own types', async () => {
    const authority = await createEntityType(db, caseFile.id, { name: 'Authority' });
    const unused = await createEntityType(db, caseFile.id, { name: 'Handle' });
    await createEntity(db, caseFile.id, { name: 'Vellport prosecutor', type: authority.id });
    await createEntity(db, caseFile.id, { name: 'Harbour board', type: authority.id });
    const counts = await ownEntityTypeCounts(db, caseFile.id);
    expect(counts.get(authority.id)).toBe(2);
    expect(counts.has(unused.id)).toBe(false);
  });
});

describe('ownRelationshipTypeCounts', () => {
  it('counts the relationships of each of the case’s own types', async () => {
    const chartered = await createRelationshipType(db, caseFile.id, { label: 'chartered', inverse: 'chartered by' });
    const unused = await createRelationshipType(db, caseFile.id, { label: 'director of', inverse: 'directed by' });
    await createRelationship(db, caseFile.id, { from: venn.id, to: ship.id, type: chartered.id });
    await createRelationship(db, caseFile.id, { from: quayline.id, to: ship.id, type: chartered.id });
    await createRelationship(db, caseFile.id, { from: venn.id, to: quayline.id, type: 'works-for' });
    const counts = await ownRelationshipTypeCounts(db, caseFile.id);
    expect(counts.get(chartered.id)).toBe(2);
    expect(counts.has(unused.id)).toBe(false);
    expect(counts.size).toBe(1);
  });
});
