import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../tests/unit/database';
import { reportOptionsOf } from '../db/queries/report';
import type { CasebookDB } from '../db/schema';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../report/options';
import { createCase, deleteCase } from './cases';
import { saveReportOptions } from './reportOptions';

const opened: CasebookDB[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

async function caseWithDatabase() {
  const db = freshDatabase();
  opened.push(db);
  const caseFile = await createCase(db, { name: 'Harbour contracts' });
  return { db, caseFile };
}

describe('report options remembered per case', () => {
  it('are the defaults until saved, then the ones saved, for that case only', async () => {
    const { db, caseFile } = await caseWithDatabase();
    const other = await createCase(db, { name: 'Quay permits' });
    expect(await reportOptionsOf(db, caseFile.id)).toEqual(DEFAULT_REPORT_OPTIONS);

    const chosen: ReportOptions = {
      ...DEFAULT_REPORT_OPTIONS,
      title: 'Harbour contracts: what we know',
      confidentiality: 'Prepared for counsel',
      sections: { ...DEFAULT_REPORT_OPTIONS.sections, history: true },
      selection: { ...DEFAULT_REPORT_OPTIONS.selection, from: '2021-03', to: '2022' },
    };
    await saveReportOptions(db, caseFile.id, chosen);
    expect(await reportOptionsOf(db, caseFile.id)).toEqual(chosen);
    expect(await reportOptionsOf(db, other.id)).toEqual(DEFAULT_REPORT_OPTIONS);
  });

  it('leave the case’s history and last-changed time alone: they are a preference, not a change', async () => {
    const { db, caseFile } = await caseWithDatabase();
    const history = await db.history.count();
    await saveReportOptions(db, caseFile.id, { ...DEFAULT_REPORT_OPTIONS, author: 'Ilse Maren' });
    expect(await db.history.count()).toBe(history);
    expect((await db.cases.get(caseFile.id))?.updatedAt).toBe(caseFile.updatedAt);
  });

  it('refuses options that break the rules, saying which, and a case that is gone', async () => {
    const { db, caseFile } = await caseWithDatabase();
    await expect(saveReportOptions(db, caseFile.id, { ...DEFAULT_REPORT_OPTIONS, paper: 'A0' as 'A4' })).rejects.toMatchObject({
      name: 'ValidationError',
      issues: [{ field: 'paper' }],
    });
    await expect(
      saveReportOptions(db, caseFile.id, { ...DEFAULT_REPORT_OPTIONS, selection: { ...DEFAULT_REPORT_OPTIONS.selection, from: 'March' } }),
    ).rejects.toMatchObject({ issues: [{ field: 'selection.from' }] });
    expect(await db.reportOptions.count()).toBe(0);
    await deleteCase(db, caseFile.id);
    await expect(saveReportOptions(db, caseFile.id, DEFAULT_REPORT_OPTIONS)).rejects.toThrow('This case no longer exists');
  });

  it('go with their case when it is deleted', async () => {
    const { db, caseFile } = await caseWithDatabase();
    await saveReportOptions(db, caseFile.id, DEFAULT_REPORT_OPTIONS);
    await deleteCase(db, caseFile.id);
    expect(await db.reportOptions.count()).toBe(0);
  });
});
