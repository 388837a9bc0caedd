/**
 * Which records of a case a report holds, from the researcher's selection (report/options.ts): pure, so it is tested
 * on its own and the report's reader only feeds it rows. Each part of the selection narrows the kinds of record it
 * names; an event citing a kept excerpt stays with it, and the entity index and the sources follow what is kept.
 */
import type { Entity, Excerpt, Link, Note, NoteFolder, Tag, TimelineEvent } from '../../../shared/domain';
import { withDescendants } from '../../../shared/codebook';
import { latestKeyOf, precisionOf, sortKeyOf } from '../../../shared/partialDate';
import { selectsWholeCase, type ReportSelection } from './options';

/** The records a selection is made from. */
export interface SelectionRecords {
  excerpts: readonly Pick<Excerpt, 'id' | 'documentId' | 'tags'>[];
  events: readonly Pick<TimelineEvent, 'id' | 'start' | 'end' | 'tags' | 'evidenceIds' | 'participantIds' | 'placeId'>[];
  /** In the order the report prints them. */
  notes: readonly Pick<Note, 'id'>[];
  entities: readonly Pick<Entity, 'id'>[];
  documents: readonly { id: string }[];
  tags: readonly Pick<Tag, 'id' | 'parentId'>[];
  links: readonly Pick<Link, 'from' | 'to'>[];
}

/** What a report holds, by id; `noteIds` in print order. */
export interface SelectedRecords {
  excerptIds: Set<string>;
  eventIds: Set<string>;
  noteIds: string[];
  /** The entity index. */
  entityIds: Set<string>;
  /** The sources. */
  documentIds: Set<string>;
}

/** The ids of the records of `type` each record is linked to (either way), by the record's id. */
export function linkedIds(links: SelectionRecords['links'], fromType: string, toType: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    const set = found.get(from);
    if (set) set.add(to);
    else found.set(from, new Set([to]));
  };
  for (const { from, to } of links) {
    if (from.type === fromType && to.type === toType) add(from.id, to.id);
    if (to.type === fromType && from.type === toType && fromType !== toType) add(to.id, from.id);
  }
  return found;
}

const partialKeys = (value: string | null, end: boolean): string | null => {
  if (value === null) return null;
  const precision = precisionOf(value);
  if (!precision) return null;
  return end ? latestKeyOf({ value, precision }) : sortKeyOf({ value, precision });
};

/** Whether an event's dates overlap the range `from`–`to` (either open); an undated event overlaps none. */
export function overlapsRange(event: Pick<TimelineEvent, 'start' | 'end'>, from: string | null, to: string | null): boolean {
  if (from === null && to === null) return true;
  if (!event.start) return false;
  const eventStart = sortKeyOf(event.start);
  const eventEnd = latestKeyOf(event.end ?? event.start);
  const rangeStart = partialKeys(from, false);
  const rangeEnd = partialKeys(to, true);
  return (rangeStart === null || eventEnd >= rangeStart) && (rangeEnd === null || eventStart <= rangeEnd);
}

const hasAny = (values: readonly string[], chosen: ReadonlySet<string>): boolean => values.some((value) => chosen.has(value));

