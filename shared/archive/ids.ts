import { ENTITY_TYPES, type RichText, type RichTextNode } from '../domain';
import { ATTACHMENT_PREFIX } from '../attachments';
import { EXCERPT_QUOTE_NODE, RECORD_LINK_NODE } from '../textReferences';
import { RECORD_TYPES, isBuiltInRelationshipType, tableOf } from '../vocabulary';
import type { ArchivedRow, ArchivedTable } from './records';

/**
 * Every id a row of an archived case holds, in one place: its own (its key, its parts' ids) and those of the records it
 * points to, each with where it is and whether Casebook itself may leave it pointing at nothing. `referencesOf` lists
 * them, `checkReferences` resolves them and `remapCase` rewrites them, all through `rewriteIds`, so the three never
 * disagree about where an id can be.
 */

/** One place in a row that holds an id. */
export interface IdSlot {
  /** The table whose record the id names. */
  table: ArchivedTable;
  id: string;
  /** Where in the row: `evidenceIds[0]`, `body (a mention)`. */
  field: string;
  /** The row's own key, or the id of one of its parts (an entity's attribute): not a reference. */
  own?: 'key' | 'part';
  /** How the row refers to it, in a sentence: an event "cites" an excerpt. */
  says: string;
  /** Why Casebook leaves this reference in place when the record goes (absent: it never does, so it must resolve). */
  tolerated?: string;
}

/** Gives the id to keep in a slot: the same one to read, a new one to remap. */
export type IdVisitor = (slot: IdSlot) => string;

/**
 * The references Casebook leaves pointing at nothing on purpose, and why: an archive of a real case holds them, and
 * they are not errors. Found in the domain (renderer/src/domain/*): what each deletion cleans up, and what it keeps.
 */
export const TOLERATED = {
  /**
   * Rich text keeps a mention (`recordLink`) or quote block (`excerptQuote`) of a record deleted or merged away since:
   * it shows the title it was written with, as missing (domain/textLinks.ts; a merged entity's mention follows the
   * merge through the history).
   */
  mention: 'a text keeps its mentions of records deleted since, shown with the title they were written with',
  /** A note's image whose attachment is gone shows as missing (editor/attachmentSource.ts `attachmentUrl`). */
  image: 'a text keeps an image whose attachment is gone, shown as missing',
  /** The history is only ever added to: it names records deleted since (domain/writeCase.ts). */
  history: 'the history names records deleted since',
  /** A merge's undo keeps the records as they were before it, whatever happened to them since (domain/merge.ts). */
  mergeUndo: 'a merge’s undo keeps the records as they were before it',
  /** An earlier text keeps where each excerpt was, by id, for its undo; deleting an excerpt leaves it (domain/documentCleanup.ts). */
  versionAnchors: 'an earlier text keeps where excerpts deleted since were',
  /** The report options keep what was chosen; deleting a record leaves them, and the report skips what is gone. */
  reportSelection: 'the report options keep records chosen before they were deleted',
  /** A date dismissed in a document is kept under the document's id; deleting the document leaves it (domain/deletion.ts). */
  dateDismissal: 'a dismissed date stays under the id of its document, deleted since',
  /**
   * Deleting or merging a tag retags excerpts and entities but not events (domain/tags.ts `Reshaping.write`): an event
   * keeps the id of a tag gone. A gap in the domain rather than a rule, but real cases hold it.
   */
  eventTags: 'deleting a tag leaves it on events (not on excerpts or entities)',
} as const;

/** The `type` dismissed date suggestions are kept under (renderer/src/dates/suggestions.ts `DATE_SUGGESTION_TYPE`). */
export const DATE_SUGGESTION_TYPE = 'date in text';
/** What ends the document's id at the start of a dismissed date's key (renderer/src/dates/suggestions.ts `dateKeyPrefix`). */
export const DATE_KEY_SEPARATOR = '\u0001';

const isBuiltInEntityType = (type: string): boolean => (ENTITY_TYPES as readonly string[]).includes(type);

/** A visitor that tolerates what it is given: for the slots of a merge's undo, and of history. */
const tolerating =
  (visit: IdVisitor, reason: string, prefix: string): IdVisitor =>
  (slot) =>
    visit({ ...slot, own: slot.own === 'part' ? 'part' : undefined, field: `${prefix}${slot.field}`, tolerated: slot.tolerated ?? reason });

const idList = (ids: readonly string[], field: string, table: ArchivedTable, says: string, visit: IdVisitor, tolerated?: string): string[] =>
  ids.map((id, index) => visit({ table, id, field: `${field}[${index}]`, says, ...(tolerated && { tolerated }) }));

