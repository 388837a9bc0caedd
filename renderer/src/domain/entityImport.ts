/**
 * Importing a list of names as entities in one step: pasted lines, or a CSV with the columns name, type and aliases.
 * All or nothing: every row is reported (added, skipped as already in the case, or refused and why), and if any row
 * is refused nothing is added, so the researcher fixes the list and imports it again.
 */
import type { Entity } from '../../../shared/domain';
import { ENTITY_TYPES, type CaseEntityType } from '../../../shared/domain';
import { entityNameKey, entityTypeLabel, isBuiltInEntityType } from '../../../shared/entities';
import { IMPORT_ROWS, LIMITS } from '../../../shared/limits';
import { entityImportSchemaFor, entityInputSchema, type EntityImportInput } from '../../../shared/validation';
import type { CasebookDB } from '../db/schema';
import { NamesInCase, buildEntity, clashMessage } from './entities';
import { ValidationError } from './errors';
import { now, parseInput, quoted, writeCase } from './writeCase';

/** What became of one row of the list. */
export interface EntityImportRow {
  /** As a spreadsheet numbers it: the CSV's header is row 1; a pasted list's first line is row 1. */
  row: number;
  name: string;
  /** `ready`: nothing wrong with it, yet not added, because another row was refused. */
  outcome: 'added' | 'ready' | 'skipped' | 'refused';
  /** Why it was skipped or refused: "Row 4: unknown type “suspect” …"; null for a row added. */
  message: string | null;
  /** The entity added, or the one already in the case that a skipped row names (to open it). */
  entityId: string | null;
}

export interface EntityImportReport {
  /** False when a row was refused: then nothing was added. */
  imported: boolean;
  added: Entity[];
  rows: EntityImportRow[];
  /** One sentence for the whole list: "Imported 12 entities; 2 already in the case were skipped." */
  summary: string;
}

/** A row read from the list, before it is checked. */
interface ListRow {
  row: number;
  name: string;
  /** As written in the CSV; for a pasted list, the type chosen for all of it. */
  type: string;
  aliases: string[];
  /** What is wrong with the row's shape, found while reading it. */
  problem?: string;
}

const COLUMNS = 'name, type and (if any) aliases';
const splitAliases = (cell: string | undefined) => (cell ?? '').split(';');
const blank = (cells: readonly string[]) => cells.every((cell) => !cell.trim());
const tooLongList = (field: string) => new ValidationError([{ field, message: `The list is too long: ${IMPORT_ROWS}` }]);

/** A pasted list: one entity a line, aliases after semicolons ("Marta Kowal; M. Kowal"); blank lines skipped. */
function readLines(text: string, type: string): ListRow[] {
  const rows: ListRow[] = [];
  for (const [index, line] of text.split(/\r\n|\n|\r/).entries()) {
    if (!line.trim()) continue;
    const [name = '', ...aliases] = line.split(';');
    rows.push({ row: index + 1, name, type, aliases });
    if (rows.length > LIMITS.entityImportRows) throw tooLongList('lines');
  }
  return rows;
}

/** A CSV whose first row names its columns: name and type are needed, aliases may be left out; others are ignored. */
async function readCsv(text: string): Promise<ListRow[]> {
  const { default: Papa } = await import('papaparse');
  // One row more than allowed, and the header, tell a list over the limit without reading all of it.
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { preview: LIMITS.entityImportRows + 2, skipEmptyLines: false });
  const [header = [], ...records] = parsed.data;
  const columns = header.map((cell) => cell.trim().toLocaleLowerCase());
  const column = (...names: string[]) => columns.findIndex((name) => names.includes(name));
  const at = { name: column('name'), type: column('type'), aliases: column('aliases', 'alias') };
  const missing = (['name', 'type'] as const).filter((name) => at[name] < 0);
  if (blank(header) && records.every(blank)) throw new ValidationError([{ field: 'csv', message: 'The CSV is empty: there is nothing to import.' }]);
  if (missing.length)
    throw new ValidationError([
      {
        field: 'csv',
        message: `The CSV has no ${missing.map((name) => `“${name}”`).join(' or ')} column. Its first row must name the columns: ${COLUMNS}.`,
      },
    ]);
  const brokenRows = new Map<number, string>();
  for (const error of parsed.errors)
    if (error.row !== undefined && error.type === 'Quotes') brokenRows.set(error.row, 'a quote is opened and never closed; check the quotes around its cells.');
  const rows: ListRow[] = [];
  for (const [index, cells] of records.entries()) {
    if (blank(cells)) continue;
    const row = index + 2;
    const needed = Math.max(at.name, at.type);
    const problem =
      brokenRows.get(index + 1) ??
      (cells.length <= needed
        ? `it has ${cells.length} ${cells.length === 1 ? 'column' : 'columns'}, the header ${columns.length}: the ${cells.length <= at.name ? 'name' : 'type'} column is missing.`
        : cells.length > columns.length
          ? `it has ${cells.length} columns, the header ${columns.length}: a name with a comma must be in quotes ("Kowal, Marta").`
          : undefined);
    rows.push({
      row,
      name: cells[at.name] ?? '',
      type: cells[at.type] ?? '',
      aliases: at.aliases < 0 ? [] : splitAliases(cells[at.aliases]),
      ...(problem && { problem }),
    });
  }
  if (rows.length > LIMITS.entityImportRows || parsed.meta.truncated) throw tooLongList('csv');
  if (!rows.length) throw new ValidationError([{ field: 'csv', message: 'The CSV has a header but no rows: there is nothing to import.' }]);
  return rows;
}

