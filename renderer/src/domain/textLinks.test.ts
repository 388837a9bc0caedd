import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseFile, Entity, Link, RecordRef, RichText, RichTextNode } from '../../../shared/domain';
import { TEXT_LINK_KIND } from '../../../shared/vocabulary';
import type { CasebookDB } from '../db/schema';
import { textBacklinks, textRecords } from '../db/queries/textRecords';
import { rejection, withCase } from '../../../tests/unit/database';
import {
  ValidationError,
  createEntity,
  createEvent,
  createNote,
  deleteRecord,
  linkRecords,
  mergeEntities,
  undoMerge,
  updateEntity,
  updateNote,
} from '.';

let db: CasebookDB;
let caseFile: CaseFile;
let marta: Entity;
let quayline: Entity;
withCase((fresh) => ({ db, caseFile } = fresh));
beforeEach(async () => {
  marta = await createEntity(db, caseFile.id, { name: 'Marta Kowal', type: 'person' });
  quayline = await createEntity(db, caseFile.id, { name: 'Quayline Logistics', type: 'organisation' });
});

const mention = (entity: Pick<Entity, 'id' | 'name'>): RichTextNode => ({
  type: 'recordLink',
  attrs: { type: 'entity', id: entity.id, label: entity.name, as: 'mention' },
});

/** A note body: one paragraph per list of pieces, each a text or a node. */
function body(...paragraphs: (string | RichTextNode)[][]): RichText {
  return {
    type: 'doc',
    content: paragraphs.map((pieces) => ({
      type: 'paragraph',
      content: pieces.map((piece) => (typeof piece === 'string' ? { type: 'text', text: piece } : piece)),
    })),
  };
}

/** The note's text links, by the record each goes to. */
async function textLinksOf(noteId: string): Promise<RecordRef[]> {
  const links: Link[] = await db.links.where('ends').equals(noteId).filter((link) => link.kind === TEXT_LINK_KIND).toArray();
  return links.map((link) => link.to).sort((a, b) => a.id.localeCompare(b.id));
}

const sorted = (...refs: RecordRef[]) => [...refs].sort((a, b) => a.id.localeCompare(b.id));
const ref = (entity: Entity): RecordRef => ({ type: 'entity', id: entity.id });

