import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseFile, Entity, Excerpt, HistoryEntry, Link, Relationship, RichText, Tag, TimelineEvent } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { danglingLinks, rejection, withCase } from '../../../tests/unit/database';
import {
  NotFoundError,
  ValidationError,
  createCase,
  createEntity,
  createEvent,
  createExcerpt,
  createRelationship,
  createTag,
  deleteRecord,
  deleteTag,
  linkRecords,
  mergeEntities,
  mergeUndoProblem,
  saveChartLayout,
  splitAlias,
  undoMerge,
  unlinkRecords,
  updateEntity,
} from '.';

let db: CasebookDB;
let caseFile: CaseFile;
withCase((fresh) => ({ db, caseFile } = fresh));

const text = (words: string): RichText => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }] });
const entityRef = (entity: Entity) => ({ type: 'entity' as const, id: entity.id });
const excerptRef = (excerpt: Excerpt) => ({ type: 'excerpt' as const, id: excerpt.id });
const lastEntry = async () => (await db.history.orderBy('seq').last())!;

/** What a merge and its undo touch, read back: entities, links, relationships and the chart's positions. */
async function state() {
  return {
    entities: await db.entities.orderBy('id').toArray(),
    links: await db.links.orderBy('id').toArray(),
    relationships: await db.relationships.orderBy('id').toArray(),
    positions: (await db.chartLayouts.get(caseFile.id))?.positions,
  };
}

/**
 * Marta Kowal (kept) and two entities found to be her: Marta Kowalska, with aliases, attributes, tags, a description,
 * links and relationships of her own, and "MK". Between them, every case a merge has to handle.
 */
interface Fixture {
  tags: [Tag, Tag];
  first: Excerpt;
  second: Excerpt;
  event: TimelineEvent;
  quayline: Entity;
  vellport: Entity;
  kept: Entity;
  kowalska: Entity;
  mk: Entity;
  links: Record<'keptMention' | 'sameMention' | 'otherMention' | 'involves' | 'between' | 'worksFor', Link>;
  relationships: Record<'keptWorksFor' | 'sameWorksFor' | 'contacted' | 'locatedIn', Relationship>;
}

async function fixture(): Promise<Fixture> {
  const tags = [await createTag(db, caseFile.id, { name: 'Crew' }), await createTag(db, caseFile.id, { name: 'Suspects' })] as [Tag, Tag];
  const first = await createExcerpt(db, caseFile.id, { quote: 'Kowal was at the helm.' });
  const second = await createExcerpt(db, caseFile.id, { quote: 'Kowalska signed for the cargo.' });
  const event = await createEvent(db, caseFile.id, { title: 'Cargo signed for', start: { value: '2021-03', precision: 'month' } });
  const quayline = await createEntity(db, caseFile.id, { name: 'Quayline Logistics', type: 'organisation' });
  const vellport = await createEntity(db, caseFile.id, { name: 'Vellport', type: 'place' });
  const kept = await createEntity(db, caseFile.id, {
    name: 'Marta Kowal',
    type: 'person',
    aliases: ['M. Kowal'],
    attributes: [{ key: 'Nationality', value: 'Polish' }],
    tags: [tags[0].id],
    description: text('Skipper of the Nordlys.'),
  });
  const kowalska = await createEntity(db, caseFile.id, {
    name: 'Marta Kowalska',
    type: 'person',
    aliases: [{ name: 'Kowalówna', origin: 'suggestion', from: 'Harbour log' }, 'Marta K.'],
    attributes: [
      { key: 'nationality', value: 'polish' },
      { key: 'Role', value: 'Skipper', start: { value: '2020', precision: 'year' } },
    ],
    tags: [tags[0].id, tags[1].id],
    description: text('Seen on the quay at dawn.'),
  });
  const mk = await createEntity(db, caseFile.id, { name: 'MK', type: 'person' });
  const link = (from: { type: 'entity' | 'excerpt' | 'event'; id: string }, to: { type: 'entity' | 'excerpt'; id: string }, kind: Link['kind']) =>
    linkRecords(db, caseFile.id, { from, to, kind });
  const links = {
    keptMention: await link(excerptRef(first), entityRef(kept), 'mentions'),
    sameMention: await link(excerptRef(first), entityRef(kowalska), 'mentions'),
    otherMention: await link(excerptRef(second), entityRef(kowalska), 'mentions'),
    involves: await link({ type: 'event', id: event.id }, entityRef(mk), 'involves'),
    between: await link(entityRef(kept), entityRef(kowalska), 'related-to'),
    worksFor: await link(entityRef(kowalska), entityRef(quayline), 'works-for'),
  };
  const relate = (from: Entity, to: Entity, type: string, more: Partial<Relationship> = {}) =>
    createRelationship(db, caseFile.id, { from: from.id, to: to.id, type, ...more });
  const relationships = {
    keptWorksFor: await relate(kept, quayline, 'works-for', { start: { value: '2019', precision: 'year' }, excerptIds: [first.id] }),
    sameWorksFor: await relate(kowalska, quayline, 'works-for', {
      start: { value: '2019', precision: 'year' },
      confidence: 'probable',
      excerptIds: [second.id],
      note: text('Her payslips.'),
    }),
    contacted: await relate(mk, kept, 'contacted'),
    locatedIn: await relate(kowalska, vellport, 'located-in'),
  };
  await saveChartLayout(db, caseFile.id, {
    [kowalska.id]: { x: 5, y: 5 },
    [mk.id]: { x: 7, y: 7 },
    [quayline.id]: { x: 1, y: 1 },
  });
  return { tags, first, second, event, quayline, vellport, kept, kowalska, mk, links, relationships };
}