/** The ids a rich text holds: mentions and links, quoted excerpts, and pasted images. */
export function rewriteRichTextIds<T extends RichText | null>(text: T, field: string, visit: IdVisitor): T {
  if (!text) return text;
  const rewrite = (node: RichTextNode): RichTextNode => {
    const attrs = node.attrs;
    let changed: Record<string, unknown> | undefined;
    if (attrs) {
      if (node.type === RECORD_LINK_NODE && (RECORD_TYPES as readonly unknown[]).includes(attrs.type) && typeof attrs.id === 'string' && attrs.id) {
        const table = tableOf(attrs.type as (typeof RECORD_TYPES)[number]);
        const id = visit({ table, id: attrs.id, field: `${field} (a mention)`, says: 'mentions', tolerated: TOLERATED.mention });
        if (id !== attrs.id) changed = { ...attrs, id };
      } else if (node.type === EXCERPT_QUOTE_NODE && typeof attrs.id === 'string' && attrs.id) {
        const id = visit({ table: 'excerpts', id: attrs.id, field: `${field} (a quote)`, says: 'quotes', tolerated: TOLERATED.mention });
        if (id !== attrs.id) changed = { ...attrs, id };
      }
      if (typeof attrs.src === 'string' && attrs.src.startsWith(ATTACHMENT_PREFIX) && attrs.src.length > ATTACHMENT_PREFIX.length) {
        const old = attrs.src.slice(ATTACHMENT_PREFIX.length);
        const id = visit({ table: 'attachments', id: old, field: `${field} (an image)`, says: 'shows', tolerated: TOLERATED.image });
        if (id !== old) changed = { ...(changed ?? attrs), src: `${ATTACHMENT_PREFIX}${id}` };
      }
    }
    const content = node.content?.map(rewrite);
    const contentChanged = content !== undefined && content.some((child, index) => child !== node.content![index]);
    if (!changed && !contentChanged) return node;
    return { ...node, ...(changed && { attrs: changed }), ...(contentChanged && { content }) };
  };
  return rewrite(text as RichTextNode) as T;
}

/** Positions on the link chart, by entity id. */
function rewritePositions<P>(positions: Record<string, P>, field: string, visit: IdVisitor, tolerated?: string): Record<string, P> {
  return Object.fromEntries(
    Object.entries(positions).map(([id, position]) => [
      visit({ table: 'entities', id, field: `${field}[${JSON.stringify(id)}]`, says: 'places', ...(tolerated && { tolerated }) }),
      position,
    ]),
  );
}

type Rewriter<T extends ArchivedTable> = (row: ArchivedRow<T>, visit: IdVisitor) => ArchivedRow<T>;

const caseOf = (caseId: string, visit: IdVisitor): string => visit({ table: 'cases', id: caseId, field: 'caseId', says: 'belongs to' });

/** A record's own id and its case. */
function keys<R extends { id: string; caseId: string }>(table: ArchivedTable, row: R, visit: IdVisitor): R {
  return { ...row, id: visit({ table, id: row.id, field: 'id', says: 'is', own: 'key' }), caseId: caseOf(row.caseId, visit) };
}

const entities: Rewriter<'entities'> = (row, visit) => ({
  ...keys('entities', row, visit),
  type: isBuiltInEntityType(row.type) ? row.type : visit({ table: 'entityTypes', id: row.type, field: 'type', says: 'is of type' }),
  attributes: row.attributes.map((attribute, index) => ({
    ...attribute,
    id: visit({ table: 'entities', id: attribute.id, field: `attributes[${index}].id`, says: 'has attribute', own: 'part' }),
  })),
  tags: idList(row.tags, 'tags', 'tags', 'is tagged with', visit),
  description: rewriteRichTextIds(row.description, 'description', visit),
});

const links: Rewriter<'links'> = (row, visit) => {
  const from = { ...row.from, id: visit({ table: tableOf(row.from.type), id: row.from.id, field: 'from', says: 'links from' }) };
  const to = { ...row.to, id: visit({ table: tableOf(row.to.type), id: row.to.id, field: 'to', says: 'links to' }) };
  return { ...keys('links', row, visit), from, to, ends: [from.id, to.id] };
};

