import type { CaseRecord, RecordRef, RecordType } from '../../../../shared/domain';
import { tableOf } from '../../../../shared/vocabulary';
import type { CasebookDB } from '../schema';

/** One record of any type, by its reference. */
export async function recordByRef(db: CasebookDB, ref: RecordRef): Promise<CaseRecord | undefined> {
  return (await db.table(tableOf(ref.type)).get(ref.id)) as CaseRecord | undefined;
}

/** Every record of one type in a case, in no particular order. */
export function recordsOfType(db: CasebookDB, caseId: string, type: RecordType): Promise<CaseRecord[]> {
  return db.table(tableOf(type)).where('caseId').equals(caseId).toArray() as Promise<CaseRecord[]>;
}

/**
 * Records of several types at once: one bulk read per record type, in the order asked, undefined where one is gone.
 * Several tables are read in one transaction, so the records agree with one another.
 */
export async function recordsByRef(db: CasebookDB, refs: readonly RecordRef[]): Promise<(CaseRecord | undefined)[]> {
  const byType = new Map<RecordType, number[]>();
  refs.forEach((ref, index) => byType.set(ref.type, [...(byType.get(ref.type) ?? []), index]));
  const found: (CaseRecord | undefined)[] = new Array(refs.length);
  const readAll = () =>
    Promise.all(
      [...byType].map(async ([type, indexes]) => {
        const rows = (await db.table(tableOf(type)).bulkGet(indexes.map((index) => refs[index]!.id))) as (
          | CaseRecord
          | undefined
        )[];
        rows.forEach((row, position) => (found[indexes[position]!] = row));
      }),
    );
  if (byType.size > 1) await db.transaction('r', [...byType.keys()].map(tableOf), readAll);
  else await readAll();
  return found;
}
