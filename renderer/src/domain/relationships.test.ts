import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseFile, Entity, Excerpt } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { relationshipsOf } from '../db/queries/entities';
import { rejection, withCase } from '../../../tests/unit/database';
import {
  NotFoundError,
  ValidationError,
  createCase,
  createEntity,
  createExcerpt,
  createRelationship,
  createRelationshipType,
  createTextDocument,
  deleteExcerpts,
  deleteRecord,
  deleteRelationship,
  deleteRelationshipType,
  linkRecords,
  planDeletion,
  relationshipFromLink,
  updateRelationship,
  updateRelationshipType,
} from '.';

let db: CasebookDB;
let caseFile: CaseFile;
withCase((fresh) => ({ db, caseFile } = fresh));

let venn: Entity;
let quayline: Entity;
let marlowQuay: Entity;
let vellport: Entity;
let excerpt: Excerpt;
beforeEach(async () => {
  venn = await createEntity(db, caseFile.id, { name: 'Dario Venn', type: 'person' });
  quayline = await createEntity(db, caseFile.id, { name: 'Quayline Logistics', type: 'organisation' });
  marlowQuay = await createEntity(db, caseFile.id, { name: 'Marlow Quay', type: 'place' });
  vellport = await createEntity(db, caseFile.id, { name: 'Vellport', type: 'place' });
  const document = await createTextDocument(db, caseFile.id, { title: 'Herald', text: 'Dario Venn, the director of Quayline Logistics.' });
  excerpt = await createExcerpt(db, caseFile.id, { documentId: document.id, quote: 'the director of Quayline Logistics' });
});

const lastSummary = async () => (await db.history.orderBy('seq').last())!.summary;

