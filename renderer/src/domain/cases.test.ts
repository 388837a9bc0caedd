import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../../shared/limits';
import { countCaseRecords } from '../db/queries';
import type { CasebookDB } from '../db/schema';
import { seedRepresentativeCase, snapshot, rejection, withDatabase } from '../../../tests/unit/database';
import {
  NotFoundError,
  ValidationError,
  createCase,
  createEntity,
  createEvent,
  createNote,
  createTextDocument,
  deleteCase,
  deleteRecord,
  linkRecords,
  updateDocumentMetadata,
  unlinkRecords,
  updateCase,
  updateEntity,
} from '.';

let db: CasebookDB;
withDatabase((fresh) => (db = fresh));
afterEach(() => {
  vi.useRealTimers();
});

describe('createCase', () => {
  it('stores the name trimmed with inner spaces folded, and a lower-cased key', async () => {
    const created = await createCase(db, { name: '  Harbour   Charter\t2021 ' });
    expect(created.name).toBe('Harbour Charter 2021');
    expect(created.nameKey).toBe('harbour charter 2021');
    expect(await db.cases.get(created.id)).toEqual(created);
    expect(created.createdAt).toBe(created.updatedAt);
  });

  it('rejects a name another case has, whatever its case and spacing, on the name field', async () => {
    await createCase(db, { name: 'Harbour Charter' });
    const error = await rejection(createCase(db, { name: ' HARBOUR  charter ' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).messageFor('name')).toBe(
      'A case named “HARBOUR charter” already exists. Choose another name.',
    );
    expect(await db.cases.count()).toBe(1);
    expect(await db.history.count()).toBe(1);
  });

  it('rejects an empty name', async () => {
    const error = (await rejection(createCase(db, { name: ' \n ' }))) as ValidationError;
    expect(error.messageFor('name')).toBe('Case name cannot be empty.');
    expect(await db.cases.count()).toBe(0);
  });

  it(`rejects a name over ${LIMITS.nameLength} characters, saying the limit`, async () => {
    await expect(createCase(db, { name: 'x'.repeat(LIMITS.nameLength) })).resolves.toBeTruthy();
    const error = (await rejection(createCase(db, { name: 'y'.repeat(LIMITS.nameLength + 1) }))) as ValidationError;
    expect(error.messageFor('name')).toBe(`Case name is too long: at most ${LIMITS.nameLength} characters.`);
  });

  it('measures the limit after cleaning, so surrounding spaces do not count', async () => {
    const padded = `   ${'x'.repeat(LIMITS.nameLength)}   `;
    await expect(createCase(db, { name: padded })).resolves.toMatchObject({ name: 'x'.repeat(LIMITS.nameLength) });
  });
});

describe('updateCase', () => {
  it('renames the case and records the old and new names', async () => {
    const created = await createCase(db, { name: 'Harbour' });
    const renamed = await updateCase(db, created.id, { name: ' Harbour  charter ' });
    expect(renamed).toMatchObject({ id: created.id, name: 'Harbour charter', nameKey: 'harbour charter' });
    expect(await db.cases.get(created.id)).toEqual(renamed);
    expect((await db.history.toArray()).at(-1)?.summary).toBe('Renamed case “Harbour” to “Harbour charter”');
  });

  it('keeps the locale its dates are read in unless it is changed, and refuses one it cannot read', async () => {
    const created = await createCase(db, { name: 'Harbour' });
    expect(created.locale).toBeNull();
    const set = await updateCase(db, created.id, { name: 'Harbour', locale: 'en-US' });
    expect(set.locale).toBe('en-US');
    expect((await db.history.toArray()).at(-1)?.summary).toBe("Changed how the case's dates are read");
    await expect(updateCase(db, created.id, { name: 'Harbour, renamed' })).resolves.toMatchObject({ locale: 'en-US' });
    const refused = await rejection(updateCase(db, created.id, { name: 'Harbour', locale: 'xx-YY' }), ValidationError);
    expect(refused.issues).toEqual([{ field: 'locale', message: expect.stringMatching(/^Dates can be read as en-GB, en-US, .*or as the computer reads them\.$/) }]);
    expect((await db.cases.get(created.id))!.locale).toBe('en-US');
  });

  it('allows changing only the case of its own name', async () => {
    const created = await createCase(db, { name: 'harbour' });
    await expect(updateCase(db, created.id, { name: 'Harbour' })).resolves.toMatchObject({ name: 'Harbour' });
  });

  it('rejects the name of another case, on the name field, and changes nothing', async () => {
    await createCase(db, { name: 'Harbour' });
    const other = await createCase(db, { name: 'Airport' });
    const error = (await rejection(updateCase(db, other.id, { name: 'harbour' }))) as ValidationError;
    expect(error.messageFor('name')).toBe('A case named “harbour” already exists. Choose another name.');
    expect(await db.cases.get(other.id)).toEqual(other);
  });

  it('fails with NotFoundError for a case deleted meanwhile', async () => {
    const created = await createCase(db, { name: 'Harbour' });
    await deleteCase(db, created.id);
    await expect(updateCase(db, created.id, { name: 'Harbour 2' })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('the case’s last change time', () => {
  /** Moves the clock on a minute before each step, so every write has a time of its own. */
  function tickingClock() {
    vi.useFakeTimers({ toFake: ['Date'] });
    let time = Date.parse('2024-05-01T09:00:00Z');
    return () => {
      time += 60_000;
      vi.setSystemTime(time);
      return new Date(time).toISOString();
    };
  }

  it('moves to the time of every change to any record in the case', async () => {
    const tick = tickingClock();
    tick();
    const caseFile = await createCase(db, { name: 'Harbour' });
    const updatedAt = async () => (await db.cases.get(caseFile.id))!.updatedAt;

    let at = tick();
    const entity = await createEntity(db, caseFile.id, { name: 'Zoë Müller', type: 'person' });
    expect(await updatedAt()).toBe(at);

    at = tick();
    await updateEntity(db, entity.id, { name: 'Zoë Müller', type: 'person', aliases: ['Z. M.'] });
    expect(await updatedAt()).toBe(at);

    at = tick();
    const event = await createEvent(db, caseFile.id, {
      title: 'Charter signed',
      start: { value: '2021-03', precision: 'month' },
    });
    expect(await updatedAt()).toBe(at);

    at = tick();
    const link = await linkRecords(db, caseFile.id, {
      from: { type: 'event', id: event.id },
      to: { type: 'entity', id: entity.id },
      kind: 'involves',
    });
    expect(await updatedAt()).toBe(at);

    at = tick();
    await unlinkRecords(db, link.id);
    expect(await updatedAt()).toBe(at);

    at = tick();
    const document = await createTextDocument(db, caseFile.id, { title: 'Log', text: 'Signed.' });
    expect(await updatedAt()).toBe(at);

    at = tick();
    await updateDocumentMetadata(db, document.id, { title: 'Harbour log' });
    expect(await updatedAt()).toBe(at);

    at = tick();
    await createNote(db, caseFile.id, { title: 'Questions' });
    expect(await updatedAt()).toBe(at);

    at = tick();
    await deleteRecord(db, { type: 'event', id: event.id });
    expect(await updatedAt()).toBe(at);
  });

  it('puts the case changed last first in the library, whichever was created last', async () => {
    const tick = tickingClock();
    tick();
    const older = await createCase(db, { name: 'Older' });
    tick();
    const newer = await createCase(db, { name: 'Newer' });
    const byLastChange = async () => (await db.cases.orderBy('updatedAt').reverse().toArray()).map((c) => c.id);
    expect(await byLastChange()).toEqual([newer.id, older.id]);

    tick();
    await createNote(db, older.id, { title: 'A note' });
    expect(await byLastChange()).toEqual([older.id, newer.id]);
  });
});

describe('deleteCase', () => {
  it('removes every row of the case from every table and leaves another case as it was', async () => {
    const doomed = await seedRepresentativeCase(db, 'Doomed');
    const kept = await seedRepresentativeCase(db, 'Kept');
    const rowsOf = (tables: Awaited<ReturnType<typeof snapshot>>, caseId: string) =>
      Object.fromEntries(
        Object.entries(tables).map(([table, rows]) => [
          table,
          rows.filter((row) => {
            const { id, caseId: owner } = row as { id?: string; caseId?: string };
            return owner === caseId || (table === 'cases' && id === caseId);
          }),
        ]),
      );
    const before = await snapshot(db);
    // The seeded case really has rows everywhere, so "none left" below means something.
    for (const [table, rows] of Object.entries(rowsOf(before, doomed.caseFile.id)))
      expect(rows.length, `rows of the doomed case in ${table}`).toBeGreaterThan(0);

    await deleteCase(db, doomed.caseFile.id);

    const after = await snapshot(db);
    for (const [table, rows] of Object.entries(rowsOf(after, doomed.caseFile.id)))
      expect(rows, `rows of the deleted case left in ${table}`).toEqual([]);
    expect(rowsOf(after, kept.caseFile.id)).toEqual(rowsOf(before, kept.caseFile.id));
    expect(await countCaseRecords(db, kept.caseFile.id)).toEqual({
      // The log, the recognised scan and the page cleaned up at import.
      documents: 3,
      excerpts: 1,
      entities: 2,
      events: 1,
      notes: 1,
      links: 3,
    });
  });

  it('frees the name for a new case', async () => {
    const created = await createCase(db, { name: 'Harbour' });
    await deleteCase(db, created.id);
    await expect(createCase(db, { name: 'harbour' })).resolves.toMatchObject({ name: 'harbour' });
  });

  it('fails with NotFoundError when the case is already gone', async () => {
    const created = await createCase(db, { name: 'Harbour' });
    await deleteCase(db, created.id);
    await expect(deleteCase(db, created.id)).rejects.toThrow(new NotFoundError('This case was already deleted.'));
  });
});
