import type { CaseFile } from '../../../shared/domain';
import { caseInputSchema, type CaseInput } from '../../../shared/validation';
import { CASE_TABLES, type CasebookDB } from '../db/schema';
import { newId, now, parseInput, quoted } from './writeCase';
import { NotFoundError, ValidationError } from './errors';

const duplicateName = (name: string) =>
  new ValidationError([{ field: 'name', message: `A case named ${quoted(name)} already exists. Choose another name.` }]);

export async function createCase(db: CasebookDB, input: CaseInput): Promise<CaseFile> {
  const { name, description, locale } = parseInput(caseInputSchema, input);
  const at = now();
  const caseFile: CaseFile = {
    id: newId(),
    name,
    nameKey: name.toLocaleLowerCase(),
    description,
    locale: locale ?? null,
    createdAt: at,
    updatedAt: at,
  };
  await db.transaction('rw', db.cases, db.history, async () => {
    if (await db.cases.where('nameKey').equals(caseFile.nameKey).count()) throw duplicateName(name);
    await db.cases.add(caseFile);
    await db.history.add({
      caseId: caseFile.id,
      at,
      action: 'create',
      summary: `Created case ${quoted(name)}`,
      records: [],
    });
  });
  return caseFile;
}

/** Renames a case, rewrites its description, and/or changes the locale its dates are read in. */
export async function updateCase(db: CasebookDB, caseId: string, input: CaseInput): Promise<CaseFile> {
  const { name, description, locale } = parseInput(caseInputSchema, input);
  return db.transaction('rw', db.cases, db.history, async () => {
    const existing = await db.cases.get(caseId);
    if (!existing) throw new NotFoundError('This case no longer exists. It may have been deleted in another window.');
    const nameKey = name.toLocaleLowerCase();
    const clash = await db.cases.where('nameKey').equals(nameKey).first();
    if (clash && clash.id !== caseId) throw duplicateName(name);
    const at = now();
    const updated: CaseFile = { ...existing, name, nameKey, description, locale: locale === undefined ? existing.locale : locale, updatedAt: at };
    await db.cases.put(updated);
    const renamed = existing.name !== name;
    await db.history.add({
      caseId,
      at,
      action: 'update',
      summary: renamed
        ? `Renamed case ${quoted(existing.name)} to ${quoted(name)}`
        : updated.locale !== existing.locale && JSON.stringify(existing.description) === JSON.stringify(description)
          ? `Changed how the case's dates are read`
          : `Edited the case description`,
      records: [],
    });
    return updated;
  });
}

/** Deletes a case and every record in it, in one transaction. */
export async function deleteCase(db: CasebookDB, caseId: string): Promise<void> {
  // The tables this database declares: an upgrade's test deletes a case at the version it upgraded to, before later tables.
  const tables = CASE_TABLES.filter((table) => db.tables.some((declared) => declared.name === table));
  await db.transaction('rw', ['cases', ...tables], async () => {
    if (!(await db.cases.get(caseId))) throw new NotFoundError('This case was already deleted.');
    for (const table of tables) await db.table(table).where('caseId').equals(caseId).delete();
    await db.cases.delete(caseId);
  });
}
