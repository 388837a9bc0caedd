import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryEntry } from '../../../shared/domain';
import { describeStorageError } from '../db/errors';
import type { CasebookDB } from '../db/schema';
import { seedRepresentativeCase, snapshot, withDatabase, type SeededCase } from '../../../tests/unit/database';
import {
  NotFoundError,
  ValidationError,
  createCase,
  createEntities,
  createEntity,
  createEntityType,
  createRelationship,
  createRelationshipType,
  deleteEntityType,
  deleteRelationship,
  deleteRelationshipType,
  dismissSuggestion,
  importEntities,
  mergeEntities,
  saveChartLayout,
  splitAlias,
  undoMerge,
  updateEntityType,
  updateRelationship,
  createEvent,
  createExcerpt,
  createNote,
  createTextDocument,
  deleteRecord,
  linkRecords,
  updateDocumentMetadata,
  unlinkRecords,
  updateCase,
  updateEntity,
  updateEvent,
  updateExcerpt,
  updateNote,
} from '.';

let db: CasebookDB;
let clock: number;
/** Moves the clock on a second, so a write that wrongly touched a time would show. */
const tick = () => {
  clock += 1000;
  vi.setSystemTime(clock);
};

withDatabase((fresh) => (db = fresh));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  clock = Date.parse('2024-05-01T09:00:00Z');
  tick();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** Runs the operation and returns the one history entry it appended, failing if it appended none or several. */
async function onlyEntryOf(operation: () => Promise<unknown>): Promise<HistoryEntry> {
  tick();
  const before = await db.history.toArray();
  await operation();
  const after = await db.history.toArray();
  expect(after, 'history entries appended').toHaveLength(before.length + 1);
  expect(after.slice(0, -1), 'earlier entries untouched').toEqual(before);
  const entry = after.at(-1)!;
  // Written with the case's last change time: one transaction stamped both.
  expect(entry.at).toBe(new Date(clock).toISOString());
  expect((await db.cases.get(entry.caseId))?.updatedAt).toBe(entry.at);
  return entry;
}

