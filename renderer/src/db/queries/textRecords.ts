import Dexie from 'dexie';
import type { CaseDocument, CaseRecord, Excerpt, Note, RecordRef, RecordType, RichTextNode } from '../../../../shared/domain';
import { RECORD_LINK_NODE, labelOfNode, passagesMentioning, referencesIn, refKey } from '../../../../shared/textReferences';
import { TEXT_LINK_KIND, recordTitle, tableOf } from '../../../../shared/vocabulary';
import type { CasebookDB } from '../schema';

/**
 * The entities merged into others and not brought back since, each by the id of the entity it became (an undo is an
 * entry of its own that names the merge it undid). A chain of merges is followed by `keptEntityId`.
 */
export async function entityRedirects(db: CasebookDB, caseId: string): Promise<Map<string, string>> {
  const entries = await db.history.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray();
  const undone = new Set(entries.flatMap((entry) => (entry.undoes === undefined ? [] : [entry.undoes])));
  const redirects = new Map<string, string>();
  for (const entry of entries) {
    if (entry.undo?.kind !== 'merge' || entry.seq === undefined || undone.has(entry.seq)) continue;
    for (const id of entry.undo.mergedIds) redirects.set(id, entry.undo.keptId);
  }
  return redirects;
}

/** The entity an id now stands for: itself, or the entity it was merged into (through any chain of merges). */
function keptEntityId(id: string, redirects: ReadonlyMap<string, string>): string {
  const seen = new Set<string>();
  let current = id;
  while (redirects.has(current) && !seen.has(current)) {
    seen.add(current);
    current = redirects.get(current)!;
  }
  return current;
}

/** A record a text refers to, as it is now. */
export interface TextRecord {
  /** What the text stores. */
  asked: RecordRef;
  /** The record it stands for now: the asked one, or the entity a merged-away one became. */
  ref: RecordRef;
  /** Undefined when it is gone (deleted, or never in this case). */
  record: CaseRecord | undefined;
  /** For an excerpt, the document it quotes (undefined for none, or gone). */
  document?: CaseDocument;
}

/**
 * The records a text refers to, read in one pass (one bulk read per type): what an editor or a view of the text needs
 * to show each mention by its current title. A merged-away entity is read as the entity kept; a record of another
 * case counts as gone. The merges are read only when an entity is missing.
 */
export async function textRecords(db: CasebookDB, caseId: string, refs: readonly RecordRef[]): Promise<TextRecord[]> {
  const read = async (wanted: readonly RecordRef[]) => {
    const byType = new Map<RecordType, string[]>();
    for (const ref of wanted) byType.set(ref.type, [...(byType.get(ref.type) ?? []), ref.id]);
    const found = new Map<string, CaseRecord>();
    await Promise.all(
      [...byType].map(async ([type, ids]) => {
        const rows = (await db.table(tableOf(type)).bulkGet(ids)) as (CaseRecord | undefined)[];
        for (const row of rows) if (row && row.caseId === caseId) found.set(`${type}:${row.id}`, row);
      }),
    );
    return found;
  };
  const found = await read(refs);
  const missingEntities = refs.filter((ref) => ref.type === 'entity' && !found.has(`entity:${ref.id}`));
  const redirects = missingEntities.length ? await entityRedirects(db, caseId) : new Map<string, string>();
  const kept = missingEntities
    .map((ref) => ({ type: 'entity' as const, id: keptEntityId(ref.id, redirects) }))
    .filter((ref) => !found.has(`entity:${ref.id}`) && redirects.size > 0);
  for (const [key, record] of await read(kept)) found.set(key, record);
  const excerpts = refs.flatMap((ref) => {
    const record = ref.type === 'excerpt' ? found.get(`excerpt:${ref.id}`) : undefined;
    return record ? [record as Excerpt] : [];
  });
  const documentIds = [...new Set(excerpts.flatMap((excerpt) => (excerpt.documentId ? [excerpt.documentId] : [])))];
  const documents = new Map((await db.documents.bulkGet(documentIds)).flatMap((document) => (document ? [[document.id, document] as const] : [])));
  return refs.map((asked) => {
    const ref = asked.type === 'entity' ? { type: 'entity' as const, id: keptEntityId(asked.id, redirects) } : asked;
    const record = found.get(`${ref.type}:${ref.id}`);
    const documentId = record && asked.type === 'excerpt' ? (record as Excerpt).documentId : null;
    return { asked, ref, record, ...(documentId ? { document: documents.get(documentId) } : {}) };
  });
}

/** A note that mentions or links to a record, with the sentences it does so in. */
export interface TextBacklink {
  note: Note;
  /** The text of each block that mentions the record, the record named as it is called now. */
  passages: string[];
}

/**
 * The notes whose text mentions or links to a record (their `text-mention` links), most recently edited first, each
 * with the sentences around the mentions. A mention written of an entity since merged into this one counts.
 */
export async function textBacklinks(db: CasebookDB, caseId: string, target: RecordRef): Promise<TextBacklink[]> {
  const links = await db.links.where('ends').equals(target.id).filter((link) => link.kind === TEXT_LINK_KIND && link.to.id === target.id).toArray();
  if (!links.length) return [];
  const notes = (await db.notes.bulkGet([...new Set(links.map((link) => link.from.id))]))
    .filter((note): note is Note => note !== undefined && note.caseId === caseId)
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  // Every record the sentences name, as it is called now (merged-away entities as the one kept).
  const named = [...new Map(notes.flatMap((note) => referencesIn(note.body)).map((ref) => [refKey(ref), ref])).values()];
  const now = new Map((await textRecords(db, caseId, named)).map((item) => [refKey(item.asked), item]));
  const standsFor = (ref: RecordRef) => {
    const current = now.get(refKey(ref))?.ref ?? ref;
    return current.type === target.type && current.id === target.id;
  };
  const titleOf = (ref: RecordRef, node: RichTextNode) => {
    const item = now.get(refKey(ref));
    return item?.record && node.type === RECORD_LINK_NODE ? recordTitle(item.ref.type, item.record) : labelOfNode(node);
  };
  return notes.map((note) => ({ note, passages: passagesMentioning(note.body, target, titleOf, standsFor) }));
}
