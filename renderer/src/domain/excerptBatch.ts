import { z } from 'zod';
import type { Excerpt, Link, RecordRef } from '../../../shared/domain';
import { LINK_KIND_INFO, RECORD_KINDS, recordTitle, type LinkKind } from '../../../shared/vocabulary';
import { recordByRef } from '../db/queries/records';
import type { CasebookDB } from '../db/schema';
import { dropSupport } from './deletion';
import { NotFoundError, ValidationError } from './errors';
import { linkChangedEvent, forgetInEvents } from './events';
import { newId, now, parseInput, quoted, writeCase } from './writeCase';

/**
 * Changes to many excerpts at once, as the excerpts view's selection asks: each in one transaction with one history
 * entry, so a batch lands whole or not at all and reads as one change.
 */

const excerptIds = z
  .array(z.string().min(1))
  .min(1, { error: 'Select at least one excerpt first.' })
  .max(200_000)
  .transform((ids) => [...new Set(ids)]);

const tagBatchSchema = z.object({ excerptIds, tagId: z.string().min(1, { error: 'Choose a tag.' }) });
const linkBatchSchema = z.object({
  excerptIds,
  to: z.object({ type: z.enum(['entity', 'event'], { error: 'Excerpts link here to an entity or an event.' }), id: z.string().min(1, { error: 'Choose what to link to.' }) }),
});
const deleteBatchSchema = z.object({ excerptIds });

export type TagBatch = z.input<typeof tagBatchSchema>;
export type LinkBatch = z.input<typeof linkBatchSchema>;

const excerptsWord = (count: number) => `${count.toLocaleString('en')} ${count === 1 ? 'excerpt' : 'excerpts'}`;

/** The excerpts, read inside the transaction; all must still be in the case. */
async function excerptsOfCase(db: CasebookDB, caseId: string, ids: readonly string[]): Promise<Excerpt[]> {
  const found = await db.excerpts.bulkGet([...ids]);
  const missing = found.filter((excerpt) => !excerpt || excerpt.caseId !== caseId).length;
  if (missing)
    throw new NotFoundError(
      `${missing === 1 ? 'One of the selected excerpts is' : `${missing} of the selected excerpts are`} not in this case any more (deleted in another window?). Nothing was changed.`,
    );
  return found as Excerpt[];
}

/** Adds a tag of the case's codebook to every excerpt given (those that have it already keep it once). */
export function tagExcerpts(db: CasebookDB, caseId: string, input: TagBatch): Promise<{ tagged: number }> {
  return retag(db, caseId, input, {
    change: (tags, tagId) => (tags.includes(tagId) ? null : [...tags, tagId]),
    summary: (count, name) => `Tagged ${excerptsWord(count)} ${quoted(name)}`,
  });
}

/** Takes a tag off every excerpt given that has it (its sub-tags stay where they are given). */
export function untagExcerpts(db: CasebookDB, caseId: string, input: TagBatch): Promise<{ tagged: number }> {
  return retag(db, caseId, input, {
    change: (tags, tagId) => (tags.includes(tagId) ? tags.filter((id) => id !== tagId) : null),
    summary: (count, name) => `Removed the tag ${quoted(name)} from ${excerptsWord(count)}`,
  });
}

/**
 * Gives every excerpt given the tags `how.change` makes of its own (null: left as it is), in one transaction and one
 * history entry; `tagged` counts the excerpts changed.
 */
async function retag(
  db: CasebookDB,
  caseId: string,
  input: TagBatch,
  how: { change(tags: string[], tagId: string): string[] | null; summary(count: number, tagName: string): string },
): Promise<{ tagged: number }> {
  const { excerptIds: ids, tagId } = parseInput(tagBatchSchema, input);
  return writeCase(db, caseId, ['excerpts', 'tags'], async () => {
    const tag = await db.tags.get(tagId);
    if (!tag || tag.caseId !== caseId)
      throw new ValidationError([{ field: 'tagId', message: 'This tag is not in the case’s codebook any more. Choose another.' }]);
    const excerpts = await excerptsOfCase(db, caseId, ids);
    const at = now();
    const changed = excerpts.flatMap((excerpt) => {
      const tags = how.change(excerpt.tags, tagId);
      return tags ? [{ ...excerpt, tags, updatedAt: at }] : [];
    });
    await db.excerpts.bulkPut(changed);
    return {
      result: { tagged: changed.length },
      change: {
        action: 'update',
        summary: how.summary(changed.length, tag.name),
        records: changed.map((excerpt) => ({ type: 'excerpt' as const, id: excerpt.id })),
      },
    };
  });
}