describe('mergeEntities', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await fixture();
  });

  it('unites names, aliases, attributes, tags and descriptions in the kept entity, and deletes the merged ones', async () => {
    const merged = await mergeEntities(db, f.kept.id, [f.kowalska.id, f.mk.id]);
    expect(merged).toEqual({
      ...f.kept,
      aliases: [
        { name: 'M. Kowal', origin: 'typed' },
        { name: 'Marta Kowalska', origin: 'merge', from: 'Marta Kowalska' },
        { name: 'Kowalówna', origin: 'merge', from: 'Marta Kowalska' },
        { name: 'Marta K.', origin: 'merge', from: 'Marta Kowalska' },
        { name: 'MK', origin: 'merge', from: 'MK' },
      ],
      aliasKeys: ['m. kowal', 'marta kowalska', 'kowalówna', 'marta k.', 'mk'],
      // The same nationality once; the role kept, with its own id and dates.
      attributes: [f.kept.attributes[0], f.kowalska.attributes[1]],
      tags: [f.tags[0].id, f.tags[1].id],
      description: {
        type: 'doc',
        content: [
          ...f.kept.description!.content!,
          { type: 'paragraph', content: [{ type: 'text', text: 'From “Marta Kowalska”, merged in:', marks: [{ type: 'italic' }] }] },
          ...f.kowalska.description!.content!,
        ],
      },
      updatedAt: expect.any(String),
    });
    expect(await db.entities.get(f.kept.id)).toEqual(merged);
    expect(await db.entities.bulkGet([f.kowalska.id, f.mk.id])).toEqual([undefined, undefined]);
    // The merged names find the kept entity.
    expect(await db.entities.where('aliasKeys').equals('marta kowalska').primaryKeys()).toEqual([f.kept.id]);
  });

  it('re-points every link, removing those that would repeat another or join the entity to itself', async () => {
    await mergeEntities(db, f.kept.id, [f.kowalska.id, f.mk.id]);
    const links = await db.links.where('ends').equals(f.kept.id).toArray();
    const shape = (link: Link) => [link.from.id, link.kind, link.to.id];
    expect(links.map(shape).sort()).toEqual(
      [
        [f.first.id, 'mentions', f.kept.id],
        [f.second.id, 'mentions', f.kept.id],
        [f.event.id, 'involves', f.kept.id],
        [f.kept.id, 'works-for', f.quayline.id],
      ].sort(),
    );
    // Re-pointed links keep their ids; the kept entity's own mention is untouched.
    expect(await db.links.get(f.links.otherMention.id)).toMatchObject({ ends: [f.second.id, f.kept.id] });
    expect(await db.links.get(f.links.keptMention.id)).toEqual(f.links.keptMention);
    expect(await db.links.bulkGet([f.links.sameMention.id, f.links.between.id])).toEqual([undefined, undefined]);
    expect(await danglingLinks(db)).toEqual([]);
  });

  it('re-points relationships, collapsing one the kept entity already has into it (support, surer confidence, note)', async () => {
    await mergeEntities(db, f.kept.id, [f.kowalska.id, f.mk.id]);
    expect(await db.relationships.get(f.relationships.keptWorksFor.id)).toEqual({
      ...f.relationships.keptWorksFor,
      confidence: 'probable',
      excerptIds: [f.first.id, f.second.id],
      note: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'From the same relationship of “Marta Kowalska”, merged in:', marks: [{ type: 'italic' }] }] },
          ...f.relationships.sameWorksFor.note!.content!,
        ],
      },
      updatedAt: expect.any(String),
    });
    expect(await db.relationships.get(f.relationships.locatedIn.id)).toMatchObject({ from: f.kept.id, to: f.vellport.id, ends: [f.kept.id, f.vellport.id] });
    // "MK contacted Marta Kowal" would be her contacting herself: gone, as is the collapsed one.
    expect(await db.relationships.bulkGet([f.relationships.sameWorksFor.id, f.relationships.contacted.id])).toEqual([undefined, undefined]);
  });

  it('keeps the kept entity on the chart where the first merged one was, and takes the merged ones off', async () => {
    await mergeEntities(db, f.kept.id, [f.kowalska.id, f.mk.id]);
    expect((await db.chartLayouts.get(caseFile.id))!.positions).toEqual({ [f.kept.id]: { x: 5, y: 5 }, [f.quayline.id]: { x: 1, y: 1 } });
  });

  it('is one history entry, naming the entities, that keeps what undoing it needs', async () => {
    const before = await db.history.count();
    await mergeEntities(db, f.kept.id, [f.kowalska.id, f.mk.id]);
    expect(await db.history.count()).toBe(before + 1);
    expect(await lastEntry()).toMatchObject({
      action: 'merge',
      summary: 'Merged “Marta Kowalska” and “MK” into “Marta Kowal” (4 links moved, 4 redundant ones removed)',
      records: [entityRef(f.kept), entityRef(f.kowalska), entityRef(f.mk)],
      undo: {
        kind: 'merge',
        keptId: f.kept.id,
        mergedIds: [f.kowalska.id, f.mk.id],
        written: {
          entities: [f.kept.id],
          links: expect.arrayContaining([f.links.otherMention.id, f.links.involves.id, f.links.worksFor.id]),
          relationships: expect.arrayContaining([f.relationships.keptWorksFor.id, f.relationships.locatedIn.id]),
        },
      },
    });
  });

  it('refuses merging an entity into itself, an entity of another case, and an empty merge, changing nothing', async () => {
    const other = await createCase(db, { name: 'Airport' });
    const theirs = await createEntity(db, other.id, { name: 'Marta Kowal', type: 'person' });
    const before = await state();
    const itself = await rejection(mergeEntities(db, f.kept.id, [f.kept.id]), ValidationError);
    expect(itself.messageFor('mergeIds')).toBe('An entity cannot be merged into itself. Choose another entity to merge into it.');
    const elsewhere = await rejection(mergeEntities(db, f.kept.id, [theirs.id]), ValidationError);
    expect(elsewhere.messageFor('mergeIds')).toMatch(/^An entity chosen to merge is no longer in this case/);
    await expect(mergeEntities(db, f.kept.id, [])).rejects.toBeInstanceOf(ValidationError);
    await expect(mergeEntities(db, 'gone', [f.mk.id])).rejects.toBeInstanceOf(NotFoundError);
    expect(await state()).toEqual(before);
  });

  it('refuses a merge whose names another entity of the kept type already has, naming it and carrying its id', async () => {
    const vessel = await createEntity(db, caseFile.id, { name: 'Nordlys', type: 'vessel', aliases: ['Kowal’s boat'] });
    const person = await createEntity(db, caseFile.id, { name: 'Kowal’s boat', type: 'person' });
    const error = await rejection(mergeEntities(db, f.kept.id, [vessel.id]), ValidationError);
    expect(error.messageFor('mergeIds')).toBe(
      '“Kowal’s boat” cannot become a name of “Marta Kowal”: the alias “Kowal’s boat” is the name of the person “Kowal’s boat” in this case. Merge it too, or rename it first.',
    );
    expect(error.recordFor()).toEqual(entityRef(person));
  });

  it('refuses a merge that would put a place inside itself, naming the circle', async () => {
    const quay = await createEntity(db, caseFile.id, { name: 'Marlow Quay', type: 'place' });
    const harbour = await createEntity(db, caseFile.id, { name: 'Vellport harbour', type: 'place' });
    await createRelationship(db, caseFile.id, { from: quay.id, to: harbour.id, type: 'located-in' });
    await createRelationship(db, caseFile.id, { from: harbour.id, to: f.vellport.id, type: 'located-in' });
    const before = await state();
    const error = await rejection(mergeEntities(db, quay.id, [f.vellport.id]), ValidationError);
    expect(error.messageFor('mergeIds')).toBe(
      'The merge would make “Marlow Quay” located in itself: “Marlow Quay” → “Vellport harbour” → “Marlow Quay”, each located in the next. Remove one of those relationships first.',
    );
    expect(await state()).toEqual(before);
  });

  it('refuses a merge that would give the kept entity more aliases than an entity holds', async () => {
    const many = (prefix: string) => Array.from({ length: 30 }, (_, index) => `${prefix} ${index}`);
    const a = await createEntity(db, caseFile.id, { name: 'A', type: 'other', aliases: many('a') });
    const b = await createEntity(db, caseFile.id, { name: 'B', type: 'other', aliases: many('b') });
    const error = await rejection(mergeEntities(db, a.id, [b.id]), ValidationError);
    expect(error.messageFor('mergeIds')).toBe('“A” would have 61 aliases, and an entity holds at most 50. Remove some first.');
  });
});

