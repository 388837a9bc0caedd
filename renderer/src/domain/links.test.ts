import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseFile, Entity, TimelineEvent } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { recordsToLink, refTo, rejection, withCase } from '../../../tests/unit/database';
import {
  NotFoundError,
  ValidationError,
  createCase,
  createEntity,
  deleteRecord,
  linkRecords,
  unlinkRecords,
} from '.';

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

describe('linkRecords', () => {
  it('stores a typed edge between two records of the case, with both ends indexed', async () => {
    const link = await linkRecords(db, caseFile.id, { from: refTo(person), to: refTo(organisation), kind: 'works-for' });
    expect(link).toMatchObject({
      caseId: caseFile.id,
      from: { type: 'entity', id: person.id },
      to: { type: 'entity', id: organisation.id },
      kind: 'works-for',
      ends: [person.id, organisation.id],
    });
    expect(await db.links.get(link.id)).toEqual(link);
  });

  it('writes a history line in words', async () => {
    await linkRecords(db, caseFile.id, { from: refTo(person), to: refTo(organisation), kind: 'works-for' });
    expect(await db.history.orderBy('seq').last()).toMatchObject({
      action: 'link',
      summary: 'Linked “Zoë Müller” works for “Nordlys Shipping”',
      records: [refTo(person), refTo(organisation)],
    });
  });

  it('refuses a record of another case, with NotFoundError, and stores nothing', async () => {
    const otherCase = await createCase(db, { name: 'Airport' });
    const stranger = await createEntity(db, otherCase.id, { name: 'Ola Nordmann', type: 'person' });
    const error = await rejection(
      linkRecords(db, caseFile.id, { from: refTo(person), to: refTo(stranger), kind: 'contacted' }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe('The entity to link is not in this case any more.');
    expect(await db.links.count()).toBe(0);
  });

  it('refuses a record that does not exist, or exists under another type', async () => {
    await expect(
      linkRecords(db, caseFile.id, { from: refTo(person), to: { type: 'note', id: 'gone' }, kind: 'related-to' }),
    ).rejects.toThrow('The note to link is not in this case any more.');
    // The event's id, claimed to be an entity's: the ref must name the right table.
    await expect(
      linkRecords(db, caseFile.id, { from: refTo(person), to: { type: 'entity', id: event.id }, kind: 'involves' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.links.count()).toBe(0);
  });

  it('treats a symmetric link the other way round as the same link, but not a directed one', async () => {
    await linkRecords(db, caseFile.id, { from: refTo(person), to: refTo(organisation), kind: 'related-to' });
    const error = (await rejection(
      linkRecords(db, caseFile.id, { from: refTo(organisation), to: refTo(person), kind: 'related-to' }),
    )) as ValidationError;
    expect(error.messageFor('kind')).toBe('These two records are already linked this way.');
    await linkRecords(db, caseFile.id, { from: refTo(person), to: refTo(organisation), kind: 'works-for' });
    await linkRecords(db, caseFile.id, { from: refTo(organisation), to: refTo(person), kind: 'owns' });
    expect(await db.links.count()).toBe(3);
  });

  it('refuses to link a record to itself', async () => {
    const error = (await rejection(
      linkRecords(db, caseFile.id, { from: refTo(person), to: refTo(person), kind: 'related-to' }),
    )) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe('A record cannot be linked to itself.');
    expect(await db.links.count()).toBe(0);
  });

  it('refuses the same link twice on the kind field, but allows another kind between the same records', async () => {
    const input = { from: refTo(event), to: refTo(person), kind: 'involves' } as const;
    await linkRecords(db, caseFile.id, input);
    const error = (await rejection(linkRecords(db, caseFile.id, input))) as ValidationError;
    expect(error.messageFor('kind')).toBe('These two records are already linked this way.');
    await linkRecords(db, caseFile.id, { ...input, kind: 'related-to' });
    expect(await db.links.count()).toBe(2);
  });

  it('rejects a kind it does not know', async () => {
    await expect(
      linkRecords(db, caseFile.id, { from: refTo(person), to: refTo(event), kind: 'loves' as 'mentions' }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('unlinkRecords', () => {
  it('removes the link and says so in the history', async () => {
    const link = await linkRecords(db, caseFile.id, { from: refTo(event), to: refTo(person), kind: 'involves' });
    await unlinkRecords(db, link.id);
    expect(await db.links.get(link.id)).toBeUndefined();
    expect(await db.history.orderBy('seq').last()).toMatchObject({
      action: 'unlink',
      summary: 'Removed the “involves” link',
      records: [refTo(event), refTo(person)],
    });
  });

  it('does nothing, and writes no history, for a link already gone', async () => {
    const link = await linkRecords(db, caseFile.id, { from: refTo(event), to: refTo(person), kind: 'involves' });
    await deleteRecord(db, refTo(person));
    const history = await db.history.count();
    await expect(unlinkRecords(db, link.id)).resolves.toBeUndefined();
    expect(await db.history.count()).toBe(history);
  });
});

describe('link kinds and their ends', () => {
  it('refuses a kind whose ends do not fit the records, on the kind field, saying which ends it takes', async () => {
    const error = (await rejection(
      linkRecords(db, caseFile.id, { from: refTo(person), to: refTo(event), kind: 'involves' }),
    )) as ValidationError;
    expect(error.messageFor('kind')).toBe('“involves” links an event to an entity.');
    expect(await db.links.count()).toBe(0);
  });

  it('writes the vocabulary’s label into the history', async () => {
    await linkRecords(db, caseFile.id, { from: refTo(person), to: refTo(organisation), kind: 'member-of' });
    expect((await db.history.orderBy('seq').last())?.summary).toBe('Linked “Zoë Müller” member of “Nordlys Shipping”');
  });
});