const relationships: Rewriter<'relationships'> = (row, visit) => {
  const from = visit({ table: 'entities', id: row.from, field: 'from', says: 'goes from' });
  const to = visit({ table: 'entities', id: row.to, field: 'to', says: 'goes to' });
  return {
    ...keys('relationships', row, visit),
    from,
    to,
    ends: [from, to],
    type: isBuiltInRelationshipType(row.type)
      ? row.type
      : visit({ table: 'relationshipTypes', id: row.type, field: 'type', says: 'is of type' }),
    excerptIds: idList(row.excerptIds, 'excerptIds', 'excerpts', 'is supported by', visit),
    note: rewriteRichTextIds(row.note, 'note', visit),
  };
};

const events: Rewriter<'events'> = (row, visit) => ({
  ...keys('events', row, visit),
  placeId: row.placeId === null ? null : visit({ table: 'entities', id: row.placeId, field: 'placeId', says: 'takes place at' }),
  participants: row.participants.map((participant, index) => ({
    ...participant,
    entityId: visit({ table: 'entities', id: participant.entityId, field: `participants[${index}].entityId`, says: 'involves' }),
  })),
  participantIds: idList(row.participantIds, 'participantIds', 'entities', 'involves', visit),
  evidenceIds: idList(row.evidenceIds, 'evidenceIds', 'excerpts', 'cites', visit),
  tags: idList(row.tags, 'tags', 'tags', 'is tagged with', visit, TOLERATED.eventTags),
  sameAs: row.sameAs === null ? null : visit({ table: 'events', id: row.sameAs, field: 'sameAs', says: 'is marked the same happening as' }),
  description: rewriteRichTextIds(row.description, 'description', visit),
});