describe('undoMerge', () => {
  let f: Fixture;
  let mergeSeq: number;
  beforeEach(async () => {
    f = await fixture();
  });

  const merge = async () => {
    await mergeEntities(db, f.kept.id, [f.kowalska.id, f.mk.id]);
    mergeSeq = (await lastEntry()).seq!;
  };

  it('puts back every entity, link, relationship and place on the chart exactly as before, as one more history entry', async () => {
    const before = await state();
    await merge();
    expect(await state()).not.toEqual(before);
    expect(await mergeUndoProblem(db, mergeSeq)).toBeNull();
    const historyBefore = await db.history.count();
    await undoMerge(db, mergeSeq);
    expect(await state()).toEqual(before);
    expect(await danglingLinks(db)).toEqual([]);
    expect(await db.history.count()).toBe(historyBefore + 1);
    expect(await lastEntry()).toMatchObject({
      action: 'undo',
      summary: 'Undid the merge into “Marta Kowal”: “Marta Kowalska” and “MK” are back',
      records: [entityRef(f.kept), entityRef(f.kowalska), entityRef(f.mk)],
    });
    // The undo names the merge it undid (history is only added to), and a second undo is refused.
    expect(((await lastEntry()) as HistoryEntry).undoes).toBe(mergeSeq);
    const again = await rejection(undoMerge(db, mergeSeq), ValidationError);
    expect(again.message).toBe('This merge was already undone.');
    expect(await state()).toEqual(before);
  });

  it('is refused once the kept entity has changed since, saying so, and changes nothing', async () => {
    await merge();
    await updateEntity(db, f.kept.id, { name: 'Marta Kowal', type: 'person', aliases: ['M. Kowal'] });
    const after = await state();
    const error = await rejection(undoMerge(db, mergeSeq), ValidationError);
    expect(error.message).toBe(
      'This merge cannot be undone: “Marta Kowal” has changed since the merge. It can be undone only until a record it changed changes again.',
    );
    expect(await mergeUndoProblem(db, mergeSeq)).toBe(error.message);
    expect(await state()).toEqual(after);
  });

  it('is refused once a link it moved is removed', async () => {
    await merge();
    await unlinkRecords(db, f.links.otherMention.id);
    expect(await mergeUndoProblem(db, mergeSeq)).toBe(
      'This merge cannot be undone: a link the merge moved to “Marta Kowal” has been removed or changed since. It can be undone only until a record it changed changes again.',
    );
  });

  it('is refused once a relationship it moved is deleted, with the entity at its other end', async () => {
    await merge();
    await deleteRecord(db, { type: 'entity', id: f.vellport.id });
    expect(await mergeUndoProblem(db, mergeSeq)).toMatch(/^This merge cannot be undone: a relationship of “Marta Kowal” that the merge moved/);
  });

  it('is refused once a record a restored link pointed at is gone', async () => {
    const note = await createExcerpt(db, caseFile.id, { quote: 'Both names on one page.' });
    await linkRecords(db, caseFile.id, { from: excerptRef(note), to: entityRef(f.kept), kind: 'mentions' });
    await linkRecords(db, caseFile.id, { from: excerptRef(note), to: entityRef(f.kowalska), kind: 'mentions' });
    await merge();
    // The excerpt's mention of Marta Kowalska was collapsed into its mention of Marta Kowal, which goes with it.
    await deleteRecord(db, { type: 'excerpt', id: note.id });
    expect(await mergeUndoProblem(db, mergeSeq)).toBe(
      'This merge cannot be undone: a record linked to “Marta Kowalska” before the merge has been deleted since. It can be undone only until a record it changed changes again.',
    );
  });

  it('is refused when a new entity took the name of a merged entity of another type', async () => {
    const company = await createEntity(db, caseFile.id, { name: 'Nordlys AS', type: 'organisation' });
    const vessel = await createEntity(db, caseFile.id, { name: 'Nordlys', type: 'vessel' });
    await mergeEntities(db, company.id, [vessel.id]);
    const seq = (await lastEntry()).seq!;
    // Its name is an alias of the organisation now, so a vessel may have it again.
    await createEntity(db, caseFile.id, { name: 'NORDLYS', type: 'vessel' });
    expect(await mergeUndoProblem(db, seq)).toBe(
      'This merge cannot be undone: “Nordlys” cannot come back: this case already has a vessel named “NORDLYS”. Rename that one first. It can be undone only until a record it changed changes again.',
    );
  });

  it('is refused when a tag of the merged entities was deleted (the kept entity lost it too)', async () => {
    await merge();
    await deleteTag(db, f.tags[1].id, 'remove');
    expect(await mergeUndoProblem(db, mergeSeq)).toMatch(/“Marta Kowal” has changed since the merge/);
  });

  it('says when a history entry is no merge', async () => {
    const seq = (await lastEntry()).seq!;
    expect(await mergeUndoProblem(db, seq)).toBe('This change is not a merge of entities, so it cannot be undone here.');
    await expect(undoMerge(db, seq)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('splitAlias', () => {
  it('makes an alias an entity of its own, of the same type, taking the links and relationships chosen', async () => {
    const venn = await createEntity(db, caseFile.id, { name: 'Dario Venn', type: 'person', aliases: ['Lantern', 'D. Venn'] });
    const quayline = await createEntity(db, caseFile.id, { name: 'Quayline Logistics', type: 'organisation' });
    const named = await createExcerpt(db, caseFile.id, { quote: 'Venn was detained.' });
    const handle = await createExcerpt(db, caseFile.id, { quote: '“Lantern” arranged 14 containers.' });
    const stays = await linkRecords(db, caseFile.id, { from: excerptRef(named), to: entityRef(venn), kind: 'mentions' });
    const moves = await linkRecords(db, caseFile.id, { from: excerptRef(handle), to: entityRef(venn), kind: 'mentions' });
    const relationship = await createRelationship(db, caseFile.id, { from: venn.id, to: quayline.id, type: 'contacted' });

    const lantern = await splitAlias(db, venn.id, ' lantern ', { linksToMove: [moves.id, relationship.id] });
    expect(lantern).toMatchObject({ name: 'Lantern', type: 'person', aliases: [], attributes: [], tags: [], description: null });
    expect((await db.entities.get(venn.id))!.aliases).toEqual([{ name: 'D. Venn', origin: 'typed' }]);
    expect(await db.links.get(stays.id)).toEqual(stays);
    expect(await db.links.get(moves.id)).toMatchObject({ to: { type: 'entity', id: lantern.id }, ends: [handle.id, lantern.id] });
    expect(await db.relationships.get(relationship.id)).toMatchObject({ from: lantern.id, ends: [lantern.id, quayline.id] });
    expect((await lastEntry()).summary).toBe('Split “Lantern” off “Dario Venn” as a person of its own (2 links moved)');
    expect(await danglingLinks(db)).toEqual([]);
  });

  it('refuses a name that is not an alias of the entity, and a link that is not one of its, changing nothing', async () => {
    const venn = await createEntity(db, caseFile.id, { name: 'Dario Venn', type: 'person', aliases: ['Lantern'] });
    const other = await createEntity(db, caseFile.id, { name: 'Helena Strand', type: 'person' });
    const excerpt = await createExcerpt(db, caseFile.id, { quote: 'Strand spoke.' });
    const theirs = await linkRecords(db, caseFile.id, { from: excerptRef(excerpt), to: entityRef(other), kind: 'mentions' });
    const notAlias = await rejection(splitAlias(db, venn.id, 'Dario Venn'), ValidationError);
    expect(notAlias.messageFor('alias')).toBe('“Dario Venn” is not an alias of “Dario Venn”.');
    const notTheirs = await rejection(splitAlias(db, venn.id, 'Lantern', { linksToMove: [theirs.id] }), ValidationError);
    expect(notTheirs.messageFor('linksToMove')).toMatch(/is not a link of “Dario Venn” any more/);
    expect(await db.entities.count()).toBe(2);
  });
});