/** The type a row names: a built-in type, or one of the case's own, by name (case and spacing do not matter). */
function typeNamed(written: string, ownTypes: readonly CaseEntityType[]): string | null {
  const key = entityNameKey(written);
  if (isBuiltInEntityType(key)) return key;
  return ownTypes.find((type) => type.nameKey === key || type.id === written)?.id ?? null;
}

const knownTypes = (ownTypes: readonly CaseEntityType[]) =>
  `${ENTITY_TYPES.join(', ')}${ownTypes.length ? `, or one of this case’s own: ${ownTypes.map((type) => type.name).join(', ')}` : ''}`;

/** Thrown inside the transaction to leave it without writing, carrying the report out. */
class NothingWritten extends Error {
  constructor(readonly report: EntityImportReport) {
    super(report.summary);
  }
}

const entitiesWord = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'entity' : 'entities'}`;

/**
 * Imports a list of entities into a case in one transaction and one history entry, reporting each row. Rows naming an
 * entity the case already has (by name or alias, within the same type) are skipped, not failing the list; a row that
 * is refused (empty name, unknown type, missing column, twice in the list…) stops the whole import, nothing added. A
 * list over `LIMITS.entityImportRows` rows, or a CSV without the name or type column, is refused whole.
 */
export async function importEntities(db: CasebookDB, caseId: string, input: EntityImportInput): Promise<EntityImportReport> {
  const parsed: { csv: string } | { lines: string; type: string } = parseInput(entityImportSchemaFor(input), input);
  const source = 'csv' in parsed ? 'a CSV file' : 'a pasted list';
  const listed = 'csv' in parsed ? await readCsv(parsed.csv) : readLines(parsed.lines, parsed.type);
  if (!listed.length) throw new ValidationError([{ field: 'lines', message: 'The list is empty: paste one name a line.' }]);
  const at = now();
  try {
    return await writeCase(db, caseId, ['entities', 'entityTypes'], async () => {
      const ownTypes = await db.entityTypes.where('caseId').equals(caseId).toArray();
      if ('lines' in parsed && !typeNamed(parsed.type, ownTypes))
        throw new ValidationError([{ field: 'type', message: `Type must be one of: ${knownTypes(ownTypes)}.` }]);
      const inCase = await NamesInCase.of(db, caseId);
      const inList = new NamesInCase<number>();
      const rows: EntityImportRow[] = [];
      const added: Entity[] = [];
      for (const listRow of listed) {
        const { row } = listRow;
        const report = (outcome: EntityImportRow['outcome'], message: string | null, entityId: string | null = null) =>
          rows.push({ row, name: listRow.name.trim(), outcome, message: message && `Row ${row}: ${message}`, entityId });
        if (listRow.problem) {
          report('refused', listRow.problem);
          continue;
        }
        const type = typeNamed(listRow.type, ownTypes);
        if (!type) {
          report(
            'refused',
            listRow.type.trim()
              ? `unknown type ${quoted(listRow.type.trim())}. Use one of: ${knownTypes(ownTypes)}.`
              : `the type is empty. Use one of: ${knownTypes(ownTypes)}.`,
          );
          continue;
        }
        const checked = entityInputSchema.safeParse({ name: listRow.name, type, aliases: listRow.aliases });
        if (!checked.success) {
          report('refused', checked.error.issues[0]!.message);
          continue;
        }
        const entity = buildEntity(caseId, checked.data, at);
        const typeLabel = entityTypeLabel(type, ownTypes);
        const clash = inCase.find(entity);
        if (clash) {
          report('skipped', clashMessage({ ...clash, other: clash.owner }, typeLabel, 'Skipped.'), clash.owner.id);
          continue;
        }
        const earlier = inList.find(entity);
        if (earlier) {
          report('refused', `the ${typeLabel} ${quoted(earlier.name)} is already on row ${earlier.owner}. Keep one of them.`);
          continue;
        }
        inList.add(entity, row);
        added.push(entity);
        report('added', null, entity.id);
      }
      const refused = rows.filter((row) => row.outcome === 'refused').length;
      const skipped = rows.length - added.length - refused;
      const skippedWords = skipped ? `${entitiesWord(skipped)} already in the case ${skipped === 1 ? 'was' : 'were'} skipped` : '';
      if (refused)
        throw new NothingWritten({
          imported: false,
          added: [],
          rows: rows.map((row) => (row.outcome === 'added' ? { ...row, outcome: 'ready', entityId: null } : row)),
          summary: `Nothing was imported: ${refused.toLocaleString('en')} ${refused === 1 ? 'row' : 'rows'} cannot be. Correct ${refused === 1 ? 'it' : 'them'} and import the list again.`,
        });
      if (!added.length) throw new NothingWritten({ imported: true, added, rows, summary: `Nothing new to import: ${skippedWords}.` });
      await db.entities.bulkAdd(added);
      const summary = `Imported ${entitiesWord(added.length)} from ${source}${skipped ? `; ${skippedWords}` : ''}`;
      return {
        result: { imported: true, added, rows, summary: `${summary}.` },
        change: {
          action: 'import',
          summary,
          records: added.length <= 100 ? added.map((entity) => ({ type: 'entity' as const, id: entity.id })) : [],
        },
      };
    });
  } catch (error) {
    if (error instanceof NothingWritten) return error.report;
    throw error;
  }
}