describe('a note’s mentions in the link graph', () => {
  it('are links from the note, written with it', async () => {
    const note = await createNote(db, caseFile.id, { title: 'Theory', body: body(['Met ', mention(marta), ' and ', mention(quayline), '.']) });
    expect(await textLinksOf(note.id)).toEqual(sorted(ref(marta), ref(quayline)));
    const history = await db.history.where('caseId').equals(caseFile.id).toArray();
    // One save, one entry: the links belong to it.
    expect(history.filter((entry) => entry.records.some((record) => record.id === note.id))).toHaveLength(1);
  });

  it('follow the text: a mention removed takes its link, one added brings one, others stay as they were', async () => {
    const note = await createNote(db, caseFile.id, { title: 'Theory', body: body([mention(marta), ' met ', mention(quayline)]) });
    const [martaLink] = await db.links.where('ends').equals(marta.id).toArray();
    const event = await createEvent(db, caseFile.id, { title: 'Raid on the warehouse', start: { value: '2021-03-09', precision: 'day' } });
    const eventLink: RichTextNode = { type: 'recordLink', attrs: { type: 'event', id: event.id, label: event.title, as: 'dated' } };
    await updateNote(db, note.id, { title: 'Theory', body: body([mention(marta), ' alone.'], [eventLink]) });
    expect(await textLinksOf(note.id)).toEqual(sorted(ref(marta), { type: 'event', id: event.id }));
    expect(await db.links.get(martaLink!.id)).toEqual(martaLink);
    await updateNote(db, note.id, { title: 'Theory', body: null });
    expect(await textLinksOf(note.id)).toEqual([]);
  });

  it('leave links made by hand alone, and cannot be made by hand', async () => {
    const handMade = await linkRecords(db, caseFile.id, { from: { type: 'note', id: (await createNote(db, caseFile.id, { title: 'Plain' })).id }, to: ref(marta), kind: 'mentions' });
    await updateNote(db, handMade.from.id, { title: 'Plain', body: body(['No mention at all.']) });
    expect(await db.links.get(handMade.id)).toEqual(handMade);
    const refused = await rejection(linkRecords(db, caseFile.id, { from: handMade.from, to: ref(quayline), kind: TEXT_LINK_KIND }), ValidationError);
    expect(refused.message).toMatch(/follow the note’s text/);
  });

  it('are not written when the save is refused: nothing half done', async () => {
    const note = await createNote(db, caseFile.id, { title: 'Theory', body: body([mention(marta)]) });
    await rejection(updateNote(db, note.id, { title: '', body: body([mention(quayline)]) }), ValidationError);
    expect(await textLinksOf(note.id)).toEqual([ref(marta)]);
    expect((await db.notes.get(note.id))?.body).toEqual(note.body);
  });

  it('are saved in the note’s own transaction: a write of the note that fails takes the new links with it', async () => {
    const note = await createNote(db, caseFile.id, { title: 'Theory', body: body([mention(marta)]) });
    const put = vi.spyOn(db.notes, 'put').mockRejectedValueOnce(new Error('The disk is full.'));
    await expect(updateNote(db, note.id, { title: 'Theory', body: body([mention(quayline)]) })).rejects.toThrow('The disk is full.');
    put.mockRestore();
    expect(await textLinksOf(note.id)).toEqual([ref(marta)]);
  });

  it('skip a mention of an entity deleted meanwhile, which stays in the text with the name it had', async () => {
    await deleteRecord(db, ref(quayline));
    const note = await createNote(db, caseFile.id, { title: 'Theory', body: body([mention(marta), ' and ', mention(quayline)]) });
    expect(await textLinksOf(note.id)).toEqual([ref(marta)]);
    expect(note.body?.content?.[0]?.content?.[2]).toEqual(mention(quayline));
  });

  it('lose their link when the entity is deleted, the text keeping its name', async () => {
    const note = await createNote(db, caseFile.id, { title: 'Theory', body: body([mention(marta)]) });
    await deleteRecord(db, ref(marta));
    expect(await textLinksOf(note.id)).toEqual([]);
    const [shown] = await textRecords(db, caseFile.id, [ref(marta)]);
    expect(shown?.record).toBeUndefined();
    expect((await db.notes.get(note.id))?.body).toEqual(body([mention(marta)]));
  });

  it('store the current names when saved, and follow a merge to the entity kept (and back when it is undone)', async () => {
    const note = await createNote(db, caseFile.id, { title: 'Theory', body: body(['Then ', mention(marta), ' left.']) });
    await updateEntity(db, marta.id, { name: 'Marta Kowalska', type: 'person' });
    const saved = await updateNote(db, note.id, { title: 'Theory', body: note.body });
    expect(saved.body).toEqual(body(['Then ', mention({ id: marta.id, name: 'Marta Kowalska' }), ' left.']));

    const kept = await createEntity(db, caseFile.id, { name: 'M. Kowalska', type: 'person' });
    await mergeEntities(db, kept.id, [marta.id]);
    const [shown] = await textRecords(db, caseFile.id, [ref(marta)]);
    expect(shown?.ref).toEqual(ref(kept));
    expect(shown?.record).toMatchObject({ name: 'M. Kowalska' });
    expect(await textLinksOf(note.id)).toEqual([ref(kept)]);
    // Saved again, the mention keeps the id it was written with and links to the entity kept.
    await updateNote(db, note.id, { title: 'Theory', body: saved.body });
    expect(await textLinksOf(note.id)).toEqual([ref(kept)]);
    expect(await textBacklinks(db, caseFile.id, ref(kept))).toEqual([
      expect.objectContaining({ passages: ['Then M. Kowalska left.'] }),
    ]);

    const merge = (await db.history.where('caseId').equals(caseFile.id).toArray()).find((entry) => entry.action === 'merge')!;
    await undoMerge(db, merge.seq!);
    const [back] = await textRecords(db, caseFile.id, [ref(marta)]);
    expect(back?.ref).toEqual(ref(marta));
  });
});

describe('a rename or merge of a mentioned entity', () => {
  it('puts the notes that mention it back unchanged in its transaction, and names them in its history entry', async () => {
    const note = await createNote(db, caseFile.id, { title: 'Theory', body: body(['Met ', mention(marta), '.']) });
    const other = await createNote(db, caseFile.id, { title: 'Elsewhere', body: body(['Met ', mention(quayline), '.']) });
    await updateEntity(db, marta.id, { name: 'Marta Kowalska', type: 'person' });
    const rename = (await db.history.orderBy('seq').last())!;
    expect(rename.records).toEqual([ref(marta), { type: 'note', id: note.id }]);
    // Its text and time stay as saved (the views show the new name); only search reads it again.
    expect(await db.notes.get(note.id)).toEqual(note);
    // An edit that is no rename touches no note.
    await updateEntity(db, marta.id, { name: 'Marta Kowalska', type: 'person', aliases: ['MK'] });
    expect((await db.history.orderBy('seq').last())!.records).toEqual([ref(marta)]);

    await mergeEntities(db, marta.id, [quayline.id]);
    expect((await db.history.orderBy('seq').last())!.records).toEqual([ref(marta), ref(quayline), { type: 'note', id: other.id }]);
    expect(await db.notes.get(other.id)).toEqual(other);
  });
});

describe('textBacklinks', () => {
  it('gives each note that mentions a record with the sentences it does so in', async () => {
    const note = await createNote(db, caseFile.id, {
      title: 'Theory',
      body: body(['Nothing here.'], [mention(marta), ' paid ', mention(quayline), ' twice.'], ['Later ', mention(marta), ' denied it.']),
    });
    expect(await textBacklinks(db, caseFile.id, ref(marta))).toEqual([
      { note: expect.objectContaining({ id: note.id }), passages: ['Marta Kowal paid Quayline Logistics twice.', 'Later Marta Kowal denied it.'] },
    ]);
    expect(await textBacklinks(db, caseFile.id, { type: 'event', id: 'none' })).toEqual([]);
  });
});
