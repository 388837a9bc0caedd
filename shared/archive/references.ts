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

/** The key that makes a row one of its table, for the tables not keyed by `id`. */
function keyOf(table: ArchivedTable, row: Record<string, unknown>): string | null {
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

/**
 * Every reference of an archived case checked: one case, each record once, every row of that case, and every id a row
 * points to naming a record of the archive, but for the references Casebook tolerates. Each problem is a sentence:
 * "Event “Payment to Corran Bay” cites excerpt 9a1c03e2…, which is not in the archive (evidenceIds[0])." None: the
 * case holds together.
 */
export function checkReferences(rows: Partial<ArchivedCase>): string[] {
  const problems: string[] = [];
  const cases = rowsOf(rows, 'cases');
  if (cases.length !== 1) return [`The archive holds ${cases.length} cases: it must hold exactly one.`];
  const caseFile = cases[0]!;

  const present = new Map<ArchivedTable, Set<string>>();
  for (const table of ARCHIVED_TABLES) {
    const keys = new Map<string, unknown>();
    for (const row of rowsOf(rows, table)) {
      const key = keyOf(table, row as Record<string, unknown>);
      if (key === null) continue;
      const other = keys.get(key);
      if (other !== undefined)
        problems.push(
          table === 'chartLayouts' || table === 'reportOptions'
            ? `The archive holds two ${recordWord(table)} rows: a case has one.`
            : `${describeRow(table, other)} and ${describeRow(table, row)} are two ${recordWord(table)} records with the same key${table === 'history' ? ' (seq)' : ''}.`,
        );
      else keys.set(key, row);
    }
    present.set(table, new Set(keys.keys()));
  }

  for (const table of ARCHIVED_TABLES) {
    for (const row of rowsOf(rows, table)) {
      const says = nameOf(table, row);
      rewriteIds(table, row, (slot) => {
        if (slot.own) return slot.id;
        if (slot.table === 'cases') {
          if (slot.id !== caseFile.id && !slot.tolerated)
            problems.push(`${says} belongs to case ${shortId(slot.id)}, not to the archived case “${caseFile.name}”.`);
        } else if (!slot.tolerated && !present.get(slot.table)!.has(slot.id))
          problems.push(`${says} ${slot.says} ${recordWord(slot.table)} ${shortId(slot.id)}, which is not in the archive (${slot.field}).`);
        return slot.id;
      });
    }
  }

  // A document names its original by hash and size, as duplicates are found: the file kept for it must be that one.
  const documents = new Map(rowsOf(rows, 'documents').map((document) => [document.id, document]));
  for (const file of rowsOf(rows, 'documentFiles')) {
    const document = documents.get(file.id);
    if (document && (document.sha256 !== file.bytes.file || document.size !== file.bytes.size))
      problems.push(`${nameOf('documents', document)} names an original of ${document.size.toLocaleString('en')} bytes with SHA-256 ${shortId(document.sha256)}, but the archive keeps ${file.bytes.size.toLocaleString('en')} bytes with SHA-256 ${shortId(file.bytes.file)} for it.`);
  }

  // An undo names the entry it undid by its place in the history, which is only ever added to.
  const seqs = present.get('history')!;
  for (const entry of rowsOf(rows, 'history'))
    if (entry.undoes !== undefined && !seqs.has(String(entry.undoes)))
      problems.push(`${describeRow('history', entry)} undoes history entry ${entry.undoes}, which is not in the archive (undoes).`);
  return problems;
}
