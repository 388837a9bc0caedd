import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseFile, Entity, TimelineEvent } from '../../../../shared/domain';
import type { CasebookDB } from '../schema';
import { recordsToLink, refTo, withCase } from '../../../../tests/unit/database';
import { createNote, deleteRecord, linkRecords } from '../../domain';
import { linkedRecords, linksOf } from './links';

let db: CasebookDB;
let caseFile: CaseFile;
let person: Entity;
let organisation: Entity;
let event: TimelineEvent;
withCase((fresh) => ({ db, caseFile } = fresh));
beforeEach(async () => {
  ({ person, organisation, event } = await recordsToLink(db, caseFile.id));
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('linksOf', () => {
  it('returns the links that start and the links that end at the record, and no others', async () => {
    const outgoing = await linkRecords(db, caseFile.id, {
      from: refTo(person),
      to: refTo(organisation),
      kind: 'works-for',
    });
    const incoming = await linkRecords(db, caseFile.id, { from: refTo(event), to: refTo(person), kind: 'involves' });
    const unrelated = await linkRecords(db, caseFile.id, { from: refTo(event), to: refTo(organisation), kind: 'involves' });
    const ids = (await linksOf(db, person.id)).map((link) => link.id);
    expect(ids.sort()).toEqual([outgoing.id, incoming.id].sort());
    expect(ids).not.toContain(unrelated.id);
  });

  it('asks one query of the ends index', async () => {
    await linkRecords(db, caseFile.id, { from: refTo(person), to: refTo(organisation), kind: 'works-for' });
    await linkRecords(db, caseFile.id, { from: refTo(event), to: refTo(person), kind: 'involves' });
    const where = vi.spyOn(db.links, 'where');
    const filter = vi.spyOn(db.links, 'filter');
    const toArray = vi.spyOn(db.links, 'toArray');
    expect(await linksOf(db, person.id)).toHaveLength(2);
    expect(where).toHaveBeenCalledTimes(1);
    expect(where).toHaveBeenCalledWith('ends');
    expect(filter).not.toHaveBeenCalled();
    expect(toArray).not.toHaveBeenCalled();
  });

  it('returns nothing for a record without links', async () => {
    expect(await linksOf(db, person.id)).toEqual([]);
  });
});

describe('linkedRecords', () => {
  it('reads each far end with one bulk read per record type, and says which way each link reads', async () => {
    const note = await createNote(db, caseFile.id, { title: 'Questions' });
    const worksFor = await linkRecords(db, caseFile.id, { from: refTo(person), to: refTo(organisation), kind: 'works-for' });
    const involves = await linkRecords(db, caseFile.id, { from: refTo(event), to: refTo(person), kind: 'involves' });
    const related = await linkRecords(db, caseFile.id, {
      from: refTo(person),
      to: { type: 'note', id: note.id },
      kind: 'related-to',
    });
    const entities = db.table('entities');
    const get = vi.spyOn(entities, 'get');
    const bulkGet = vi.spyOn(entities, 'bulkGet');
    const linked = await linkedRecords(db, person.id);
    expect(get).not.toHaveBeenCalled();
    expect(bulkGet).toHaveBeenCalledTimes(1);
    const byLink = new Map(linked.map((entry) => [entry.link.id, entry]));
    expect(byLink.get(worksFor.id)).toMatchObject({ outgoing: true, other: refTo(organisation), record: organisation });
    // The link made the person a participant of the event (domain/events.ts), so the event read is the one changed.
    expect(byLink.get(involves.id)).toMatchObject({ outgoing: false, other: refTo(event), record: { id: event.id, participantIds: [person.id] } });
    expect(byLink.get(related.id)).toMatchObject({ outgoing: true, record: note });
  });

  it('leaves the record undefined where the far end is gone, rather than failing', async () => {
    const link = await linkRecords(db, caseFile.id, { from: refTo(event), to: refTo(person), kind: 'involves' });
    await db.events.delete(event.id);
    expect(await linkedRecords(db, person.id)).toEqual([
      { link, outgoing: false, other: refTo(event), record: undefined },
    ]);
  });

  it('is empty once the record’s links are deleted with it', async () => {
    await linkRecords(db, caseFile.id, { from: refTo(event), to: refTo(person), kind: 'involves' });
    await deleteRecord(db, refTo(event));
    expect(await linkedRecords(db, person.id)).toEqual([]);
  });
});