/** How an excerpt is linked to a record of this type: it mentions an entity; an event has it as evidence. */
function linkBetween(excerptId: string, other: RecordRef): { from: RecordRef; to: RecordRef; kind: LinkKind } {
  const excerpt: RecordRef = { type: 'excerpt', id: excerptId };
  return other.type === 'event' ? { from: other, to: excerpt, kind: 'evidence' } : { from: excerpt, to: other, kind: 'mentions' };
}

/** Links every excerpt given to one entity or event; excerpts already linked to it that way are left as they are. */
export async function linkExcerpts(db: CasebookDB, caseId: string, input: LinkBatch): Promise<{ linked: number }> {
  const { excerptIds: ids, to } = parseInput(linkBatchSchema, input);
  return writeCase(db, caseId, ['excerpts', 'links', 'entities', 'events'], async () => {
    const target = await recordByRef(db, to);
    if (!target || target.caseId !== caseId)
      throw new ValidationError([{ field: 'to', message: `The ${RECORD_KINDS[to.type].label} to link is not in this case any more. Choose another.` }]);
    const excerpts = await excerptsOfCase(db, caseId, ids);
    const existing = await db.links.where('ends').equals(to.id).toArray();
    const already = new Set(existing.flatMap((link) => link.ends));
    const at = now();
    const links: Link[] = excerpts
      .filter((excerpt) => !already.has(excerpt.id))
      .map((excerpt) => {
        const { from, to: end, kind } = linkBetween(excerpt.id, to);
        return { id: newId(), caseId, from, to: end, kind, ends: [from.id, end.id], createdAt: at, updatedAt: at };
      });
    await db.links.bulkAdd(links);
    for (const link of links) await linkChangedEvent(db, link, true);
    const label = LINK_KIND_INFO[to.type === 'event' ? 'evidence' : 'mentions'].label;
    return {
      result: { linked: links.length },
      change: {
        action: 'link',
        summary: `Linked ${excerptsWord(links.length)} to ${quoted(recordTitle(to.type, target))} (${label})`,
        records: [to, ...links.map((link) => (link.from.type === 'excerpt' ? link.from : link.to))],
      },
    };
  });
}

/**
 * Deletes the excerpts given with every link to them, so no link is left pointing at nothing; relationships they
 * supported lose them.
 */
export async function deleteExcerpts(db: CasebookDB, caseId: string, input: { excerptIds: string[] }): Promise<{ deleted: number; links: number }> {
  const { excerptIds: ids } = parseInput(deleteBatchSchema, input);
  return writeCase(db, caseId, ['excerpts', 'links', 'relationships', 'events'], async () => {
    await excerptsOfCase(db, caseId, ids);
    const linkIds = [...new Set(await db.links.where('ends').anyOf(ids).primaryKeys())];
    await db.links.bulkDelete(linkIds);
    await dropSupport(db, [...new Set(await db.relationships.where('excerptIds').anyOf(ids).primaryKeys())], ids);
    await forgetInEvents(db, { excerptIds: ids });
    await db.excerpts.bulkDelete(ids);
    const links = linkIds.length ? ` and ${linkIds.length.toLocaleString('en')} ${linkIds.length === 1 ? 'link' : 'links'}` : '';
    return {
      result: { deleted: ids.length, links: linkIds.length },
      change: {
        action: 'delete',
        summary: `Deleted ${excerptsWord(ids.length)}${links}`,
        records: ids.map((id) => ({ type: 'excerpt' as const, id })),
      },
    };
  });
}