export function selectRecords(records: SelectionRecords, selection: ReportSelection): SelectedRecords {
  if (selectsWholeCase(selection))
    return {
      excerptIds: new Set(records.excerpts.map((excerpt) => excerpt.id)),
      eventIds: new Set(records.events.map((event) => event.id)),
      noteIds: records.notes.map((note) => note.id),
      entityIds: new Set(records.entities.map((entity) => entity.id)),
      documentIds: new Set(records.documents.map((document) => document.id)),
    };
  const tagIds = new Set<string>();
  for (const tagId of selection.tagIds) for (const id of withDescendants(records.tags, tagId)) tagIds.add(id);
  const chosenEntities = new Set(selection.entityIds);
  const chosenDocuments = selection.documentIds ? new Set(selection.documentIds) : null;
  const excerptEntities = linkedIds(records.links, 'excerpt', 'entity');

  const excerptIds = new Set(
    records.excerpts
      .filter(
        (excerpt) =>
          (!chosenDocuments || (excerpt.documentId !== null && chosenDocuments.has(excerpt.documentId))) &&
          (!tagIds.size || hasAny(excerpt.tags, tagIds)) &&
          (!chosenEntities.size || hasAny([...(excerptEntities.get(excerpt.id) ?? [])], chosenEntities)),
      )
      .map((excerpt) => excerpt.id),
  );
  const eventIds = new Set(
    records.events
      .filter((event) => {
        const citesKept = hasAny(event.evidenceIds, excerptIds);
        const involved = event.placeId ? [...event.participantIds, event.placeId] : event.participantIds;
        return (
          (!tagIds.size || citesKept || hasAny(event.tags, tagIds)) &&
          (!chosenEntities.size || citesKept || hasAny(involved, chosenEntities)) &&
          overlapsRange(event, selection.from, selection.to)
        );
      })
      .map((event) => event.id),
  );
  const noteIds = selection.noteIds
    ? (() => {
        const chosen = new Set(selection.noteIds);
        return records.notes.filter((note) => chosen.has(note.id)).map((note) => note.id);
      })()
    : records.notes.map((note) => note.id);

  // The index holds the chosen entities and every entity what is kept involves or mentions.
  const known = new Set(records.entities.map((entity) => entity.id));
  const entityIds = new Set([...chosenEntities].filter((id) => known.has(id)));
  for (const event of records.events)
    if (eventIds.has(event.id)) {
      for (const id of event.participantIds) entityIds.add(id);
      if (event.placeId) entityIds.add(event.placeId);
    }
  for (const id of excerptIds) for (const entityId of excerptEntities.get(id) ?? []) entityIds.add(entityId);
  const noteEntities = linkedIds(records.links, 'note', 'entity');
  for (const id of noteIds) for (const entityId of noteEntities.get(id) ?? []) entityIds.add(entityId);
  for (const id of entityIds) if (!known.has(id)) entityIds.delete(id);

  const knownDocuments = new Set(records.documents.map((document) => document.id));
  const documentIds = new Set((selection.documentIds ?? []).filter((id) => knownDocuments.has(id)));
  for (const excerpt of records.excerpts)
    if (excerptIds.has(excerpt.id) && excerpt.documentId && knownDocuments.has(excerpt.documentId)) documentIds.add(excerpt.documentId);

  return { excerptIds, eventIds, noteIds, entityIds, documentIds };
}

/** The case's notes in the order of its notes tree: the pinned summary first, then each folder's items depth first. */
export function notesInTreeOrder<N extends Pick<Note, 'id' | 'parentId' | 'position' | 'pinned'>>(
  notes: readonly N[],
  folders: readonly Pick<NoteFolder, 'id' | 'parentId' | 'position'>[],
): N[] {
  const folderIds = new Set(folders.map((folder) => folder.id));
  const parentOf = (parentId: string | null | undefined) => (parentId && folderIds.has(parentId) ? parentId : null);
  type Item = { id: string; position: string; note?: N };
  const children = new Map<string | null, Item[]>();
  const add = (parentId: string | null, item: Item) => {
    const list = children.get(parentId);
    if (list) list.push(item);
    else children.set(parentId, [item]);
  };
  for (const folder of folders) add(parentOf(folder.parentId), { id: folder.id, position: folder.position ?? '' });
  for (const note of notes) add(parentOf(note.parentId), { id: note.id, position: typeof note.position === 'string' ? note.position : '', note });
  const byPosition = (a: Item, b: Item) =>
    a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  const ordered: N[] = [];
  const seen = new Set<string>();
  const walk = (parentId: string | null) => {
    for (const item of (children.get(parentId) ?? []).sort(byPosition)) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      if (item.note) ordered.push(item.note);
      else walk(item.id);
    }
  };
  walk(null);
  // A note in a folder loop (never made by the app) is still printed, after the others.
  for (const note of notes) if (!seen.has(note.id)) ordered.push(note);
  const pinned = ordered.filter((note) => note.pinned === true);
  return [...pinned, ...ordered.filter((note) => note.pinned !== true)];
}