const REWRITERS: { [T in ArchivedTable]: Rewriter<T> } = {
  cases: (row, visit) => ({
    ...row,
    id: visit({ table: 'cases', id: row.id, field: 'id', says: 'is', own: 'key' }),
    description: rewriteRichTextIds(row.description, 'description', visit),
  }),
  documents: (row, visit) => ({ ...keys('documents', row, visit), summary: rewriteRichTextIds(row.summary, 'summary', visit) }),
  documentFiles: (row, visit) => ({
    ...row,
    // Its id is its document's: the key and a reference at once.
    id: visit({ table: 'documents', id: row.id, field: 'id', says: 'is the original of' }),
    caseId: caseOf(row.caseId, visit),
  }),
  documentVersions: (row, visit) => {
    const own = keys('documentVersions', row, visit);
    return {
      ...own,
      documentId: visit({ table: 'documents', id: row.documentId, field: 'documentId', says: 'is an earlier text of' }),
      anchors: Object.fromEntries(
        Object.entries(row.anchors).map(([excerptId, anchor]) => [
          visit({ table: 'excerpts', id: excerptId, field: `anchors[${JSON.stringify(excerptId)}]`, says: 'places', tolerated: TOLERATED.versionAnchors }),
          anchor,
        ]),
      ),
    };
  },
  recognisedPages: (row, visit) => {
    const documentId = visit({ table: 'documents', id: row.documentId, field: 'documentId', says: 'is a page of' });
    // Its id is made of its document's and its page's number (domain/recognisedText.ts).
    return { ...row, id: `${documentId}:${row.page}`, documentId, caseId: caseOf(row.caseId, visit) };
  },
  excerpts: (row, visit) => ({
    ...keys('excerpts', row, visit),
    documentId: row.documentId === null ? null : visit({ table: 'documents', id: row.documentId, field: 'documentId', says: 'quotes' }),
    tags: idList(row.tags, 'tags', 'tags', 'is tagged with', visit),
    comment: rewriteRichTextIds(row.comment, 'comment', visit),
  }),
  entities,
  events,
  notes: (row, visit) => ({
    ...keys('notes', row, visit),
    parentId: row.parentId === null ? null : visit({ table: 'noteFolders', id: row.parentId, field: 'parentId', says: 'is in' }),
    body: rewriteRichTextIds(row.body, 'body', visit),
  }),
  noteFolders: (row, visit) => ({
    ...keys('noteFolders', row, visit),
    parentId: row.parentId === null ? null : visit({ table: 'noteFolders', id: row.parentId, field: 'parentId', says: 'is in' }),
  }),
  attachments: (row, visit) => ({
    ...keys('attachments', row, visit),
    noteId: visit({ table: 'notes', id: row.noteId, field: 'noteId', says: 'is kept for' }),
  }),
  tags: (row, visit) => ({
    ...keys('tags', row, visit),
    parentId: row.parentId === null ? null : visit({ table: 'tags', id: row.parentId, field: 'parentId', says: 'sits under' }),
  }),
  links,
  entityTypes: (row, visit) => keys('entityTypes', row, visit),
  relationshipTypes: (row, visit) => keys('relationshipTypes', row, visit),
  relationships,
  dismissedSuggestions: (row, visit) => {
    const caseId = caseOf(row.caseId, visit);
    if (row.type === DATE_SUGGESTION_TYPE) {
      // The key starts with the id of the document the date was found in.
      const end = row.key.indexOf(DATE_KEY_SEPARATOR);
      if (end <= 0) return { ...row, caseId };
      const documentId = visit({ table: 'documents', id: row.key.slice(0, end), field: 'key', says: 'dismissed a date in', tolerated: TOLERATED.dateDismissal });
      return { ...row, caseId, key: `${documentId}${row.key.slice(end)}` };
    }
    return {
      ...row,
      caseId,
      type: isBuiltInEntityType(row.type) ? row.type : visit({ table: 'entityTypes', id: row.type, field: 'type', says: 'was suggested as' }),
    };
  },
  chartLayouts: (row, visit) => ({ ...row, caseId: caseOf(row.caseId, visit), positions: rewritePositions(row.positions, 'positions', visit) }),
  reportOptions: (row, visit) => {
    const options = row.options;
    const selection = options.selection;
    if (typeof selection !== 'object' || selection === null) return { ...row, caseId: caseOf(row.caseId, visit) };
    const chosen = { ...(selection as Record<string, unknown>) };
    const lists = { tagIds: 'tags', entityIds: 'entities', noteIds: 'notes', documentIds: 'documents' } as const;
    for (const [key, table] of Object.entries(lists)) {
      const ids = chosen[key];
      if (Array.isArray(ids))
        chosen[key] = ids.map((id: unknown, index) =>
          typeof id === 'string' && id
            ? visit({ table, id, field: `options.selection.${key}[${index}]`, says: 'selects', tolerated: TOLERATED.reportSelection })
            : id,
        );
    }
    return { ...row, caseId: caseOf(row.caseId, visit), options: { ...options, selection: chosen } };
  },
  history: (row, visit) => {
    const named = tolerating(visit, TOLERATED.history, '');
    const rewritten = {
      ...row,
      caseId: caseOf(row.caseId, visit),
      records: row.records.map((ref, index) => ({
        ...ref,
        id: named({ table: tableOf(ref.type), id: ref.id, field: `records[${index}]`, says: 'names' }),
      })),
    };
    if (!row.undo) return rewritten;
    const { undo } = row;
    const kept = tolerating(visit, TOLERATED.mergeUndo, 'undo.');
    const each = <R>(rows: readonly R[], field: string, rewrite: (row: R, visit: IdVisitor) => R) =>
      rows.map((before, index) => rewrite(before, tolerating(visit, TOLERATED.mergeUndo, `undo.before.${field}[${index}].`)));
    return {
      ...rewritten,
      undo: {
        ...undo,
        keptId: kept({ table: 'entities', id: undo.keptId, field: 'keptId', says: 'merged into' }),
        mergedIds: idList(undo.mergedIds, 'undo.mergedIds', 'entities', 'merged', visit, TOLERATED.mergeUndo),
        before: {
          ...undo.before,
          entities: each(undo.before.entities, 'entities', entities),
          links: each(undo.before.links, 'links', links),
          relationships: each(undo.before.relationships, 'relationships', relationships),
          positions: rewritePositions(undo.before.positions, 'undo.before.positions', visit, TOLERATED.mergeUndo),
          ...(undo.before.events && { events: each(undo.before.events, 'events', events) }),
        },
        written: {
          ...undo.written,
          entities: idList(undo.written.entities, 'undo.written.entities', 'entities', 'wrote', visit, TOLERATED.mergeUndo),
          links: idList(undo.written.links, 'undo.written.links', 'links', 'wrote', visit, TOLERATED.mergeUndo),
          relationships: idList(undo.written.relationships, 'undo.written.relationships', 'relationships', 'wrote', visit, TOLERATED.mergeUndo),
          ...(undo.written.events && {
            events: idList(undo.written.events, 'undo.written.events', 'events', 'wrote', visit, TOLERATED.mergeUndo),
          }),
        },
      },
    };
  },
};

/**
 * Calls `visit` on every id a row holds (its own, its case's, and every record's it points to, in rich text too) and
 * returns a copy of the row with each replaced by what `visit` gave.
 */
export function rewriteIds<T extends ArchivedTable>(table: T, row: ArchivedRow<T>, visit: IdVisitor): ArchivedRow<T> {
  return (REWRITERS[table] as Rewriter<T>)(row, visit);
}
