import type { Link, LinkKind } from '../../../shared/domain';
import { linkInputSchema, type LinkInput } from '../../../shared/validation';
import type { CasebookDB } from '../db/schema';
import { newId, now, parseInput, quoted, writeCase } from './core';
import { NotFoundError, ValidationError } from './errors';
import { TABLE_OF, TYPE_LABEL, getRecord, recordTitle } from './records';

/** Kinds that read the same both ways: A related to B is B related to A, so only one of the two is kept. */
const SYMMETRIC_KINDS: ReadonlySet<LinkKind> = new Set(['related-to', 'contacted']);

/** Links record A to record B with a typed edge ("excerpt mentions entity"). Both must belong to the case. */
export async function linkRecords(db: CasebookDB, caseId: string, input: LinkInput): Promise<Link> {
  const { from, to, kind } = parseInput(linkInputSchema, input);
  const tables = [...new Set([TABLE_OF[from.type], TABLE_OF[to.type], 'links' as const])];
  return writeCase(db, caseId, tables, async () => {
    const [source, target] = await Promise.all([getRecord(db, from), getRecord(db, to)]);
    for (const [ref, record] of [
      [from, source],
      [to, target],
    ] as const) {
      if (!record || record.caseId !== caseId)
        throw new NotFoundError(`The ${TYPE_LABEL[ref.type]} to link is not in this case any more.`);
    }
    const existing = await db.links.where('ends').equals(from.id).toArray();
    const same = (link: Link) =>
      link.kind === kind &&
      ((link.from.id === from.id && link.to.id === to.id) ||
        (SYMMETRIC_KINDS.has(kind) && link.from.id === to.id && link.to.id === from.id));
    if (existing.some(same))
      throw new ValidationError([{ field: 'kind', message: 'These two records are already linked this way.' }]);
    const at = now();
    const link: Link = { id: newId(), caseId, from, to, kind, ends: [from.id, to.id], createdAt: at, updatedAt: at };
    await db.links.add(link);
    return {
      result: link,
      change: {
        action: 'link',
        summary: `Linked ${quoted(recordTitle(source!))} ${kind.replace('-', ' ')} ${quoted(recordTitle(target!))}`,
        records: [from, to],
      },
    };
  });
}

export async function unlinkRecords(db: CasebookDB, linkId: string): Promise<void> {
  const link = await db.links.get(linkId);
  if (!link) return;
  await writeCase(db, link.caseId, ['links'], async () => {
    await db.links.delete(linkId);
    return {
      result: undefined,
      change: { action: 'unlink', summary: `Removed the “${link.kind}” link`, records: [link.from, link.to] },
    };
  });
}

/** Every link that starts or ends at the record: one indexed query on the multi-entry `ends` index. */
export function linksOf(db: CasebookDB, recordId: string): Promise<Link[]> {
  return db.links.where('ends').equals(recordId).toArray();
}
