import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../../shared/domain';
import type { CasebookDB } from '../schema';
import { withCase } from '../../../../tests/unit/database';
import { createCase, createEntity, createNote } from '../../domain';
import { historyAfter, lastHistorySeq } from './history';

let db: CasebookDB;
let caseFile: CaseFile;
withCase((fresh) => ({ db, caseFile } = fresh));

describe('lastHistorySeq and historyAfter', () => {
  it('count only the case’s own changes after a point of its history, with the time of the first', async () => {
    const created = await lastHistorySeq(db, caseFile.id);
    expect(created).toBeGreaterThan(0);
    expect(await historyAfter(db, caseFile.id, created)).toEqual({ changes: 0, firstAt: null });

    const other = await createCase(db, { name: 'Quay leases' });
    await createEntity(db, caseFile.id, { name: 'Dario Venn', type: 'person' });
    await createEntity(db, other.id, { name: 'Marta Kowal', type: 'person' });
    await createNote(db, caseFile.id, { title: 'Lead' });

    const after = await historyAfter(db, caseFile.id, created);
    expect(after.changes).toBe(2);
    const entries = await db.history.where('caseId').equals(caseFile.id).sortBy('seq');
    expect(after.firstAt).toBe(entries[1]!.at);
    // From the start, the case's creation counts too; the other case's changes never do.
    expect((await historyAfter(db, caseFile.id, 0)).changes).toBe(3);
    expect(await lastHistorySeq(db, caseFile.id)).toBe(entries.at(-1)!.seq);
    expect((await historyAfter(db, caseFile.id, entries.at(-1)!.seq!)).changes).toBe(0);
    expect(await lastHistorySeq(db, 'no-such-case')).toBe(0);
  });
});
