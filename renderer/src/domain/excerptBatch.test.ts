import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseFile, Excerpt, Tag } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { excerptTable } from '../db/queries/excerptTable';
import { recordsToLink, withCase } from '../../../tests/unit/database';
import { createCase } from './cases';
import { createExcerpt } from './excerpts';
import { createTextDocument } from './documents';
import { linkRecords } from './links';
import { deleteExcerpts, linkExcerpts, tagExcerpts, untagExcerpts } from './excerptBatch';
import { NotFoundError, ValidationError } from './errors';

let db: CasebookDB;
let caseFile: CaseFile;
withCase((fresh) => ({ db, caseFile } = fresh));

const tag = (id: string, name: string, parentId: string | null = null): Tag => ({
  id,
  caseId: caseFile.id,
  parentId,
  name,
  nameKey: name.toLowerCase(),
  colour: '#cc3300',
  description: '',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
});

let excerpts: Excerpt[];
beforeEach(async () => {
  const document = await createTextDocument(db, caseFile.id, { title: 'Log', text: 'The raid began at dawn. Payments followed in March.' });
  excerpts = [
    await createExcerpt(db, caseFile.id, { quote: 'The raid began at dawn.', documentId: document.id, tags: [], comment: null }),
    await createExcerpt(db, caseFile.id, { quote: 'Payments followed in March.', documentId: document.id, tags: [], comment: null }),
  ];
  // The codebook's own operations belong to the codebook; its rows are written directly here.
  await db.tags.bulkAdd([tag('evidence', 'Evidence'), tag('raids', 'Raids', 'evidence')]);
});

const historyCount = () => db.history.where('caseId').equals(caseFile.id).count();
const ids = () => excerpts.map((excerpt) => excerpt.id);

describe('changing many excerpts at once', () => {
  it('tags them all in one change, once each', async () => {
    const before = await historyCount();
    expect(await tagExcerpts(db, caseFile.id, { excerptIds: ids(), tagId: 'raids' })).toEqual({ tagged: 2 });
    expect(await tagExcerpts(db, caseFile.id, { excerptIds: ids(), tagId: 'raids' })).toEqual({ tagged: 0 });
    expect((await db.excerpts.bulkGet(ids())).map((excerpt) => excerpt!.tags)).toEqual([['raids'], ['raids']]);
    expect(await historyCount()).toBe(before + 2);
    const last = await db.history.toCollection().last();
    expect(last?.summary).toBe('Tagged 0 excerpts “Raids”');
  });

  it('takes a tag off those that have it, in one change, leaving their other tags', async () => {
    await tagExcerpts(db, caseFile.id, { excerptIds: ids(), tagId: 'evidence' });
    await tagExcerpts(db, caseFile.id, { excerptIds: [excerpts[0]!.id], tagId: 'raids' });
    const before = await historyCount();
    expect(await untagExcerpts(db, caseFile.id, { excerptIds: ids(), tagId: 'raids' })).toEqual({ tagged: 1 });
    expect((await db.excerpts.bulkGet(ids())).map((excerpt) => excerpt!.tags)).toEqual([['evidence'], ['evidence']]);
    expect(await historyCount()).toBe(before + 1);
    expect((await db.history.toCollection().last())?.summary).toBe('Removed the tag “Raids” from 1 excerpt');
    await expect(untagExcerpts(db, caseFile.id, { excerptIds: ids(), tagId: 'nope' })).rejects.toThrow(/not in the case’s codebook/);
  });

  it('refuses an unknown tag, an empty selection or an excerpt gone, changing nothing', async () => {
    const before = await historyCount();
    await expect(tagExcerpts(db, caseFile.id, { excerptIds: ids(), tagId: 'nope' })).rejects.toThrow(/not in the case’s codebook/);
    await expect(tagExcerpts(db, caseFile.id, { excerptIds: [], tagId: 'raids' })).rejects.toBeInstanceOf(ValidationError);
    await expect(tagExcerpts(db, caseFile.id, { excerptIds: [...ids(), 'gone'], tagId: 'raids' })).rejects.toBeInstanceOf(NotFoundError);
    const other = await createCase(db, { name: 'Other' });
    await expect(tagExcerpts(db, other.id, { excerptIds: ids(), tagId: 'raids' })).rejects.toThrow();
    expect((await db.excerpts.bulkGet(ids())).map((excerpt) => excerpt!.tags)).toEqual([[], []]);
    expect(await historyCount()).toBe(before);
  });

  it('links them to an entity (mentions) or an event (evidence), skipping those already linked', async () => {
    const { person, event } = await recordsToLink(db, caseFile.id);
    await linkRecords(db, caseFile.id, { from: { type: 'excerpt', id: excerpts[0]!.id }, to: { type: 'entity', id: person.id }, kind: 'mentions' });
    expect(await linkExcerpts(db, caseFile.id, { excerptIds: ids(), to: { type: 'entity', id: person.id } })).toEqual({ linked: 1 });
    expect(await linkExcerpts(db, caseFile.id, { excerptIds: ids(), to: { type: 'event', id: event.id } })).toEqual({ linked: 2 });
    const eventLinks = await db.links.where('ends').equals(event.id).toArray();
    expect(eventLinks.map((link) => [link.kind, link.from.type, link.to.type])).toEqual([
      ['evidence', 'event', 'excerpt'],
      ['evidence', 'event', 'excerpt'],
    ]);
    await expect(linkExcerpts(db, caseFile.id, { excerptIds: ids(), to: { type: 'entity', id: 'gone' } })).rejects.toThrow(/not in this case/);

    // The table reads each excerpt's entities and events in one pass.
    const table = await excerptTable(db, caseFile.id);
    expect(table.excerpts.map((excerpt) => excerpt.id)).toEqual([...ids()].reverse());
    expect(table.links.get(excerpts[0]!.id)).toEqual({
      entities: [{ ref: { type: 'entity', id: person.id }, title: 'Zoë Müller' }],
      events: [{ ref: { type: 'event', id: event.id }, title: 'Charter signed' }],
    });
    expect(table.tags.map((found) => found.id).sort()).toEqual(['evidence', 'raids']);
    expect([...table.sources.values()].map((source) => source.title)).toEqual(['Log']);
    expect(table.sources.values().next().value).not.toHaveProperty('text');
  });

  it('deletes them with their links in one change', async () => {
    const { person } = await recordsToLink(db, caseFile.id);
    await linkExcerpts(db, caseFile.id, { excerptIds: ids(), to: { type: 'entity', id: person.id } });
    const before = await historyCount();
    expect(await deleteExcerpts(db, caseFile.id, { excerptIds: ids() })).toEqual({ deleted: 2, links: 2 });
    expect(await db.excerpts.where('caseId').equals(caseFile.id).count()).toBe(0);
    expect(await db.links.where('ends').equals(person.id).count()).toBe(0);
    expect(await historyCount()).toBe(before + 1);
    expect((await db.history.toCollection().last())?.summary).toBe('Deleted 2 excerpts and 2 links');
  });
});
