import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { chartLayoutOf } from '../db/queries/entities';
import { suggestionKey } from '../suggestions/keys';
import { rejection, withCase } from '../../../tests/unit/database';
import {
  ValidationError,
  createCase,
  createEntity,
  createEntityType,
  deleteEntityType,
  deleteRecord,
  dismissSuggestion,
  dismissedSuggestions,
  saveChartLayout,
} from '.';

let db: CasebookDB;
let caseFile: CaseFile;
withCase((fresh) => ({ db, caseFile } = fresh));

describe('dismissSuggestion', () => {
  it('remembers a name dismissed as a type, once, whatever its case and spacing, in its case only', async () => {
    const dismissed = await dismissSuggestion(db, caseFile.id, { name: ' Harbour  Master ', type: 'person' });
    expect(dismissed).toEqual({ caseId: caseFile.id, key: 'harbour master', type: 'person', name: 'Harbour Master', dismissedAt: expect.any(String) });
    expect((await db.history.orderBy('seq').last())!.summary).toBe(
      'Dismissed the suggestion “Harbour Master” (person): it will not be suggested again',
    );
    const historyBefore = await db.history.count();
    await expect(dismissSuggestion(db, caseFile.id, { name: 'HARBOUR MASTER', type: 'person' })).resolves.toEqual(dismissed);
    expect(await db.history.count()).toBe(historyBefore);
    await dismissSuggestion(db, caseFile.id, { name: 'Harbour Master', type: 'organisation' });
    expect((await dismissedSuggestions(db, caseFile.id)).map((item) => [item.key, item.type]).sort()).toEqual([
      ['harbour master', 'organisation'],
      ['harbour master', 'person'],
    ]);
    const other = await createCase(db, { name: 'Airport' });
    expect(await dismissedSuggestions(db, other.id)).toEqual([]);
  });

  it('keeps a dismissal under the suggester’s key, so another spelling of the name is the same dismissal', async () => {
    const dismissed = await dismissSuggestion(db, caseFile.id, { name: 'Frédéric Van Leeuw', type: 'person' });
    expect(dismissed.key).toBe(suggestionKey('Frédéric Van Leeuw'));
    await expect(dismissSuggestion(db, caseFile.id, { name: 'FREDERIC VAN LEEUW', type: 'person' })).resolves.toEqual(dismissed);
    const company = await dismissSuggestion(db, caseFile.id, { name: 'Seacrest Holdings Ltd', type: 'organisation' });
    expect(company.key).toBe(suggestionKey('Seacrest Holdings'));
  });

  it('refuses an empty name and a type the case does not have; forgets dismissals of a type deleted', async () => {
    await expect(dismissSuggestion(db, caseFile.id, { name: '  ', type: 'person' })).rejects.toBeInstanceOf(ValidationError);
    const unknown = await rejection(dismissSuggestion(db, caseFile.id, { name: 'Lantern', type: 'handle' }), ValidationError);
    expect(unknown.messageFor('type')).toMatch(/^Type must be one of: person/);
    const handle = await createEntityType(db, caseFile.id, { name: 'Handle' });
    await dismissSuggestion(db, caseFile.id, { name: 'Lantern', type: handle.id });
    await deleteEntityType(db, handle.id);
    expect(await dismissedSuggestions(db, caseFile.id)).toEqual([]);
  });
});

describe('saveChartLayout', () => {
  it('keeps positions given, leaves the others, takes off those given null, and ignores entities not in the case', async () => {
    const venn = await createEntity(db, caseFile.id, { name: 'Dario Venn', type: 'person' });
    const quayline = await createEntity(db, caseFile.id, { name: 'Quayline', type: 'organisation' });
    const other = await createCase(db, { name: 'Airport' });
    const theirs = await createEntity(db, other.id, { name: 'Ola', type: 'person' });
    expect(await chartLayoutOf(db, caseFile.id)).toBeNull();
    await saveChartLayout(db, caseFile.id, { [venn.id]: { x: 10, y: -4.5 }, [quayline.id]: { x: 0, y: 0 }, [theirs.id]: { x: 1, y: 1 } });
    await saveChartLayout(db, caseFile.id, { [venn.id]: { x: 12, y: 3 }, [quayline.id]: null, gone: { x: 1, y: 1 } });
    expect((await chartLayoutOf(db, caseFile.id))!.positions).toEqual({ [venn.id]: { x: 12, y: 3 } });
    expect((await db.history.orderBy('seq').last())!.summary).toBe('Arranged the link chart (2 entities moved)');
  });

  it('refuses positions that are not numbers', async () => {
    const venn = await createEntity(db, caseFile.id, { name: 'Dario Venn', type: 'person' });
    const error = await rejection(saveChartLayout(db, caseFile.id, { [venn.id]: { x: Number.POSITIVE_INFINITY, y: 0 } }), ValidationError);
    expect(error.issues[0]!.message).toBe('A position must be a number.');
    expect(await chartLayoutOf(db, caseFile.id)).toBeNull();
  });

  it('takes a deleted entity off the chart', async () => {
    const venn = await createEntity(db, caseFile.id, { name: 'Dario Venn', type: 'person' });
    const quayline = await createEntity(db, caseFile.id, { name: 'Quayline', type: 'organisation' });
    await saveChartLayout(db, caseFile.id, { [venn.id]: { x: 1, y: 2 }, [quayline.id]: { x: 3, y: 4 } });
    await deleteRecord(db, { type: 'entity', id: venn.id });
    expect((await chartLayoutOf(db, caseFile.id))!.positions).toEqual({ [quayline.id]: { x: 3, y: 4 } });
  });
});
