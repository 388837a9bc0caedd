import type { Link } from '../../../shared/domain';
import { linkInputSchema, type LinkInput } from '../../../shared/validation';
import { LINK_KIND_INFO, RECORD_KINDS, isKeptByText, linkAllowed, linkEndsMessage, recordTitle, tableOf } from '../../../shared/vocabulary';
import { linksOf } from '../db/queries/links';
import { recordByRef } from '../db/queries/records';
import type { CasebookDB } from '../db/schema';
import { newId, now, parseInput, quoted, writeCase } from './writeCase';
import { NotFoundError, ValidationError } from './errors';
import { linkChangedEvent } from './events';

/**
 * Links record A to record B with a typed edge ("excerpt mentions entity"). Both must belong to the case, and the
 * kind must allow their types at its two ends.
 */
export async function linkRecords(db: CasebookDB, caseId: string, input: LinkInput): Promise<Link> {
  const { from, to, kind } = parseInput(linkInputSchema, input);
  if (isKeptByText(kind))
    throw new ValidationError([{ field: 'kind', message: `“${LINK_KIND_INFO[kind].label}” links follow the note’s text: mention the record in the note instead.` }]);
  // An event's participants, evidence and place follow its links (domain/events.ts), so those tables come too.
  const tables = [...new Set([tableOf(from.type), tableOf(to.type), 'links' as const, ...(from.type === 'event' ? (['events', 'entities'] as const) : [])])];
  return writeCase(db, caseId, tables, async () => {
    const [source, target] = await Promise.all([recordByRef(db, from), recordByRef(db, to)]);
    for (const [ref, record] of [
      [from, source],
      [to, target],
    ] as const) {
      if (!record || record.caseId !== caseId)
        throw new NotFoundError(`The ${RECORD_KINDS[ref.type].label} to link is not in this case any more.`);
    }
    if (!linkAllowed(kind, from.type, to.type))
      throw new ValidationError([{ field: 'kind', message: linkEndsMessage(kind) }]);
    const { symmetric, label } = LINK_KIND_INFO[kind];
    const existing = await linksOf(db, from.id);
    const same = (link: Link) =>
      link.kind === kind &&
      ((link.from.id === from.id && link.to.id === to.id) ||
        (symmetric && link.from.id === to.id && link.to.id === from.id));
    if (existing.some(same))
      throw new ValidationError([{ field: 'kind', message: 'These two records are already linked this way.' }]);
    const at = now();
    const link: Link = { id: newId(), caseId, from, to, kind, ends: [from.id, to.id], createdAt: at, updatedAt: at };
    await db.links.add(link);
    await linkChangedEvent(db, link, true);
    return {
      result: link,
      change: {
        action: 'link',
        summary: `Linked ${quoted(recordTitle(from.type, source!))} ${label} ${quoted(recordTitle(to.type, target!))}`,
        records: [from, to],
      },
    };
  });
}

export async function unlinkRecords(db: CasebookDB, linkId: string): Promise<void> {
  const link = await db.links.get(linkId);
  if (!link) return;
  await writeCase(db, link.caseId, ['links', 'events', 'entities'], async () => {
    await db.links.delete(linkId);
    await linkChangedEvent(db, link, false);
    return {
      result: undefined,
      change: { action: 'unlink', summary: `Removed the “${link.kind}” link`, records: [link.from, link.to] },
    };
  });
}