describe('createRelationship', () => {
  it('stores a typed, directed relationship with its dates, confidence, support and note, found from either end', async () => {
    const note = { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Named by the Herald.' }] }] };
    const relationship = await createRelationship(db, caseFile.id, {
      from: venn.id,
      to: quayline.id,
      type: 'works-for',
      start: { value: '2019-03', precision: 'month' },
      confidence: 'confirmed',
      excerptIds: [excerpt.id, excerpt.id],
      note,
    });
    expect(relationship).toMatchObject({
      caseId: caseFile.id,
      from: venn.id,
      to: quayline.id,
      ends: [venn.id, quayline.id],
      type: 'works-for',
      start: { value: '2019-03', precision: 'month' },
      end: null,
      confidence: 'confirmed',
      excerptIds: [excerpt.id],
      note,
    });
    expect(await relationshipsOf(db, quayline.id)).toEqual([relationship]);
    expect(await relationshipsOf(db, venn.id)).toEqual([relationship]);
    expect(await lastSummary()).toBe('Added the relationship “Dario Venn” works for “Quayline Logistics”');
  });

  it('is unverified, undated and unsupported unless said otherwise', async () => {
    await expect(createRelationship(db, caseFile.id, { from: venn.id, to: quayline.id, type: 'owns' })).resolves.toMatchObject({
      start: null,
      end: null,
      confidence: 'unverified',
      excerptIds: [],
      note: null,
    });
  });

  it('refuses a relationship of an entity with itself', async () => {
    const error = await rejection(createRelationship(db, caseFile.id, { from: venn.id, to: venn.id, type: 'contacted' }), ValidationError);
    expect(error.messageFor('to')).toBe('An entity cannot have a relationship with itself. Choose another entity.');
    expect(await db.relationships.count()).toBe(0);
  });

  it('refuses an entity of another case, a type the case does not have, and an end before the start', async () => {
    const other = await createCase(db, { name: 'Airport' });
    const theirs = await createEntity(db, other.id, { name: 'Ola', type: 'person' });
    const elsewhere = await rejection(createRelationship(db, caseFile.id, { from: venn.id, to: theirs.id, type: 'contacted' }), ValidationError);
    expect(elsewhere.messageFor('to')).toBe('The entity it goes to is not in this case any more. Choose another.');
    const unknown = await rejection(createRelationship(db, caseFile.id, { from: venn.id, to: quayline.id, type: 'bribed' }), ValidationError);
    expect(unknown.messageFor('type')).toBe(
      'Choose one of the case’s relationship types: member of, works for, owns, located in, contacted, related to.',
    );
    const reversed = await rejection(
      createRelationship(db, caseFile.id, {
        from: venn.id,
        to: quayline.id,
        type: 'works-for',
        start: { value: '2021', precision: 'year' },
        end: { value: '2020-12', precision: 'month' },
      }),
      ValidationError,
    );
    expect(reversed.messageFor('end')).toBe('The end date is before the start date.');
    expect(await db.relationships.count()).toBe(0);
  });

  it('refuses supporting excerpts that are not the case’s', async () => {
    const other = await createCase(db, { name: 'Airport' });
    const theirs = await createExcerpt(db, other.id, { quote: 'Somewhere else' });
    const error = await rejection(
      createRelationship(db, caseFile.id, { from: venn.id, to: quayline.id, type: 'works-for', excerptIds: [excerpt.id, theirs.id, 'gone'] }),
      ValidationError,
    );
    expect(error.messageFor('excerptIds')).toBe(
      '2 excerpts chosen as support are not in this case (deleted in another window?). Choose the supporting excerpts again.',
    );
  });

  it('refuses the same relationship twice over the same dates (either way round when it reads both ways), not over others', async () => {
    await createRelationship(db, caseFile.id, { from: venn.id, to: quayline.id, type: 'works-for', start: { value: '2019', precision: 'year' } });
    const twice = await rejection(
      createRelationship(db, caseFile.id, { from: venn.id, to: quayline.id, type: 'works-for', start: { value: '2019', precision: 'year' } }),
      ValidationError,
    );
    expect(twice.message).toBe('“Dario Venn” works for “Quayline Logistics” is already recorded for the same dates. Edit that relationship instead.');
    await expect(
      createRelationship(db, caseFile.id, { from: venn.id, to: quayline.id, type: 'works-for', start: { value: '2022', precision: 'year' } }),
    ).resolves.toBeTruthy();
    await createRelationship(db, caseFile.id, { from: venn.id, to: quayline.id, type: 'contacted' });
    await expect(createRelationship(db, caseFile.id, { from: quayline.id, to: venn.id, type: 'contacted' })).rejects.toBeInstanceOf(ValidationError);
    await expect(createRelationship(db, caseFile.id, { from: quayline.id, to: venn.id, type: 'owns' })).resolves.toBeTruthy();
  });

  it('refuses a “located in” that closes a circle, naming every place of it', async () => {
    const warehouse = await createEntity(db, caseFile.id, { name: 'Quayline warehouse', type: 'place' });
    await createRelationship(db, caseFile.id, { from: warehouse.id, to: marlowQuay.id, type: 'located-in' });
    await createRelationship(db, caseFile.id, { from: marlowQuay.id, to: vellport.id, type: 'located-in' });
    const before = await db.relationships.count();
    const error = await rejection(createRelationship(db, caseFile.id, { from: vellport.id, to: warehouse.id, type: 'located-in' }), ValidationError);
    expect(error.messageFor('to')).toBe(
      '“Vellport” cannot be located in “Quayline warehouse”: that would make a circle, each located in the next: “Vellport” → “Quayline warehouse” → “Marlow Quay” → “Vellport”. Remove one of those relationships first.',
    );
    expect(await db.relationships.count()).toBe(before);
    // Other types may go round: the warehouse and the city "contacted" each other, whatever.
    await expect(createRelationship(db, caseFile.id, { from: vellport.id, to: warehouse.id, type: 'related-to' })).resolves.toBeTruthy();
  });
});

describe('updateRelationship and deleteRelationship', () => {
  it('changes any of a relationship under the same rules, not counting itself as a duplicate or a circle', async () => {
    const inPort = await createRelationship(db, caseFile.id, { from: marlowQuay.id, to: vellport.id, type: 'located-in' });
    const updated = await updateRelationship(db, inPort.id, {
      from: marlowQuay.id,
      to: vellport.id,
      type: 'located-in',
      confidence: 'confirmed',
      excerptIds: [excerpt.id],
    });
    expect(updated).toMatchObject({ id: inPort.id, confidence: 'confirmed', excerptIds: [excerpt.id], createdAt: inPort.createdAt });
    expect(await lastSummary()).toBe('Edited the relationship “Marlow Quay” located in “Vellport”');
    // Turning it round is no circle with itself.
    await expect(updateRelationship(db, inPort.id, { from: vellport.id, to: marlowQuay.id, type: 'located-in' })).resolves.toMatchObject({
      ends: [vellport.id, marlowQuay.id],
    });
    const self = await rejection(updateRelationship(db, inPort.id, { from: vellport.id, to: vellport.id, type: 'located-in' }), ValidationError);
    expect(self.messageFor('to')).toMatch(/cannot have a relationship with itself/);
  });

  it('deletes one relationship, saying which', async () => {
    const relationship = await createRelationship(db, caseFile.id, { from: venn.id, to: quayline.id, type: 'works-for' });
    await deleteRelationship(db, relationship.id);
    expect(await db.relationships.count()).toBe(0);
    expect(await lastSummary()).toBe('Removed the relationship “Dario Venn” works for “Quayline Logistics”');
    await expect(updateRelationship(db, relationship.id, { from: venn.id, to: quayline.id, type: 'owns' })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('the case’s own relationship types', () => {
  it('reads both ways, is used like a built-in type, and is unique in the case', async () => {
    const director = await createRelationshipType(db, caseFile.id, { label: 'director of', inverse: 'directed by' });
    expect(director).toMatchObject({ label: 'director of', inverse: 'directed by', labelKey: 'director of' });
    await createRelationship(db, caseFile.id, { from: venn.id, to: quayline.id, type: director.id });
    expect(await lastSummary()).toBe('Added the relationship “Dario Venn” director of “Quayline Logistics”');
    const twice = await rejection(createRelationshipType(db, caseFile.id, { label: 'Director  of' }), ValidationError);
    expect(twice.messageFor('label')).toBe('This case already has a relationship type “director of”. Use it, or choose another label.');
    const builtIn = await rejection(createRelationshipType(db, caseFile.id, { label: 'Works for' }), ValidationError);
    expect(builtIn.messageFor('label')).toBe('“works for” is already one of the built-in relationship types. Use it, or choose another label.');
    // Another case does not have it.
    const other = await createCase(db, { name: 'Airport' });
    const a = await createEntity(db, other.id, { name: 'A', type: 'person' });
    const b = await createEntity(db, other.id, { name: 'B', type: 'person' });
    await expect(createRelationship(db, other.id, { from: a.id, to: b.id, type: director.id })).rejects.toBeInstanceOf(ValidationError);
  });

  it('one that reads the same both ways is symmetric', async () => {
    const married = await createRelationshipType(db, caseFile.id, { label: 'married to' });
    const helena = await createEntity(db, caseFile.id, { name: 'Helena Strand', type: 'person' });
    await createRelationship(db, caseFile.id, { from: venn.id, to: helena.id, type: married.id });
    await expect(createRelationship(db, caseFile.id, { from: helena.id, to: venn.id, type: married.id })).rejects.toBeInstanceOf(ValidationError);
  });

  it('is renamed, and deleted only once no relationship has it', async () => {
    const director = await createRelationshipType(db, caseFile.id, { label: 'director of', inverse: 'directed by' });
    await expect(updateRelationshipType(db, director.id, { label: 'managing director of', inverse: 'managed by' })).resolves.toMatchObject({
      labelKey: 'managing director of',
    });
    const relationship = await createRelationship(db, caseFile.id, { from: venn.id, to: quayline.id, type: director.id });
    const refused = await rejection(deleteRelationshipType(db, director.id), ValidationError);
    expect(refused.message).toBe('1 relationship is of the type “managing director of”: change their type or delete them first.');
    await deleteRelationship(db, relationship.id);
    await deleteRelationshipType(db, director.id);
    expect(await db.relationshipTypes.count()).toBe(0);
  });
});

describe('deleting what a relationship points at', () => {
  it('deletes an entity’s relationships with it, and says so before', async () => {
    await createRelationship(db, caseFile.id, { from: venn.id, to: quayline.id, type: 'works-for' });
    const other = await createRelationship(db, caseFile.id, { from: quayline.id, to: marlowQuay.id, type: 'located-in' });
    const plan = await planDeletion(db, { type: 'entity', id: venn.id });
    expect(plan.relationshipIds).toHaveLength(1);
    await deleteRecord(db, { type: 'entity', id: venn.id });
    expect(await db.relationships.toArray()).toEqual([other]);
    expect(await lastSummary()).toBe('Deleted entity “Dario Venn” with 1 relationship');
  });

  it('takes a deleted excerpt off the relationships it supported, deleted alone, in a batch or with its document', async () => {
    const relationship = await createRelationship(db, caseFile.id, { from: venn.id, to: quayline.id, type: 'works-for', excerptIds: [excerpt.id] });
    await deleteRecord(db, { type: 'excerpt', id: excerpt.id });
    expect((await db.relationships.get(relationship.id))!.excerptIds).toEqual([]);

    const second = await createExcerpt(db, caseFile.id, { quote: 'Venn directs Quayline' });
    const third = await createExcerpt(db, caseFile.id, { quote: 'Quayline is Venn’s' });
    await updateRelationship(db, relationship.id, { from: venn.id, to: quayline.id, type: 'works-for', excerptIds: [second.id, third.id] });
    await deleteExcerpts(db, caseFile.id, { excerptIds: [second.id] });
    expect((await db.relationships.get(relationship.id))!.excerptIds).toEqual([third.id]);

    const document = await createTextDocument(db, caseFile.id, { title: 'Log', text: 'Venn signed for Quayline.' });
    const quoted = await createExcerpt(db, caseFile.id, { documentId: document.id, quote: 'Venn signed' });
    await updateRelationship(db, relationship.id, { from: venn.id, to: quayline.id, type: 'works-for', excerptIds: [quoted.id, third.id] });
    await deleteRecord(db, { type: 'document', id: document.id });
    expect((await db.relationships.get(relationship.id))!.excerptIds).toEqual([third.id]);
  });
});

describe('relationshipFromLink', () => {
  const entityRef = (entity: Entity) => ({ type: 'entity' as const, id: entity.id });

  it('makes a plain link between two entities a relationship of its kind, the same way round, in one step', async () => {
    const link = await linkRecords(db, caseFile.id, { from: entityRef(venn), to: entityRef(quayline), kind: 'works-for' });
    const relationship = await relationshipFromLink(db, link.id);
    expect(relationship).toMatchObject({ from: venn.id, to: quayline.id, type: 'works-for', confidence: 'unverified', start: null, excerptIds: [] });
    expect(await db.links.get(link.id)).toBeUndefined();
    expect(await relationshipsOf(db, quayline.id)).toEqual([relationship]);
    expect(await lastSummary()).toBe('Made the link “Dario Venn” works for “Quayline Logistics” a relationship');
  });

  it('refuses a link that is not between two entities, and one the case already records as a relationship, keeping the link', async () => {
    const mention = await linkRecords(db, caseFile.id, { from: { type: 'excerpt', id: excerpt.id }, to: entityRef(venn), kind: 'mentions' });
    const notBetweenEntities = await rejection(relationshipFromLink(db, mention.id), ValidationError);
    expect(notBetweenEntities.message).toBe('A “mentions” link between these records cannot be a relationship: relationships join two entities.');

    await createRelationship(db, caseFile.id, { from: marlowQuay.id, to: vellport.id, type: 'located-in' });
    const link = await linkRecords(db, caseFile.id, { from: entityRef(marlowQuay), to: entityRef(vellport), kind: 'located-in' });
    const twice = await rejection(relationshipFromLink(db, link.id), ValidationError);
    expect(twice.message).toBe('“Marlow Quay” located in “Vellport” is already recorded for the same dates. Edit that relationship instead.');
    expect(await db.links.get(link.id)).toBeDefined();
    expect(await relationshipsOf(db, marlowQuay.id)).toHaveLength(1);
  });
});
