import { rewriteIds, type IdSlot } from './ids';
import { ARCHIVED_TABLES, describeRow, recordHeading, recordWord, shortId, titleOfRow, type ArchivedCase, type ArchivedRow, type ArchivedTable } from './records';

/**
 * The references between the records of an archived case, and whether they resolve: what the import checks, after
 * every row has passed its schema and before anything is written. A reference Casebook itself leaves pointing at
 * nothing when a record is deleted (a mention in a text, the history, a merge's undo ... see `TOLERATED` in ids.ts) is
 * no error; any other that names a record not in the archive is.
 */

/** A reference from a row to a record: the record's table and id, the field holding it, and why it may dangle. */
export type Reference = Omit<IdSlot, 'own'>;

/** Every id a row points to (not its own): documentId, evidence, participants, tags, parents, mentions in its text ... */
export function referencesOf<T extends ArchivedTable>(table: T, row: ArchivedRow<T>): Reference[] {
  const found: Reference[] = [];
  rewriteIds(table, row, (slot) => {
    if (!slot.own) {
      const { own: _own, ...reference } = slot;
      found.push(reference);
    }
    return slot.id;
  });
  return found;
}

/** How a sentence names a row: Event “Payment to Corran Bay”; a row without a title (or a history entry) by its id. */
function nameOf(table: ArchivedTable, row: unknown): string {
  const title = table === 'history' ? null : titleOfRow(table, row);
  return title ? `${recordHeading(table)} “${title}”` : describeRow(table, row);
}

/**
 * The key that makes a row one of its table (its primary key in the database, as text): what two rows may not share,
 * what a reference names, and how the import tells which of a case's rows an archive has.
 */
export function rowKey(table: ArchivedTable, row: Record<string, unknown>): string | null {
  switch (table) {
    case 'chartLayouts':
    case 'reportOptions':
      return String(row.caseId);
    case 'dismissedSuggestions':
      return JSON.stringify([row.key, row.type]);
    case 'history':
      return String(row.seq);
    default:
      return typeof row.id === 'string' ? row.id : null;
  }
}

const rowsOf = <T extends ArchivedTable>(rows: Partial<ArchivedCase>, table: T): ArchivedRow<T>[] => (rows[table] ?? []) as ArchivedRow<T>[];

/** Two rows of a table under one key: the place of the first, and the second. */
export interface SameKey {
  table: ArchivedTable;
  first: number;
  row: unknown;
}

/**
 * The references of an archived case checked a row at a time, so that a case larger than memory's worth of objects
 * is checked from its rows' text, each row parsed, checked and dropped: every row's key first (`addKey`, one pass over
 * every table), then every row's references (`checkRow`, a second pass), since a row may point to one that comes after
 * it. What it keeps is each table's keys with their row's place, and each document's original (hash and size). Two
 * rows under one key are kept aside (`sameKeys`), to be named with the first row found again (`sameKeyProblem`).
 */
export class ReferenceCheck {
  readonly problems: string[] = [];
  readonly sameKeys: SameKey[] = [];
  private readonly keys = new Map<ArchivedTable, Map<string, number>>(ARCHIVED_TABLES.map((table) => [table, new Map()]));
  private readonly originals = new Map<string, { sha256: string; size: number; name: string }>();

  constructor(private readonly caseFile: ArchivedRow<'cases'>) {}

  /** The keys of a table's rows seen so far, each with its row's place. */
  keysOf(table: ArchivedTable): ReadonlyMap<string, number> {
    return this.keys.get(table)!;
  }

  /** First pass: the row's key, the `index`th row of its table; a key seen before is kept aside. */
  addKey<T extends ArchivedTable>(table: T, row: ArchivedRow<T>, index: number): void {
    const key = rowKey(table, row as Record<string, unknown>);
    if (key === null) return;
    const keys = this.keys.get(table)!;
    const first = keys.get(key);
    if (first === undefined) keys.set(key, index);
    else this.sameKeys.push({ table, first, row });
  }