describe('every operation appends exactly one history entry', () => {
  it('for cases', async () => {
    let caseId = '';
    const created = await onlyEntryOf(async () => {
      caseId = (await createCase(db, { name: 'Harbour' })).id;
    });
    expect(created).toMatchObject({ caseId, action: 'create', summary: 'Created case “Harbour”', records: [] });

    expect(await onlyEntryOf(() => updateCase(db, caseId, { name: 'Harbour charter' }))).toMatchObject({
      caseId,
      action: 'update',
      summary: 'Renamed case “Harbour” to “Harbour charter”',
    });
    const description = { type: 'doc' as const, content: [{ type: 'paragraph' }] };
    expect(await onlyEntryOf(() => updateCase(db, caseId, { name: 'Harbour charter', description }))).toMatchObject({
      action: 'update',
      summary: 'Edited the case description',
    });
  });

  it('for every kind of record, naming the record in words and by reference', async () => {
    const { id: caseId } = await createCase(db, { name: 'Harbour' });
    const ids: Record<string, string> = {};
    const anyId = expect.any(String) as string;
    const expectEntry = async (
      operation: () => Promise<unknown>,
      expected: Pick<HistoryEntry, 'action' | 'summary' | 'records'>,
    ) => expect(await onlyEntryOf(operation)).toMatchObject({ caseId, ...expected });

    await expectEntry(
      async () => (ids.document = (await createTextDocument(db, caseId, { title: 'Log', text: 'Signed.' })).id),
      { action: 'create', summary: 'Added document “Log”', records: [{ type: 'document', id: anyId }] },
    );
    await expectEntry(() => updateDocumentMetadata(db, ids.document!, { title: 'Harbour log' }), {
      action: 'update',
      summary: 'Renamed document “Log” to “Harbour log”',
      records: [{ type: 'document', id: ids.document! }],
    });
    await expectEntry(
      async () => (ids.excerpt = (await createExcerpt(db, caseId, { documentId: ids.document!, quote: 'Signed' })).id),
      { action: 'create', summary: 'Marked excerpt “Signed”', records: [{ type: 'excerpt', id: anyId }] },
    );
    await expectEntry(() => updateExcerpt(db, ids.excerpt!, { documentId: ids.document!, quote: 'Signed', comment: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Initialled too.' }] }] } }), {
      action: 'update',
      summary: 'Edited excerpt “Signed”',
      records: [{ type: 'excerpt', id: ids.excerpt! }],
    });
    await expectEntry(
      async () => (ids.person = (await createEntity(db, caseId, { name: 'Zoe Muller', type: 'person' })).id),
      { action: 'create', summary: 'Added person “Zoe Muller”', records: [{ type: 'entity', id: anyId }] },
    );
    await expectEntry(() => updateEntity(db, ids.person!, { name: 'Zoë Müller', type: 'person' }), {
      action: 'update',
      summary: 'Renamed “Zoe Muller” to “Zoë Müller”',
      records: [{ type: 'entity', id: ids.person! }],
    });
    await expectEntry(() => updateEntity(db, ids.person!, { name: 'Zoë Müller', type: 'person', aliases: ['Z.'] }), {
      action: 'update',
      summary: 'Edited person “Zoë Müller”',
      records: [{ type: 'entity', id: ids.person! }],
    });
    await expectEntry(
      () =>
        createEntities(db, caseId, [
          { name: 'Nordlys', type: 'vessel' },
          { name: 'Nordlys AS', type: 'organisation' },
        ]),
      { action: 'create', summary: 'Added 2 entities', records: [expect.anything(), expect.anything()] },
    );
    const start = { value: '2021-03-09', precision: 'day' } as const;
    await expectEntry(async () => (ids.event = (await createEvent(db, caseId, { title: 'Signing', start })).id), {
      action: 'create',
      summary: 'Added event “Signing”',
      records: [{ type: 'event', id: expect.any(String) }],
    });
    await expectEntry(() => updateEvent(db, ids.event!, { title: 'Charter signed', start }), {
      action: 'update',
      summary: 'Edited event “Charter signed”',
      records: [{ type: 'event', id: ids.event! }],
    });
    await expectEntry(async () => (ids.note = (await createNote(db, caseId, { title: 'Questions' })).id), {
      action: 'create',
      summary: 'Wrote note “Questions”',
      records: [{ type: 'note', id: expect.any(String) }],
    });
    await expectEntry(() => updateNote(db, ids.note!, { title: 'Open questions' }), {
      action: 'update',
      summary: 'Edited note “Open questions”',
      records: [{ type: 'note', id: ids.note! }],
    });
    const from = { type: 'excerpt', id: ids.excerpt! } as const;
    const to = { type: 'entity', id: ids.person! } as const;
    await expectEntry(async () => (ids.link = (await linkRecords(db, caseId, { from, to, kind: 'mentions' })).id), {
      action: 'link',
      summary: 'Linked “Signed” mentions “Zoë Müller”',
      records: [from, to],
    });
    await expectEntry(() => unlinkRecords(db, ids.link!), {
      action: 'unlink',
      summary: 'Removed the “mentions” link',
      records: [from, to],
    });
    await expectEntry(() => deleteRecord(db, { type: 'note', id: ids.note! }), {
      action: 'delete',
      summary: 'Deleted note “Open questions”',
      records: [{ type: 'note', id: ids.note! }],
    });
  });

  it('for the case’s own types, relationships, merges and their undoing, splits, imports, dismissals and the chart', async () => {
    const { id: caseId } = await createCase(db, { name: 'Harbour' });
    const entry = async (operation: () => Promise<unknown>, action: HistoryEntry['action'], summary: string) =>
      expect(await onlyEntryOf(operation)).toMatchObject({ caseId, action, summary });
    let handle = '';
    await entry(async () => (handle = (await createEntityType(db, caseId, { name: 'Handle' })).id), 'create', 'Added the entity type “Handle”');
    await entry(() => updateEntityType(db, handle, { name: 'Handle', colour: '#123456' }), 'update', 'Edited the entity type “Handle”');
    let director = '';
    await entry(
      async () => (director = (await createRelationshipType(db, caseId, { label: 'director of', inverse: 'directed by' })).id),
      'create',
      'Added the relationship type “director of” / “directed by”',
    );
    const venn = await createEntity(db, caseId, { name: 'Dario Venn', type: 'person', aliases: ['Lantern'] });
    const quayline = await createEntity(db, caseId, { name: 'Quayline', type: 'organisation' });
    let relationship = '';
    await entry(
      async () => (relationship = (await createRelationship(db, caseId, { from: venn.id, to: quayline.id, type: director })).id),
      'link',
      'Added the relationship “Dario Venn” director of “Quayline”',
    );
    await entry(
      () => updateRelationship(db, relationship, { from: venn.id, to: quayline.id, type: 'works-for' }),
      'update',
      'Edited the relationship “Dario Venn” works for “Quayline”',
    );
    await entry(() => deleteRelationship(db, relationship), 'unlink', 'Removed the relationship “Dario Venn” works for “Quayline”');
    await entry(() => deleteRelationshipType(db, director), 'delete', 'Deleted the relationship type “director of”');
    await entry(() => importEntities(db, caseId, { lines: 'D. Venn\nHelena Strand', type: 'person' }), 'import', 'Imported 2 entities from a pasted list');
    const twin = (await db.entities.where('[caseId+nameKey]').equals([caseId, 'd. venn']).first())!;
    await entry(() => mergeEntities(db, venn.id, [twin.id]), 'merge', 'Merged “D. Venn” into “Dario Venn”');
    const merged = (await db.history.orderBy('seq').last())!.seq!;
    await entry(() => undoMerge(db, merged), 'undo', 'Undid the merge into “Dario Venn”: “D. Venn” is back');
    await entry(() => splitAlias(db, venn.id, 'Lantern'), 'create', 'Split “Lantern” off “Dario Venn” as a person of its own');
    await entry(
      () => dismissSuggestion(db, caseId, { name: 'Harbour Master', type: handle }),
      'update',
      'Dismissed the suggestion “Harbour Master” (Handle): it will not be suggested again',
    );
    await entry(() => saveChartLayout(db, caseId, { [venn.id]: { x: 1, y: 1 } }), 'update', 'Arranged the link chart (1 entity moved)');
    await entry(() => deleteEntityType(db, handle), 'delete', 'Deleted the entity type “Handle”');
  });

  it('keeps the order things happened in, by sequence number', async () => {
    const seeded = await seedRepresentativeCase(db);
    const caseId = seeded.caseFile.id;
    const entries = await db.history.where('[caseId+seq]').between([caseId, 0], [caseId, Infinity]).toArray();
    expect(entries.map((entry) => entry.summary)).toEqual([
      'Created case “Harbour charter”',
      'Added document “Harbour master’s log”',
      'Added tag “Charter” to the codebook',
      'Marked excerpt “Zoë Müller signed the charter”',
      'Added 2 entities',
      'Added event “Charter signed”',
      'Made the notes folder “Leads”',
      'Wrote note “Open questions”',
      'Edited note “Open questions”',
      'Linked “Zoë Müller signed the charter” mentions “Zoë Müller”',
      'Linked “Zoë Müller” works for “Nordlys Shipping”',
      'Linked “Charter signed” evidence “Zoë Müller signed the charter”',
      'Imported charter-scan.pdf as “Charter (scan)”',
      'Recognised text in “Charter (scan)” (OCR, English)',
      'Added the relationship “Zoë Müller” works for “Nordlys Shipping”',
      'Added the entity type “Handle”',
      'Added the relationship type “skipper of” / “skippered by”',
      'Dismissed the suggestion “Harbour Master” (person): it will not be suggested again',
      'Arranged the link chart (2 entities moved)',
      'Imported charter.html as “Charter signed” (removed 2 lines of site text)',
    ]);
  });
});

describe('a failed operation leaves no trace', () => {
  let seeded: SeededCase;
  beforeEach(async () => {
    seeded = await seedRepresentativeCase(db);
  });

  /** Runs an operation that must fail, with the clock moved on, and checks no row of any table changed. */
  async function expectNoTrace(operation: () => Promise<unknown>): Promise<unknown> {
    const before = await snapshot(db);
    tick();
    let failure: unknown;
    await operation().then(
      () => expect.fail('the operation should have failed'),
      (error: unknown) => (failure = error),
    );
    expect(await snapshot(db)).toEqual(before);
    return failure;
  }

  it('when the input is invalid', async () => {
    const { caseFile, person, note } = seeded;
    expect(await expectNoTrace(() => createEntity(db, caseFile.id, { name: '', type: 'person' }))).toBeInstanceOf(
      ValidationError,
    );
    await expectNoTrace(() =>
      createEvent(db, caseFile.id, { title: 'E', start: { value: '2021-02-30', precision: 'day' } }),
    );
    await expectNoTrace(() => updateNote(db, note.id, { title: '  ' }));
    await expectNoTrace(() =>
      linkRecords(db, caseFile.id, {
        from: { type: 'entity', id: person.id },
        to: { type: 'entity', id: person.id },
        kind: 'owns',
      }),
    );
  });

  it('when a duplicate is found inside the transaction, after the case was stamped', async () => {
    const { caseFile, person, organisation, documentText, links } = seeded;
    const otherCase = await createCase(db, { name: 'Airport' });
    for (const duplicate of [
      () => createCase(db, { name: caseFile.name.toUpperCase() }),
      () => updateCase(db, otherCase.id, { name: caseFile.name }),
      () => createEntity(db, caseFile.id, { name: person.name, type: 'person' }),
      () => updateEntity(db, organisation.id, { name: person.name, type: 'person' }),
      () => createEntities(db, caseFile.id, [{ name: 'New', type: 'place' }, { name: person.name, type: 'person' }]),
      () => createTextDocument(db, caseFile.id, { title: 'Again', text: documentText }),
      () => linkRecords(db, caseFile.id, { from: links[1]!.from, to: links[1]!.to, kind: links[1]!.kind }),
    ])
      expect(await expectNoTrace(duplicate)).toBeInstanceOf(ValidationError);
  });

  it('when a record it needs is missing, failing midway with NotFoundError', async () => {
    const { caseFile, person } = seeded;
    const error = await expectNoTrace(() =>
      linkRecords(db, caseFile.id, {
        from: { type: 'entity', id: person.id },
        to: { type: 'note', id: 'gone' },
        kind: 'related-to',
      }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe('The note to link is not in this case any more.');

    const otherCase = await createCase(db, { name: 'Airport' });
    const theirs = await createTextDocument(db, otherCase.id, { title: 'Their log', text: 'Theirs.' });
    expect(
      await expectNoTrace(() => createExcerpt(db, caseFile.id, { documentId: theirs.id, quote: 'Theirs' })),
    ).toBeInstanceOf(NotFoundError);
    const orphan = await expectNoTrace(() => createNote(db, 'no-such-case', { title: 'Orphan' }));
    expect(orphan).toBeInstanceOf(NotFoundError);
  });

  it('when storage fails after the first of two writes: no document without its file', async () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    vi.spyOn(db.documentFiles, 'add').mockImplementationOnce(() => Dexie.Promise.reject(quota));
    const error = await expectNoTrace(() =>
      createTextDocument(db, seeded.caseFile.id, { title: 'Big', text: 'A long text.' }),
    );
    expect(describeStorageError(error)).toMatch(/^The disk is full/);
  });

  it('when writing the history entry itself fails: no record without its history', async () => {
    vi.spyOn(db.history, 'add').mockImplementationOnce(() => Dexie.Promise.reject(new Error('history is broken')));
    const error = await expectNoTrace(() => createEntity(db, seeded.caseFile.id, { name: 'Ola', type: 'person' }));
    expect((error as Error).message).toContain('history is broken');
  });
});
