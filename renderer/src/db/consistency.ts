import { ReferenceCheck } from '../../../shared/archive/references';
import { ARCHIVED_TABLES, describeRow, parseArchivedRow, shortId, type ArchivedRow, type ArchivedTable } from '../../../shared/archive/records';
import { CASE_TABLES } from '../../../shared/vocabulary';

/**
 * Whether the case library holds together, as a crash must leave it: what the crash tests (tests/e2e/crash.spec.ts)
 * check after each kill. Every write of the domain is one IndexedDB transaction, so a crash leaves each operation
 * whole or absent; what would show otherwise is a row that names a record that is not there, a row of a case that is
 * gone, a document without its original file, or a row the archive's schema refuses. The references and what may
 * dangle on purpose are the archive's (shared/archive/ids.ts), so this check and the archive import never disagree.
 */

/**
 * Every row of the database by table, read as they are stored, binary fields (Blobs) as the archive refers to them:
 * `{ file: <sha256>, size, type }`. A saved search index only by its case: it is derived, and large.
 */
export type DatabaseRows = Record<string, Record<string, unknown>[]>;

/**
 * Reads every row of the IndexedDB database `name` in one read-only transaction. It refers to nothing outside itself,
 * so that a test can run it in the app's page as its own text (`page.evaluate(readDatabaseRows, 'casebook')`): it
 * reads IndexedDB directly rather than through the app, as a second opinion on what the app wrote.
 */
export async function readDatabaseRows(name: string): Promise<DatabaseRows> {
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`IndexedDB could not open ${name}`));
  });
  try {
    const stores = [...database.objectStoreNames];
    const transaction = database.transaction(stores, 'readonly');
    const stored = await Promise.all(
      stores.map(
        (store) =>
          new Promise<Record<string, unknown>[]>((resolve, reject) => {
            const request = transaction.objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
            request.onerror = () => reject(request.error ?? new Error(`IndexedDB could not read ${store}`));
          }),
      ),
    );
    const hex = async (blob: Blob) =>
      [...new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()))]
        .map((byte) => byte.toString(16).padStart(2, '0'))
        .join('');
    const asStored = async (row: Record<string, unknown>) => {
      const out: Record<string, unknown> = { ...row };
      for (const [key, value] of Object.entries(row))
        if (value instanceof Blob) out[key] = { file: await hex(value), size: value.size, ...(value.type && { type: value.type }) };
      return out;
    };
    const rows: DatabaseRows = {};
    for (const [index, store] of stores.entries())
      rows[store] = store === 'searchIndexes' ? stored[index]!.map((row) => ({ caseId: row.caseId })) : await Promise.all(stored[index]!.map(asStored));
    return rows;
  } finally {
    database.close();
  }
}

const rowsOf = (rows: DatabaseRows, table: string): Record<string, unknown>[] => rows[table] ?? [];

/**
 * What is wrong with the library, each problem a sentence naming the case and the record (none: it holds together):
 *
 * - every row parses as the archive's schema for its table (a row written half would not);
 * - every row of a case's tables belongs to a case that is there (a case deleted or imported half would leave some);
 * - every id a row points to names a record of its case, but for those Casebook leaves dangling on purpose
 *   (`TOLERATED` in shared/archive/ids.ts): an excerpt's document, an event's evidence and participants, a link's and
 *   a relationship's ends, tags, note folders, a merge's moved links ...;
 * - every document has its original file, of the size and SHA-256 the document names.
 */
export function checkConsistency(rows: DatabaseRows): string[] {
  const problems: string[] = [];
  const cases = rowsOf(rows, 'cases');
  const caseIds = new Set(cases.map((caseFile) => caseFile.id));
  for (const table of CASE_TABLES)
    for (const row of rowsOf(rows, table))
      if (!caseIds.has(row.caseId))
        problems.push(
          `${table === 'searchIndexes' ? 'A saved search index' : describeRow(table, row)} belongs to case ${shortId(String(row.caseId))}, which is not in the library.`,
        );

  for (const stored of cases) {
    const parsedCase = parseArchivedRow('cases', stored);
    if ('problem' in parsedCase) {
      problems.push(parsedCase.problem);
      continue;
    }
    const caseFile = parsedCase.ok;
    const inCase = (message: string) => `In case “${caseFile.name}”: ${message}`;
    const own = new Map<ArchivedTable, ArchivedRow<ArchivedTable>[]>();
    for (const table of ARCHIVED_TABLES) {
      const parsed: ArchivedRow<ArchivedTable>[] = [];
      for (const row of table === 'cases' ? [stored] : rowsOf(rows, table).filter((row) => row.caseId === caseFile.id)) {
        const result = parseArchivedRow(table, row);
        if ('problem' in result) problems.push(inCase(result.problem));
        else parsed.push(result.ok);
      }
      own.set(table, parsed);
    }
    const check = new ReferenceCheck(caseFile);
    for (const [table, parsed] of own) parsed.forEach((row, index) => check.addKey(table, row, index));
    for (const same of check.sameKeys) problems.push(inCase(ReferenceCheck.sameKeyProblem(same, own.get(same.table)![same.first])));
    for (const [table, parsed] of own) for (const row of parsed) check.checkRow(table, row);
    problems.push(...check.problems.map(inCase));
    const originals = check.keysOf('documentFiles');
    for (const document of own.get('documents')!)
      if (!originals.has((document as ArchivedRow<'documents'>).id))
        problems.push(inCase(`${describeRow('documents', document)} has no original file.`));
  }
  return problems;
}