  /** The problem of two rows under one key, `first` the row at its place. */
  static sameKeyProblem({ table, row }: SameKey, first: unknown): string {
    return table === 'chartLayouts' || table === 'reportOptions'
      ? `The archive holds two ${recordWord(table)} rows: a case has one.`
      : `${describeRow(table, first)} and ${describeRow(table, row)} are two ${recordWord(table)} records with the same key${table === 'history' ? ' (seq)' : ''}.`;
  }

  /**
   * Each id the row points to resolves, or Casebook tolerates it dangling: once every key of the tables it points to is
   * known. Given `complete`, the tables whose keys all are, a row pointing to another table answers false and is left
   * for later (nothing said of it yet); without it, every key is taken to be known (the second pass).
   */
  checkRow<T extends ArchivedTable>(table: T, row: ArchivedRow<T>, complete?: ReadonlySet<ArchivedTable>): boolean {
    const { caseFile } = this;
    const found: string[] = [];
    let waits = false;
    const says = nameOf(table, row);
    rewriteIds(table, row, (slot) => {
      if (slot.own || waits) return slot.id;
      if (slot.table === 'cases') {
        if (slot.id !== caseFile.id && !slot.tolerated) found.push(`${says} belongs to case ${shortId(slot.id)}, not to the archived case “${caseFile.name}”.`);
      } else if (!slot.tolerated) {
        if (complete && !complete.has(slot.table)) waits = true;
        else if (!this.keys.get(slot.table)!.has(slot.id))
          found.push(`${says} ${slot.says} ${recordWord(slot.table)} ${shortId(slot.id)}, which is not in the archive (${slot.field}).`);
      }
      return slot.id;
    });

    if (table === 'documents') {
      // A document names its original by hash and size, as duplicates are found: the file kept for it must be that one.
      // (Documents point to no other table, and come before their files in ARCHIVED_TABLES.)
      const document = row as ArchivedRow<'documents'>;
      this.originals.set(document.id, { sha256: document.sha256, size: document.size, name: nameOf('documents', document) });
    } else if (table === 'documentFiles') {
      const file = row as ArchivedRow<'documentFiles'>;
      const document = this.originals.get(file.id);
      if (document && (document.sha256 !== file.bytes.file || document.size !== file.bytes.size))
        found.push(
          `${document.name} names an original of ${document.size.toLocaleString('en')} bytes with SHA-256 ${shortId(document.sha256)}, but the archive keeps ${file.bytes.size.toLocaleString('en')} bytes with SHA-256 ${shortId(file.bytes.file)} for it.`,
        );
    } else if (table === 'history') {
      // An undo names the entry it undid by its place in the history, which is only ever added to.
      const entry = row as ArchivedRow<'history'>;
      if (entry.undoes !== undefined) {
        if (complete && !complete.has('history')) waits = true;
        else if (!this.keys.get('history')!.has(String(entry.undoes)))
          found.push(`${describeRow('history', entry)} undoes history entry ${entry.undoes}, which is not in the archive (undoes).`);
      }
    }
    if (waits) return false;
    this.problems.push(...found);
    return true;
  }
}

/** The problem when an archive does not hold exactly one case. */
export const caseCountProblem = (cases: number): string => `The archive holds ${cases} cases: it must hold exactly one.`;

/**
 * Every reference of an archived case checked: one case, each record once, every row of that case, and every id a row
 * points to naming a record of the archive, but for the references Casebook tolerates. Each problem is a sentence:
 * "Event “Payment to Corran Bay” cites excerpt 9a1c03e2…, which is not in the archive (evidenceIds[0])." None: the
 * case holds together. (The rows in memory; the import checks its rows' text a row at a time with `ReferenceCheck`.)
 */
export function checkReferences(rows: Partial<ArchivedCase>): string[] {
  const cases = rowsOf(rows, 'cases');
  if (cases.length !== 1) return [caseCountProblem(cases.length)];
  const check = new ReferenceCheck(cases[0]!);
  for (const table of ARCHIVED_TABLES) rowsOf(rows, table).forEach((row, index) => check.addKey(table, row, index));
  const problems = check.sameKeys.map((same) => ReferenceCheck.sameKeyProblem(same, rowsOf(rows, same.table)[same.first]));
  for (const table of ARCHIVED_TABLES) for (const row of rowsOf(rows, table)) check.checkRow(table, row);
  return [...problems, ...check.problems];
}
