import type { Excerpt, Link, Note, RecordRef, RichText } from '../../../shared/domain';
import { referencesIn, refKey, withCurrentLabels } from '../../../shared/textReferences';
import { RECORD_TYPES, TEXT_LINK_KIND, recordTitle, tableOf } from '../../../shared/vocabulary';
import { textRecords } from '../db/queries/textRecords';
import type { CasebookDB } from '../db/schema';
import { newId, now } from './writeCase';

/** The tables keeping a text's links in step reads and writes: the links, and every record a text can refer to. */
export const TEXT_LINK_TABLES = ['links', ...RECORD_TYPES.map(tableOf)] as const;

/**
 * Keeps the links a record's text makes (its `@` mentions and `[[` links, shared/textReferences.ts) in step with the
 * text: one `text-mention` link to each record it refers to, none to any other. Only links of that kind are added or
 * removed; links made by hand stay. A mention of a merged-away entity links to the entity kept; a mention of a record
 * deleted meanwhile (or of another case's) gets no link and stays in the text, shown as missing. Runs inside the
 * caller's transaction, which must include `TEXT_LINK_TABLES`, so the text and its links are saved together.
 *
 * Returns the text with each mention's stored title brought up to date (a mention of a record gone keeps its own),
 * so that what is stored, and searched, names the records as they are called at the time of the save.
 */
export async function keepTextLinksInStep(db: CasebookDB, caseId: string, from: RecordRef, text: RichText | null): Promise<RichText | null> {
  const found = await textRecords(db, caseId, referencesIn(text));
  const wanted = new Map<string, RecordRef>();
  for (const { ref, record } of found) if (record && !(ref.type === from.type && ref.id === from.id)) wanted.set(refKey(ref), ref);

  const existing = await db.links
    .where('ends')
    .equals(from.id)
    .filter((link) => link.kind === TEXT_LINK_KIND && link.from.id === from.id)
    .toArray();
  const kept = new Set(existing.map((link) => refKey(link.to)));
  const stale = existing.filter((link) => !wanted.has(refKey(link.to)));
  const at = now();
  const added: Link[] = [...wanted.values()]
    .filter((ref) => !kept.has(refKey(ref)))
    .map((to) => ({ id: newId(), caseId, from, to, kind: TEXT_LINK_KIND, ends: [from.id, to.id], createdAt: at, updatedAt: at }));
  await db.links.bulkDelete(stale.map((link) => link.id));
  await db.links.bulkAdd(added);

  if (!text) return text;
  const current = new Map(found.map((item) => [refKey(item.asked), item]));
  return withCurrentLabels(text, (ref, field) => {
    const { ref: standsFor, record } = current.get(refKey(ref)) ?? {};
    if (!record || !standsFor) return null;
    return field === 'quote' ? (record as Excerpt).quote : recordTitle(standsFor.type, record);
  });
}

/**
 * Puts the notes whose text mentions or links to these records (their `text-mention` links) back as they are, in the
 * caller's transaction (which must include `links` and `notes`): what tells search to read them again, and so find
 * them by the names they mention as those are called now, after a rename or a merge. Their text is not rewritten (it
 * keeps the titles it was saved with until it is saved again; every view shows the current ones). Returns the notes,
 * for the history entry to name: an index opened later, in this window or another, catches up on them from it.
 */
export async function touchTextsMentioning(db: CasebookDB, recordIds: readonly string[]): Promise<RecordRef[]> {
  if (!recordIds.length) return [];
  const targets = new Set(recordIds);
  const links = await db.links
    .where('ends')
    .anyOf([...targets])
    .filter((link) => link.kind === TEXT_LINK_KIND && link.from.type === 'note' && targets.has(link.to.id))
    .toArray();
  const noteIds = [...new Set(links.map((link) => link.from.id))];
  if (!noteIds.length) return [];
  const notes = (await db.notes.bulkGet(noteIds)).filter((note): note is Note => note !== undefined);
  await db.notes.bulkPut(notes);
  return notes.map((note) => ({ type: 'note' as const, id: note.id }));
}
